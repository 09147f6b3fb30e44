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
import { scratchDatabase } from './support/scratch-database.ts';
import type { Bench } from './types.ts';

const AGENTS = 1000;
const SKILLS = 100;
const CHANNELS = ['voice', 'chat', 'email'] as const;
const CONCURRENCY = 64;

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

export async function endToEnd(databaseUrl: string | null, arrivals: number, progress: (m: string) => void) {
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
  progress(`${arrivals.toLocaleString('en-US')} arrivals, ${CONCURRENCY} at a time`);
  const latencies: number[] = [];
  let routed = 0;
  const started = performance.now();
  await pool(arrivals, CONCURRENCY, async (i) => {
    const t0 = performance.now();
    // Created and routed in the routing group's transaction; answered as committed, so no read-back.
    const { interaction } = await routing.service.create(
      ws.id,
      { channel: CHANNELS[i % 3]!, direction: 'inbound', queueId: `q${(i * 31) % SKILLS}`, priority: i % 3 },
      null,
    );
    latencies.push(performance.now() - t0);
    if (interaction.state === 'offered') routed++;
    // Free the agent again, so the load is sustained rather than filling every agent once.
    await routing.service.abandon(ws.id, interaction.id);
  });
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  await app.close();
  await database.close();
  await scratch?.drop();
  return {
    routedPerSecond: arrivals / seconds,
    offeredShare: routed / arrivals,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    kind: database.kind,
  };
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
  const arrivals = full ? 50_000 : 5_000;
  const serverUrl = process.env.DATABASE_URL ?? null;
  const e2e = await endToEnd(serverUrl, arrivals, progress);
  const peerServer = serverUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const bossRate = await pgBoss(peerServer, arrivals, progress);
  const dbCeiling = await ceiling(peerServer, 5);
  return {
    name: 'routing',
    figures: {
      ...coreResult.figures,
      routed_per_s: Math.round(e2e.routedPerSecond),
      offer_latency_p50_ms: Number(e2e.p50.toFixed(2)),
      offer_latency_p99_ms: Number(e2e.p99.toFixed(2)),
    },
    peer: {
      ...coreResult.peer,
      pgboss_jobs_per_s: Math.round(bossRate),
      db_ceiling_tx_per_s: Math.round(dbCeiling),
    },
    ratios: {
      ...coreResult.ratios,
      vs_pgboss: Number((e2e.routedPerSecond / bossRate).toFixed(2)),
      routed_vs_db_ceiling: Number((e2e.routedPerSecond / dbCeiling).toFixed(3)),
    },
    context: {
      persisted_on:
        e2e.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (set DATABASE_URL for PostgreSQL)',
      peer_on: 'PostgreSQL',
      arrivals,
      agents: AGENTS,
      offered_share: Number(e2e.offeredShare.toFixed(3)),
      cycle: 'create and route in one grouped transaction → offer committed → abandon (frees the agent)',
    },
  };
};

export default bench;
