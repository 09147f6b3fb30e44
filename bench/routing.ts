/**
 * `npm run bench -- routing`: the universal queue, pure and persisted.
 * - the pure core (1,000 agents, 100 skills, 3 channels, sustained arrivals): bench/routing-core.ts;
 * - end to end with persistence: interactions created and routed to 1,000 agents through the real
 *   services (create → engine → offer committed), on PostgreSQL when DATABASE_URL is set, else PGlite;
 * - the peer, pg-boss, dispatching the same number of jobs to the same number of workers on the same
 *   PostgreSQL server; and the server's ceiling for one-row transactions, for context.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createLogger } from '../src/platform/logging.ts';
import core from './routing-core.ts';
import { backendCpu } from './support/backend-cpu.ts';
import { scratchDatabase } from './support/scratch-database.ts';
import type { Bench } from './types.ts';

const AGENTS = 1000;
const SKILLS = 100;
const CHANNELS = ['voice', 'chat', 'email'] as const;
const CONCURRENCY = 64;
/** The open arrival process: arrivals offered per second, and most creations waiting at once. */
const OPEN_RATE = 6000;
const IN_FLIGHT = 2000;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/** Runs `count` tasks with at most `concurrency` in flight. */
async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** The end-to-end load: a closed loop of callers, then an open arrival process at an offered rate. */
export interface EndToEndLoad {
  closedArrivals: number;
  openRate: number;
  openSeconds: number;
  inFlight: number;
}

