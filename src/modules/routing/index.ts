/**
 * Routing: the universal queue. Queues and agents' routing profiles as data, the pure decision core
 * (`core/`), the shell that persists its decisions and rebuilds it (`engine-host.ts`), and the simulator.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import type { Logger } from '../../platform/logging.ts';
import type { User } from '../identity/index.ts';
import type { InteractionService, Router } from '../interactions/index.ts';
import { routingConfigRoutes } from './config-routes.ts';
import { createRoutingConfigService, type WorkspaceCalendar } from './config-service.ts';
import { createDueWork } from './due-work.ts';
import { createEngineHost } from './engine-host.ts';
import { routingRoutes } from './routes.ts';
import { type CustomerLookup, createRoutingService } from './service.ts';

export type { Queue, Settings } from './config-service.ts';
export { DEFAULT_CHANNELS } from './config-service.ts';
export type { QueueHours } from './hours.ts';
export {
  type BankReplay,
  type IntervalFigures,
  type Random,
  replayBankDay,
  runSimulation,
  type Shift,
  type SimCall,
  type SimulationResult,
  seededRandom,
  simulateCommand,
} from './simulate/index.ts';

export interface RoutingDeps {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  newId: IdGenerator;
  logger: Logger;
  interactions: InteractionService;
  users: { get(workspaceId: string, id: string): Promise<User> };
  /** Customer value and ownership, for value boosts and sticky routing. */
  customers?: CustomerLookup;
  /** The workspace's time zone and calendar, for queues that follow business hours. */
  workspaces?: WorkspaceCalendar;
  /** Wakes the sweep of scheduled work (call-backs) when something changed, here or in another process. */
  bus?: EventBus;
}

/**
 * Wires the routing module.
 * @example const routing = createRouting(deps); await api.register(routing.routes);
 */
export function createRouting(deps: RoutingDeps) {
  const config = createRoutingConfigService(deps);
  const host = createEngineHost({ ...deps, config });
  const service = createRoutingService({
    db: deps.db,
    host,
    config,
    interactions: deps.interactions,
    users: deps.users,
  });
  const router: Router = {
    checkQueue: config.checkQueue,
    enqueue: service.enqueue,
    create: service.create,
    park: service.park,
  };
  const routes: FastifyPluginAsyncTypebox = async (app) => {
    await app.register(routingRoutes({ routing: service }));
    await app.register(routingConfigRoutes({ routing: service, config, reload: host.reload }));
  };
  const dueWork = createDueWork({ ...deps, routeDue: service.routeDue });
  /**
   * Starts the engines of workspaces with queues, so that their timers and business hours run, and the
   * timer that routes scheduled work (call-backs) when it falls due.
   */
  const resume = async () => {
    dueWork.start();
    await host.resume(await config.workspacesWithQueues());
  };
  const close = async () => {
    await dueWork.close();
    await host.close();
  };
  /** Routes the scheduled work that is due now (the timer does this by itself once `resume` ran). */
  const sweepDue = dueWork.sweep;
  return { config, service, router, routes, resume, sweepDue, close };
}

export type Routing = ReturnType<typeof createRouting>;
