/**
 * `npm run bench -- http`: requests/s and latency of an authenticated GET /api/v1/me and of a
 * workspace-scoped list (GET /api/v1/users), against a bare Fastify "hello" in the same run, plus the time
 * from start to ready on an existing data directory. Uses PostgreSQL when DATABASE_URL is set.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { load, startServer, stopServer } from './support/servers.ts';
import type { Bench } from './types.ts';

const bench: Bench = async ({ full, progress }) => {
  const seconds = full ? 20 : 8;
  const connections = 16;
  const dataDir = join('.bench-data', 'http');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const env = { ATIENDE_DEMO_SEED: '1', LOG_LEVEL: 'warn', ATIENDE_MODE: 'development' };
  const serve = ['bin/atiende.js', 'serve', '--port', '0', '--data-dir', dataDir];

  progress('first start: migrating and seeding the demo workspace');
  await stopServer(await startServer(serve, env));

  progress('warm starts on the existing data directory');
  const starts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = await startServer(serve, env);
    starts.push(s.readySeconds);
    await stopServer(s);
  }
  starts.sort((a, b) => a - b);

  const bare = await startServer(['--import', 'tsx', 'bench/support/bare-fastify.ts'], {});
  progress(`bare Fastify for ${seconds} s`);
  await load(`${bare.url}/hello`, { seconds: 2, connections });
  const ceiling = await load(`${bare.url}/hello`, { seconds, connections });
  await stopServer(bare);

  const server = await startServer(serve, env);
  const loginResponse = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'supervisor@servicenter.co', password: 'demo1234' }),
  });
  if (!loginResponse.ok) throw new Error(`login failed: ${loginResponse.status}`);
  const cookie = loginResponse.headers.getSetCookie()[0]!.split(';')[0]!;
  const headers = { cookie };
  progress(`GET /api/v1/me for ${seconds} s`);
  await load(`${server.url}/api/v1/me`, { seconds: 2, connections, headers });
  const me = await load(`${server.url}/api/v1/me`, { seconds, connections, headers });
  progress(`GET /api/v1/users for ${seconds} s`);
  const list = await load(`${server.url}/api/v1/users?limit=20`, { seconds, connections, headers });
  await stopServer(server);
  if (me.errors + list.errors > 0) throw new Error(`requests failed: ${me.errors + list.errors}`);

  return {
    name: 'http',
    figures: {
      me_rps: Math.round(me.rps),
      me_p50_ms: me.p50,
      me_p99_ms: me.p99,
      list_rps: Math.round(list.rps),
      list_p50_ms: list.p50,
      list_p99_ms: list.p99,
      warm_start_s: Number(starts[1]!.toFixed(2)),
    },
    peer: { bare_fastify_rps: Math.round(ceiling.rps), bare_fastify_p99_ms: ceiling.p99 },
    ratios: {
      me_vs_bare: Number((me.rps / ceiling.rps).toFixed(3)),
      list_vs_bare: Number((list.rps / ceiling.rps).toFixed(3)),
    },
    context: {
      database: process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (embedded)',
      connections,
      seconds_per_run: seconds,
      warm_start: 'median of 3, process spawn to "ready" line',
    },
  };
};

export default bench;
