import { buildApp } from '../app.ts';
import { createNatsBus } from '../platform/events/nats-bus.ts';
import { createLogger } from '../platform/logging.ts';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../seed/demo.ts';
import { configFrom, openMigrated } from './context.ts';
import { type Io, UsageError } from './usage.ts';
import { ensureWebBuild } from './web-build.ts';

export async function serveCommand(
  flags: Record<string, string | boolean | undefined>,
  io: Io,
): Promise<number> {
  const started = performance.now();
  const config = configFrom(flags as Record<string, string>);
  if (config.demoSeed && config.mode === 'production') {
    throw new UsageError(
      'ATIENDE_DEMO_SEED cannot be used in production mode: the demo users have known passwords',
    );
  }
  if (flags['build-if-missing']) await ensureWebBuild(config.webDir, io);
  const database = await openMigrated(config);
  const logger = createLogger(config);
  const bus = config.natsUrl ? await createNatsBus(config.natsUrl, logger) : undefined;
  const { app, services } = await buildApp(config, { database, logger, ...(bus ? { bus } : {}) });
  const seeded = config.demoSeed
    ? await seedDemo(services, (step) => io.stdout(`Seeding demo data: ${step}…\n`))
    : false;
  services.knowledge.warm();
  await app.listen({ port: config.port, host: config.host });
  // Routing engines with timers or business hours run again after a restart; serving need not wait.
  services.routing.resume().catch((err) => logger.error({ err }, 'routing resume failed'));
  await services.email.start();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  const where = database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  io.stdout(`Atiende ready at ${url} (${where}, ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  io.stdout(`API docs: ${url}/api/docs\n`);
  if (config.demoSeed) {
    io.stdout(
      `${seeded ? 'Demo workspace created.' : 'Demo workspace present.'} Logins (password ${DEMO_PASSWORD}):\n`,
    );
    for (const u of DEMO_USERS) io.stdout(`  ${u.role.padEnd(11)} ${u.email}\n`);
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  io.stdout('Stopping…\n');
  await app.close();
  await database.close();
  return 0;
}
