/**
 * Routing: the universal queue. Queues and agents' routing profiles as data, the pure decision core
 * (`core/`), the shell that persists its decisions and rebuilds it (`engine-host.ts`), and the simulator.
 */
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import type { Logger } from '../../platform/logging.ts';
import type { User } from '../identity/index.ts';
import type { InteractionService, Router } from '../interactions/index.ts';
import { createRoutingConfigService } from './config-service.ts';
import { createEngineHost } from './engine-host.ts';
import { routingRoutes } from './routes.ts';
import { type CustomerLookup, createRoutingService } from './service.ts';

export type { Queue, Settings } from './config-service.ts';
export { DEFAULT_CHANNELS } from './config-service.ts';
export {
  type IntervalFigures,
  type Random,
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
  const router: Router = { checkQueue: config.checkQueue, enqueue: service.enqueue };
  const routes = routingRoutes({ routing: service, config, reload: host.reload, checkUser: deps.users.get });
  return { config, service, router, routes, close: host.close };
}

export type Routing = ReturnType<typeof createRouting>;
