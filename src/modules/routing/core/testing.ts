/**
 * Builders for tests, benchmarks and the simulator: small defaults so that each test states only what
 * it is about. Not used by the engine itself.
 */
import { queuePolicy } from './policy.ts';
import type { AgentProfile, EngineConfig, InteractionRequest, QueuePolicy } from './types.ts';

/** Channels with the example costs: a call fills an agent, a chat a third, an e-mail a fifth. */
export const CHANNEL_COSTS = { voice: { cost: 100 }, chat: { cost: 34 }, email: { cost: 20 } };

export function testConfig(
  queues: QueuePolicy[] = [queuePolicy('q')],
  overrides: Partial<EngineConfig> = {},
): EngineConfig {
  return {
    channels: CHANNEL_COSTS,
    queues,
    missedOffersBeforeNotReady: 0,
    presenceGraceSeconds: 30,
    ...overrides,
  };
}

export function testAgent(id: string, overrides: Partial<Omit<AgentProfile, 'id'>> = {}): AgentProfile {
  return {
    id,
    skills: {},
    languages: ['en'],
    channels: { voice: 1, chat: 3, email: 5 },
    capacity: 100,
    teams: [],
    ...overrides,
  };
}

export function testRequest(
  id: string,
  overrides: Partial<Omit<InteractionRequest, 'id'>> = {},
): InteractionRequest {
  return { id, queueId: 'q', channel: 'voice', priority: 0, ...overrides };
}