export async function endToEnd(
  databaseUrl: string | null,
  load: EndToEndLoad,
  progress: (m: string) => void,
) {
  const scratch = databaseUrl ? await scratchDatabase(databaseUrl, 'routing') : null;
  const database = await openDatabase({ databaseUrl: scratch?.url ?? null, dataDir: null, poolSize: 16 });
  await migrate(database);
  const config = loadConfig({ ATIENDE_MODE: 'test' });
  const { app, services } = await buildApp(config, {
    database,
    logger: createLogger({ logLevel: 'silent' }),
  });
  const ws = await services.workspaces.create({
    slug: 'bench',
    name: 'Bench',
    timeZone: 'UTC',
    defaultLanguage: 'es',
    defaultCountry: 'CO',
  });
  const { routing } = services;
  progress(`end to end on ${database.kind}: ${SKILLS} queues, ${AGENTS} agents`);
  for (let k = 0; k < SKILLS; k++) {
    await routing.config.saveQueue(ws.id, {
      key: `q${k}`,
      name: `Q${k}`,
      targets: {},
      policy: { requirements: [{ skill: `s${k}`, minProficiency: 2 }] },
    });
  }
  const agentIds = Array.from(
    { length: AGENTS },
    (_, i) => `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
  );
  await pool(AGENTS, 16, async (i) => {
    const skills = Object.fromEntries(
      Array.from({ length: 5 }, (_, j) => [`s${(i * 7 + j * 13) % SKILLS}`, 2 + ((i + j) % 4)]),
    );
    await routing.config.saveAgentProfile(ws.id, agentIds[i]!, {
      skills,
      languages: ['es'],
      channels: { voice: 1, chat: 3, email: 5 },
      capacity: 100,
      teams: [],
    });
    await routing.service.setState(ws.id, agentIds[i]!, 'available');
  });

  await app.ready();
  const cycle = async (i: number) => {
    // Created and routed in the routing group's transaction; answered as committed, so no read-back.
    const { interaction } = await routing.service.create(
      ws.id,
      { channel: CHANNELS[i % 3]!, direction: 'inbound', queueId: `q${(i * 31) % SKILLS}`, priority: i % 3 },
      null,
    );
    return {
      offered: interaction.state === 'offered',
      // Free the agent again, so the load is sustained rather than filling every agent once.
      abandon: () => routing.service.abandon(ws.id, interaction.id),
    };
  };

  progress(`closed loop: ${load.closedArrivals.toLocaleString('en-US')} arrivals, ${CONCURRENCY} callers`);
  const closed = await measured(databaseUrl, scratch?.url ?? null, () =>
    closedLoop(load.closedArrivals, cycle),
  );
  progress(
    `open: ${load.openRate.toLocaleString('en-US')} arrivals/s for ${load.openSeconds} s, at most ${load.inFlight} in flight`,
  );
  const open = await measured(databaseUrl, scratch?.url ?? null, () =>
    openLoop(load.openRate, load.openSeconds, load.inFlight, cycle),
  );
  await app.close();
  await database.close();
  await scratch?.drop();
  return { closed, open, kind: database.kind };
}

/**
 * Runs a load and adds the CPU time it cost per arrival (created, routed, abandoned): this process's
 * (the app, the projector and the load generator) and, when the server runs on this machine, its
 * backends' for the scratch database (read from /proc). CPU time moves less than wall time with other
 * work on a loaded machine, though it still moves.
 */
async function measured(
  serverUrl: string | null,
  scratchUrl: string | null,
  run: () => Promise<LoadResult>,
): Promise<LoadResult & { nodeUsPerArrival: number; serverUsPerArrival: number | null }> {
  const server =
    serverUrl && scratchUrl ? await backendCpu(serverUrl, new URL(scratchUrl).pathname.slice(1)) : null;
  const node = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(node);
  const serverSeconds = server ? await server.stop() : null;
  return {
    ...result,
    nodeUsPerArrival: (used.user + used.system) / result.arrivals,
    // None when the backends were not visible (PGlite, or a server on another machine).
    serverUsPerArrival: serverSeconds ? (serverSeconds * 1e6) / result.arrivals : null,
  };
}

type Cycle = (i: number) => Promise<{ offered: boolean; abandon: () => Promise<unknown> }>;

interface LoadResult {
  arrivals: number;
  routedPerSecond: number;
  offeredShare: number;
  p50: number;
  p99: number;
}

function summary(arrivals: number, routed: number, seconds: number, latencies: number[]): LoadResult {
  latencies.sort((a, b) => a - b);
  return {
    arrivals,
    routedPerSecond: routed / seconds,
    offeredShare: routed / arrivals,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

/** `count` arrivals from `CONCURRENCY` callers, each waiting for its offer and abandon before the next. */
async function closedLoop(count: number, cycle: Cycle): Promise<LoadResult> {
  const latencies: number[] = [];
  let routed = 0;
  const started = performance.now();
  await pool(count, CONCURRENCY, async (i) => {
    const t0 = performance.now();
    const { offered, abandon } = await cycle(i);
    latencies.push(performance.now() - t0);
    if (offered) routed++;
    await abandon();
  });
  return summary(count, routed, (performance.now() - started) / 1000, latencies);
}

/**
 * An open arrival process: arrival i is due at `i / rate` seconds, whether or not earlier ones were
 * answered, for `seconds` seconds. At most `inFlight` creations wait for their offer at once; an arrival
 * due while that many wait is sent as soon as one returns, and its latency still counts from when it was
 * due, so a backlog shows in the percentiles. Each offered arrival is then abandoned (not awaited by the
 * arrivals that follow), which frees its agent. Routed/s is offers committed over the time from the first
 * arrival to the last offer.
 */
async function openLoop(rate: number, seconds: number, inFlight: number, cycle: Cycle): Promise<LoadResult> {
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  const abandons: Promise<unknown>[] = [];
  let routed = 0;
  let waiting = 0;
  let sent = 0;
  let lastOffer = 0;
  let wake: (() => void) | null = null;
  const started = performance.now();
  const arrival = async (i: number, dueAt: number) => {
    waiting++;
    try {
      const { offered, abandon } = await cycle(i);
      const now = performance.now();
      latencies.push(now - dueAt);
      if (offered) {
        routed++;
        lastOffer = now;
      }
      abandons.push(abandon());
    } finally {
      waiting--;
      wake?.();
    }
  };
  const running: Promise<void>[] = [];
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) * rate) / 1000) + 1);
    while (sent < due && waiting < inFlight) {
      running.push(arrival(sent, started + (sent * 1000) / rate));
      sent++;
    }
    // Sleep until the next arrival is due, or until a slot frees when the bound holds arrivals back.
    await new Promise<void>((resolve) => {
      wake = resolve;
      setTimeout(resolve, sent < due ? 5 : Math.max(0, started + (sent * 1000) / rate - performance.now()));
    });
    wake = null;
  }
  await Promise.all(running);
  await Promise.all(abandons);
  return summary(total, routed, ((lastOffer || performance.now()) - started) / 1000, latencies);
}

async function pgBoss(serverUrl: string, jobs: number, progress: (m: string) => void) {
  const scratch = await scratchDatabase(serverUrl, 'pgboss');
  const boss = new PgBoss({ connectionString: scratch.url, max: 16, supervise: false, schedule: false });
  boss.on('error', () => {});
  await boss.start();
  await boss.createQueue('work');
  progress(`pg-boss: ${jobs.toLocaleString('en-US')} jobs to ${AGENTS} workers`);
  let done = 0;
  const started = performance.now();
  const sending = pool(jobs, CONCURRENCY, async (i) => {
    await boss.send('work', { i });
  });
  // Each worker takes one job at a time and completes it, as an agent takes one offer.
  const workers = Array.from({ length: AGENTS }, async () => {
    while (done < jobs) {
      const [job] = await boss.fetch('work', { batchSize: 1 });
      if (!job) {
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      await boss.complete('work', job.id);
      done++;
    }
  });
  await sending;
  await Promise.all(workers);
  const seconds = (performance.now() - started) / 1000;
  await boss.stop({ graceful: true, wait: true, timeout: 5000 });
  await new Promise((r) => setTimeout(r, 500));
  await scratch.drop();
  return jobs / seconds;
}

async function ceiling(serverUrl: string, seconds: number): Promise<number> {
  const scratch = await scratchDatabase(serverUrl, 'ceiling');
  const p = new pg.Pool({ connectionString: scratch.url, max: 16 });
  p.on('error', () => {});
  await p.query('create table t (id bigserial primary key, v int)');
  let count = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (performance.now() < until) {
        await p.query('insert into t (v) values (1)');
        count++;
      }
    }),
  );
  await p.end();
  await scratch.drop();
  return count / seconds;
}

const bench: Bench = async (options) => {
  const { full, progress } = options;
  const coreResult = await core(options);
  const load: EndToEndLoad = {
    closedArrivals: full ? 50_000 : 5_000,
    openRate: OPEN_RATE,
    openSeconds: full ? 20 : 3,
    inFlight: IN_FLIGHT,
  };
  const serverUrl = process.env.DATABASE_URL ?? null;
  const e2e = await endToEnd(serverUrl, load, progress);
  const peerServer = serverUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const bossRate = await pgBoss(peerServer, load.closedArrivals, progress);
  const dbCeiling = await ceiling(peerServer, 5);
  const { open, closed } = e2e;
  return {
    name: 'routing',
    figures: {
      ...coreResult.figures,
      routed_per_s: Math.round(open.routedPerSecond),
      offer_latency_p50_ms: Number(open.p50.toFixed(2)),
      offer_latency_p99_ms: Number(open.p99.toFixed(2)),
      closed_routed_per_s: Math.round(closed.routedPerSecond),
      closed_offer_latency_p50_ms: Number(closed.p50.toFixed(2)),
      closed_offer_latency_p99_ms: Number(closed.p99.toFixed(2)),
      node_cpu_us_per_arrival: Math.round(open.nodeUsPerArrival),
      ...(open.serverUsPerArrival === null
        ? {}
        : { server_cpu_us_per_arrival: Math.round(open.serverUsPerArrival) }),
      closed_node_cpu_us_per_arrival: Math.round(closed.nodeUsPerArrival),
      ...(closed.serverUsPerArrival === null
        ? {}
        : { closed_server_cpu_us_per_arrival: Math.round(closed.serverUsPerArrival) }),
    },
    peer: {
      ...coreResult.peer,
      pgboss_jobs_per_s: Math.round(bossRate),
      db_ceiling_tx_per_s: Math.round(dbCeiling),
    },
    ratios: {
      ...coreResult.ratios,
      vs_pgboss: Number((open.routedPerSecond / bossRate).toFixed(2)),
      routed_vs_db_ceiling: Number((open.routedPerSecond / dbCeiling).toFixed(3)),
      closed_vs_pgboss: Number((closed.routedPerSecond / bossRate).toFixed(2)),
    },
    context: {
      persisted_on:
        e2e.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (set DATABASE_URL for PostgreSQL)',
      peer_on: 'PostgreSQL',
      open_load: `${load.openRate.toLocaleString('en-US')} arrivals/s offered for ${load.openSeconds} s (${open.arrivals.toLocaleString('en-US')} arrivals, evenly spaced), at most ${load.inFlight} creations in flight; latency from each arrival's due time to its creation committed (offered, or queued when no agent was free)`,
      closed_load: `${closed.arrivals.toLocaleString('en-US')} arrivals from ${CONCURRENCY} callers, each waiting for its offer and abandon`,
      agents: AGENTS,
      offered_share: Number(open.offeredShare.toFixed(3)),
      closed_offered_share: Number(closed.offeredShare.toFixed(3)),
      pgboss_jobs: load.closedArrivals,
      cycle: 'create and route in one grouped transaction → offer committed → abandon (frees the agent)',
    },
  };
};

export default bench;
