/**
 * `npm run bench -- reports [--full] [--json]`: reports over the event log at scale, and the wallboard's
 * event-to-screen latency. On PostgreSQL when DATABASE_URL is set (a fresh database, created and dropped
 * here), else PGlite. 10,000,000 events with --full (a tenth by default) over one month, 20 queues, 3
 * channels, 300 agents: the projector folds them into the read model, then a month's daily report by
 * queue and a day's 15-minute report are timed (median of 5), each with the projector's catch-up check
 * and the month also without it (the interval tallies' own time). Peer: the same month's report
 * computed straight from the raw events in SQL, without the read model. Then, at a sustained 500 events/s, the
 * events due are written every 10 ms in one transaction (group commit, as routing writes) and a browser-like client (WebSocket on the realtime hub,
 * then GET /analytics/wallboard) records when the snapshot that includes it arrives.
 */
import { sql } from 'drizzle-orm';
import WebSocket from 'ws';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { type Database, openDatabase, queryRows } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createLogger } from '../src/platform/logging.ts';
import { scratchDatabase } from './support/scratch-database.ts';
import type { Bench } from './types.ts';

const MONTH = '2026-01';
const TZ = 'America/Bogota';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/**
 * Contacts as event rows, generated in SQL: contact i arrives at a pseudo-random instant of the month;
 * 85 % are answered (queued, active, wrap_up, closed), 15 % abandoned (queued, abandoned): 3.7 events
 * per contact on average.
 */
export async function generate(
  database: Database,
  workspaceId: string,
  events: number,
  progress: (m: string) => void,
) {
  const contacts = Math.round(events / 3.7);
  const chunk = 500_000;
  // A bulk load: the log's secondary indexes are built once at the end instead of row by row.
  await database.exec('drop index if exists events_type');
  for (let start = 0; start < contacts; start += chunk) {
    const end = Math.min(contacts, start + chunk) - 1;
    await database.exec(`
      with c as (
        select i,
          ('2026-01-01 05:00:00+00'::timestamptz + ((abs(hashint4(i)) % 2678400) * interval '1 second')) as arrived,
          'q' || (abs(hashint4(i + 7)) % 20) as queue,
          (array['voice','chat','email'])[1 + abs(hashint4(i + 11)) % 3] as channel,
          ('00000000-0000-7000-8001-' || lpad(to_hex(abs(hashint4(i + 13)) % 300), 12, '0'))::uuid as agent,
          abs(hashint4(i + 17)) % 100 < 85 as answered,
          (abs(hashint4(i + 19)) % 120) as wait_s,
          60 + (abs(hashint4(i + 23)) % 600) as talk_s,
          (abs(hashint4(i + 29)) % 60) as wrap_s,
          ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid as id
        from generate_series(${start}, ${end}) as i
      )
      insert into events (workspace_id, type, subject, subject_id, topics, at, payload)
      select '${workspaceId}', e.type, 'interaction', c.id, array['workspace'], e.at, e.payload
      from c cross join lateral (values
        ('interaction.queued', c.arrived, jsonb_build_object('channel', c.channel, 'queueId', c.queue)),
        (case when c.answered then 'interaction.active' else 'interaction.abandoned' end,
          c.arrived + c.wait_s * interval '1 second', jsonb_build_object('queueId', c.queue, 'agentId', c.agent)),
        (case when c.answered then 'interaction.wrap_up' end,
          c.arrived + (c.wait_s + c.talk_s) * interval '1 second', jsonb_build_object('queueId', c.queue, 'agentId', c.agent)),
        (case when c.answered then 'interaction.closed' end,
          c.arrived + (c.wait_s + c.talk_s + c.wrap_s) * interval '1 second', jsonb_build_object('queueId', c.queue, 'agentId', c.agent))
      ) as e(type, at, payload)
      where e.type is not null
      order by e.at`);
    progress(`generated ${end + 1} of ${contacts} contacts`);
  }
  await database.exec(`create index events_type on events (workspace_id, type, id);
    analyze events`);
}

/** The peer: the month's daily report by queue straight from the log, pivoting each contact's events. */
const rawMonthly = (workspaceId: string) => `
  with c as (
    select subject_id,
      min(at) filter (where type = 'interaction.queued') as arrived,
      min(at) filter (where type = 'interaction.active') as answered,
      min(at) filter (where type = 'interaction.abandoned') as abandoned,
      max(payload->>'queueId') as queue
    from events where workspace_id = '${workspaceId}' and type like 'interaction.%'
    group by subject_id
  )
  select to_char(arrived at time zone '${TZ}', 'YYYY-MM-DD') as day, queue, count(*) as offered,
    count(answered) as answered, count(abandoned) filter (where answered is null) as abandoned,
    count(*) filter (where answered - arrived <= interval '20 seconds') as in_target,
    sum(extract(epoch from answered - arrived)) as wait
  from c where arrived >= '2026-01-01 05:00:00+00' and arrived < '2026-02-01 05:00:00+00'
  group by 1, 2`;

