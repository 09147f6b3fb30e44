/**
 * The routing decision core: pure, deterministic, fast. Events in, decisions out, state as plain data.
 * Used live by the routing shell and in simulated time by the simulator.
 */
export { createEngine, type QueueStats, type RoutingEngine } from './engine.ts';
export { queuePolicy, validateConfig } from './policy.ts';
export type {
  AgentPresence,
  AgentProfile,
  AgentSelection,
  AgentSnapshot,
  AgentStatus,
  ChannelConfig,
  EngineConfig,
  EngineSnapshot,
  InteractionPhase,
  InteractionRequest,
  InteractionSnapshot,
  QueueAction,
  QueuePolicy,
  RejectCode,
  RelaxationStep,
  RequeueReason,
  RevokeReason,
  RoutingDecision,
  RoutingEvent,
  SkillRequirement,
} from './types.ts';
