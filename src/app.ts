/** The composition root: builds every service from its factory and mounts the routes. No logic lives here. */

import { createAnalytics } from './modules/analytics/index.ts';
import { createChat } from './modules/chat/index.ts';
import { createCustomers, recordTimelineEntry } from './modules/customers/index.ts';
import { createEmail } from './modules/email/index.ts';
import { createIdentity } from './modules/identity/index.ts';
import {
  createInteractionService,
  createMessageService,
  interactionRoutes,
} from './modules/interactions/index.ts';
import { createKnowledge } from './modules/knowledge/index.ts';
import { createRouting } from './modules/routing/index.ts';
import { createScripting } from './modules/scripting/index.ts';
import { createWfm } from './modules/wfm/index.ts';
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
import { createLogMailer, createSmtpMailer, type Mailer } from './platform/mail.ts';
import { createRealtimeHub } from './platform/realtime/hub.ts';
import { createSecretBox } from './platform/secret-box.ts';

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
  const mailer =
    deps.mailer ??
    (config.smtpUrl
      ? createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom })
      : createLogMailer(logger));
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
  customers.nightly.start();
  const interactions = createInteractionService(base);
  customers.onMerge({ name: 'interactions', move: interactions.reassignCustomer });
  const knowledge = createKnowledge({ ...base, workspaces });
  const routing = createRouting({
    ...base,
    bus,
    logger,
    interactions,
    users: identity.users,
    customers: { summary: customers.getCustomerSummary },
    workspaces,
  });
  const analytics = createAnalytics({
    ...base,
    bus,
    logger,
    interactions,
    routing,
    workspaces,
    recordTimelineEntry,
    mailer,
    users: identity.users,
    roles: identity.roles,
  });
  const wfm = createWfm({
    ...base,
    timeZoneOf: async (id) => (await workspaces.get(id)).timeZone,
    users: identity.users,
  });
  const email = createEmail(
    {
      ...base,
      logger,
      box: createSecretBox(config.secret),
      interactions,
      router: routing.router,
      queues: { checkQueue: routing.config.checkQueue, getQueue: routing.config.getQueue },
      customers: { findOrCreateByIdentity: customers.findOrCreateByIdentity, recordTimelineEntry },
      users: identity.users,
    },
    config.emailListener ? { listener: config.emailListener } : {},
  );
  const scripting = createScripting({
    ...base,
    customers,
    email,
    recordTimelineEntry,
    interactions,
    knowledge,
    users: identity.users,
    workspaces,
  });
  const stopTraining = scripting.scheduleTraining((e) =>
    logger.warn({ err: e }, 'scripting: training failed'),
  );
  hub.registerTopic('queue', (p) => p.permissions.has('supervise'));
  hub.registerTopic('agents', (p) => p.permissions.has('supervise'));
  hub.registerTopic('interaction', (p) => p.permissions.has('interactions.read'));
  const chat = createChat(
    {
      ...base,
      mailer,
      publicUrl,
      workspaces,
      customers,
      interactions,
      messages: createMessageService(),
      router: routing.router,
      routing: routing.service,
      users: identity.users,
      knowledge,
    },
    hub,
  );
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
      for (const routes of knowledge.routes) await api.register(routes);
      for (const routes of analytics.routes) await api.register(routes);
      for (const routes of chat.routes) await api.register(routes);
      await api.register(wfm.routes);
      await api.register(email.routes);
      for (const routes of scripting.routes) await api.register(routes);
    },
    { prefix: '/api/v1' },
  );
  await app.register(knowledge.publicRoutes);
  await app.register(healthRoutes(db, registry));
  await app.register(chat.frame);
  await serveWeb(app, config.webDir);
  app.addHook('onClose', async () => {
    await analytics.close();
    await email.stop();
    stopTraining();
    await routing.close();
    await customers.nightly.stop();
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
      email,
      wfm,
      chat,
      knowledge,
      analytics,
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