async function measure(database: Database, full: boolean, progress: (m: string) => void) {
  await migrate(database);
  const config = loadConfig({ ATIENDE_MODE: 'test' });
  const built = await buildApp(config, { database, logger: createLogger({ logLevel: 'silent' }) });
  const slug = `bench-${Date.now()}`;
  const workspace = await built.services.identity.provisionWorkspace(
    { slug, name: 'Bench', timeZone: TZ, defaultLanguage: 'es', defaultCountry: 'CO' },
    [
      {
        email: `supervisor@${slug}.test`,
        name: 'Supervisor',
        role: 'supervisor',
        password: 'bench password 1',
      },
    ],
  );
  const ws = workspace.id;
  const events = Number(process.env.BENCH_EVENTS ?? 0) || (full ? 10_000_000 : 1_000_000);
  progress(`generating ${events.toLocaleString()} events (${database.kind})`);
  const g0 = performance.now();
  await generate(database, ws, events, progress);
  const generationS = (performance.now() - g0) / 1000;
  const [{ n }] = (await queryRows<{ n: string }>(
    database.db,
    sql`select count(*) as n from events where workspace_id = ${ws}`,
  )) as [{ n: string }];

  progress('projecting the log into the read model');
  const t0 = performance.now();
  // Other databases' transactions on a shared server hold back the horizon of settled events: catch
  // up until every event is in, waiting for them (the wait counts in the projection's time).
  // (The app's own follower may already have folded the first events, so compare positions, not counts.)
  const [head] = await queryRows<{ tx: string; id: string }>(
    database.db,
    sql`select tx::text as tx, id from events where workspace_id = ${ws} order by tx desc, id desc limit 1`,
  );
  const cursorOf = async () =>
    (
      await queryRows<{ cursor: string }>(
        database.db,
        sql`select cursor from analytics_cursors where workspace_id = ${ws}`,
      )
    )[0]?.cursor;
  while ((await cursorOf()) !== `${head!.tx}.${head!.id}`) {
    await built.services.analytics.projector.catchUp(ws, { settleMs: 5000 });
  }
  progress('projected the whole log');
  const projectionS = (performance.now() - t0) / 1000;
  await database.exec(
    'analyze analytics_contacts; analyze analytics_tallies; analyze analytics_day_tallies; analyze analytics_agent_day_tallies',
  );

  const reports = built.services.analytics.reports;
  const time = async (run: () => Promise<unknown>, times = 5) => {
    await run();
    const out: number[] = [];
    for (let i = 0; i < times; i++) {
      const t = performance.now();
      await run();
      out.push(performance.now() - t);
    }
    return median(out);
  };
  progress('timing reports');
  const monthDaily = await time(() =>
    reports.report(ws, { from: `${MONTH}-01`, to: `${MONTH}-31`, grain: 'day', by: 'queue' }),
  );
  const dayInterval = await time(() =>
    reports.report(ws, { from: `${MONTH}-15`, to: `${MONTH}-15`, grain: 'interval', by: 'total' }),
  );
  const monthByAgent = await time(() =>
    reports.report(ws, { from: `${MONTH}-01`, to: `${MONTH}-31`, grain: 'month', by: 'agent' }),
  );
  const monthByAgentQuery = await time(() =>
    reports.report(ws, { from: `${MONTH}-01`, to: `${MONTH}-31`, grain: 'day', by: 'agent', catchUp: false }),
  );
  // The same month without the catch-up check: the read model's own time, apart from waiting for the
  // server-wide snapshot horizon (which other databases' transactions on a shared server hold back).
  const monthDailyQuery = await time(() =>
    reports.report(ws, { from: `${MONTH}-01`, to: `${MONTH}-31`, grain: 'day', by: 'queue', catchUp: false }),
  );
  progress('timing the peer (raw log)');
  const peerMonthly = await time(() => database.exec(rawMonthly(ws)), 1);

  progress('wallboard latency at 500 events/s');
  const latency = await wallboardLatency(built, ws, `supervisor@${slug}.test`).finally(() =>
    built.app.close(),
  );
  return {
    figures: {
      events: Number(n),
      month_daily_report_ms: Number(monthDaily.toFixed(1)),
      month_daily_query_ms: Number(monthDailyQuery.toFixed(1)),
      day_interval_report_ms: Number(dayInterval.toFixed(1)),
      month_by_agent_report_ms: Number(monthByAgent.toFixed(1)),
      month_daily_by_agent_query_ms: Number(monthByAgentQuery.toFixed(1)),
      projection_events_per_s: Math.round(Number(n) / projectionS),
      projection_s: Number(projectionS.toFixed(1)),
      generation_s: Number(generationS.toFixed(1)),
      wallboard_latency_p50_ms: latency.p50,
      wallboard_latency_p99_ms: latency.p99,
      wallboard_events_per_s: latency.rate,
      hub_delivery_p99_ms: latency.hubP99,
      wallboard_fetch_p99_ms: latency.fetchP99,
    },
    peer: { month_daily_from_raw_log_ms: Number(peerMonthly.toFixed(1)) },
    ratios: {
      raw_log_over_read_model: Number((peerMonthly / monthDaily).toFixed(1)),
      raw_log_over_tallies_query: Number((peerMonthly / monthDailyQuery).toFixed(1)),
    },
  };
}

