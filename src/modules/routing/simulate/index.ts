/**
 * The replay simulator: discrete-event simulation in simulated time over an arrival log, with the same
 * routing core that runs live. Workforce management uses it as the contact center's digital twin.
 */
export { type CommandIo, SIMULATE_USAGE, simulateCommand } from './command.ts';
export type { CallOutcome, Figures, IntervalFigures, Period, Report } from './metrics.ts';
export { erlangC, erlangServiceLevel, type PoissonLoad, poissonLoad } from './poisson.ts';
export { type Random, seededRandom } from './prng.ts';
export { type BankReplay, type BankReplayOptions, bankDates, replayBankDay } from './replay.ts';
export { parseRoster } from './roster.ts';
export {
  BANK_QUEUE,
  runSimulation,
  type Shift,
  type SimCall,
  type SimulationOptions,
  type SimulationResult,
} from './run.ts';
