/** The composition root: builds every service from its factory and mounts the routes. No logic lives here. */

import { createCustomers, recordTimelineEntry } from './modules/customers/index.ts';
import { createIdentity } from './modules/identity/index.ts';
import { createInteractionService, interactionRoutes } from './modules/interactions/index.ts';
import { createRouting } from './modules/routing/index.ts';
import { createScripting } from './modules/scripting/index.ts';
import { createWorkspaceService, workspaceRoutes } from './modules/workspaces/index.ts';
import { type Clock, type IdGenerator, systemClock, newId as uuidv7 } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db/connect.ts';
import { createLocalBus, type EventBus } from './platform/events/bus.ts';
import { createUnitOfWork } from './platform/events/unit-of-work.ts';
import { healthRoutes } from './platform/http/health.ts';
import { createHttp } from './platform/http/server.ts';
import { serveWeb } from './platform/http/web.ts';
import { createLogger, type Logger } from './platform/logging.ts';
import { createLogMailer, type Mailer } from './platform/mail.ts';
import { createRealtimeHub } from './platform/realtime/hub.ts';

export interface AppDeps {
  database: Database;
  clock?: Clock;
  newId?: IdGenerator;
  bus?: EventBus;
  mailer?: Mailer;
  logger?: Logger;
}

export async function buildApp(config: Config, deps: AppDeps) {
  const logger = deps.logger ?? createLogger(config);
  const clock = deps.clock ?? systemClock;
  const newId = deps.newId ?? uuidv7;
  const bus = deps.bus ?? createLocalBus();
  const mailer = deps.mailer ?? createLogMailer(logger);
  const { db } = deps.database;
  const uow = createUnitOfWork(db, bus, clock);
  const base = { db, uow, clock, newId };
  const publicUrl =
    config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;

  const workspaces = createWorkspaceService(base);
  const identity = createIdentity({
    ...base,
    mailer,
    workspaces,
    settings: {
      sessionTtlHours: config.sessionTtlHours,
      loginMaxFailures: config.loginMaxFailures,
      loginLockMinutes: config.loginLockMinutes,
      publicUrl,
      secureCookies: config.mode === 'production',
    },
  });
  const hub = createRealtimeHub({ db, bus, logger });
  const customers = createCustomers({ ...base, workspaces, users: identity.users, logger });
  hub.registerTopic('customer', (p) => p.permissions.has('customers.read'));
  const interactions = createInteractionService(base);
  const routing = createRouting({
    ...base,
    logger,
    interactions,
    users: identity.users,
    customers: { summary: customers.getCustomerSummary },
  });
  const scripting = createScripting({
    ...base,
    customers,
    recordTimelineEntry,
    interactions,
    users: identity.users,
    workspaces,
  });
  const stopTraining = scripting.scheduleTraining((e) =>
    logger.warn({ err: e }, 'scripting: training failed'),
  );
  hub.registerTopic('queue', (p) => p.permissions.has('supervise'));
  hub.registerTopic('agents', (p) => p.permissions.has('supervise'));
  hub.registerTopic('interaction', (p) => p.permissions.has('interactions.read'));
  hub.onPresence((p, connected) => {
    if (p.permissions.has('desk.use'))
      routing.service.presence(p.workspaceId, p.userId, connected).catch(() => {});
  });

  const { app, registry } = await createHttp(config, { logger, authenticator: identity.authenticator });
  await app.register(
    async (api) => {
      for (const routes of identity.routes) await api.register(routes);
      await api.register(workspaceRoutes(workspaces));
      await api.register(hub.routes);
      for (const routes of customers.routes) await api.register(routes);
      await api.register(interactionRoutes(interactions, routing.router));
      await api.register(routing.routes);
      for (const routes of scripting.routes) await api.register(routes);
    },
    { prefix: '/api/v1' },
  );
  await app.register(healthRoutes(db, registry));
  await serveWeb(app, config.webDir);
  app.addHook('onClose', async () => {
    stopTraining();
    await routing.close();
    await hub.close();
    await bus.close();
  });

  return {
    app,
    services: {
      workspaces,
      identity,
      customers,
      interactions,
      routing,
      scripting,
      hub,
      uow,
      bus,
      mailer,
      clock,
    },
    logger,
  };
}

export type App = Awaited<ReturnType<typeof buildApp>>;