type Built = Awaited<ReturnType<typeof buildApp>>;

/** Writes events at 500/s for 10 s; the client refetches the wallboard on news, one fetch at a time. */
async function wallboardLatency(built: Built, workspaceId: string, email: string) {
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = built.app.server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'bench password 1' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const socket = new WebSocket(`ws://127.0.0.1:${port}/api/v1/realtime`, { headers: { cookie } });
  await new Promise((r) => socket.once('open', r));
  socket.send(JSON.stringify({ type: 'subscribe', topics: ['workspace'] }));
  await new Promise<void>((resolve) =>
    socket.on('message', (m) => {
      if (JSON.parse(String(m)).type === 'subscribed') resolve();
    }),
  );
  const written = new Map<string, number>();
  const received: string[] = [];
  const latencies: number[] = [];
  const hub: number[] = [];
  const fetches: number[] = [];
  let fetching = false;
  const refresh = async () => {
    if (fetching) return;
    fetching = true;
    while (received.length > 0) {
      const batch = received.splice(0);
      const asked = performance.now();
      await fetch(`${base}/api/v1/analytics/wallboard`, { headers: { cookie } }).then((r) => r.arrayBuffer());
      const now = performance.now();
      fetches.push(now - asked);
      for (const id of batch) latencies.push(now - written.get(id)!);
    }
    fetching = false;
  };
  socket.on('message', (m) => {
    const message = JSON.parse(String(m)) as { type: string; event?: { payload?: { probe?: string } } };
    const probe = message.event?.payload?.probe;
    if (message.type === 'event' && probe && written.has(probe)) {
      hub.push(performance.now() - written.get(probe)!);
      received.push(probe);
      void refresh();
    }
  });
  const rate = 500;
  const seconds = 10;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  // Group commit, as the routing shell writes: every 10 ms, the events due by then in one transaction.
  let next = 0;
  while (next < rate * seconds) {
    await new Promise((r) => setTimeout(r, 10));
    const dueCount = Math.min(rate * seconds, Math.floor(((performance.now() - start) * rate) / 1000));
    const probes: string[] = [];
    for (; next < dueCount; next++) {
      const probe = `p${next}`;
      // Latency counts from when the event was due, so a write that falls behind counts against it.
      written.set(probe, start + (next * 1000) / rate);
      probes.push(probe);
    }
    if (probes.length === 0) continue;
    pending.push(
      built.services.uow.run(async (_tx, record) => {
        await record(
          ...probes.map((probe) => ({
            workspaceId,
            type: 'bench.probe',
            subject: 'bench',
            payload: { probe },
          })),
        );
      }),
    );
  }
  await Promise.all(pending);
  const achieved = (rate * seconds) / ((performance.now() - start) / 1000);
  // A shared server can hold the snapshot horizon back for seconds; late events still count, in full.
  const deadline = performance.now() + 30_000;
  while (latencies.length < rate * seconds && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  socket.close();
  const lost = rate * seconds - latencies.length;
  if (lost > 0) throw new Error(`${lost} events never reached the screen`);
  return {
    p50: Number(percentile(latencies, 50).toFixed(1)),
    p99: Number(percentile(latencies, 99).toFixed(1)),
    rate: Math.round(achieved),
    hubP99: Number(percentile(hub, 99).toFixed(1)),
    fetchP99: Number(percentile(fetches, 99).toFixed(1)),
  };
}

const bench: Bench = async ({ full, progress }) => {
  const serverUrl = process.env.DATABASE_URL;
  let result: Awaited<ReturnType<typeof measure>>;
  if (serverUrl) {
    const scratch = await scratchDatabase(serverUrl, 'reports');
    const database = await openDatabase({ databaseUrl: scratch.url, dataDir: null, poolSize: 8 });
    try {
      result = await measure(database, full, progress);
    } catch (error) {
      progress(`failed: ${(error as Error).stack}`);
      throw error;
    } finally {
      await database.close();
      await scratch.drop();
    }
  } else {
    const database = await openDatabase({ databaseUrl: null, dataDir: null });
    try {
      result = await measure(database, full, progress);
    } finally {
      await database.close();
    }
  }
  return {
    name: 'reports',
    ...result,
    context: {
      engine: serverUrl ? 'PostgreSQL' : 'PGlite (set DATABASE_URL for PostgreSQL)',
      shape: 'one month, 20 queues, 3 channels, 300 agents; 85 % answered',
      report_timing: 'median of 5 after one warm-up; each includes the projector’s catch-up check',
    },
  };
};

export default bench;
