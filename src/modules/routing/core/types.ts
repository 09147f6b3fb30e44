/**
 * Public types of the routing core: configuration (plain, JSON-serialisable data), the events that go in,
 * the decisions that come out, and the snapshot the shell persists. Times are milliseconds on one clock
 * (epoch milliseconds live, simulated milliseconds in the simulator); durations in policies are seconds.
 */

/** Capacity cost of one interaction of a channel, in units of an agent's capacity. */
export interface ChannelConfig {
  cost: number;
}

/** A skill an agent must have, at this proficiency (1–5) or above. */
export interface SkillRequirement {
  skill: string;
  minProficiency: number;
}

/**
 * One step of the bullseye: once an interaction has waited `afterSeconds` since it arrived, the queue
 * accepts more agents. Steps accumulate, in order.
 */
export interface RelaxationStep {
  afterSeconds: number;
  /** Lower every minimum proficiency by this much (never below 1). */
  lowerProficiencyBy?: number;
  /** Stop requiring these skills. */
  dropSkills?: string[];
  /** Also accept any agent eligible for these queues (by their own base requirements). */
  widenToQueues?: string[];
}

/** How a queue chooses among eligible agents; ties go to the agent idle the longest, then by id. */
export type AgentSelection = 'longest_idle' | 'least_occupied' | 'highest_proficiency';

/** What to do with an interaction after hours or past its maximum wait. */
export type QueueAction =
  /** Leave it waiting where it is. */
  | { kind: 'keep' }
  /** Move it to another queue, keeping its age. */
  | { kind: 'queue'; queueId: string }
  /** Take it out of routing: the shell turns it into a message, a voicemail or a call-back. */
  | { kind: 'message' };

/** A queue's routing policy: plain data, stored as JSON, no code. */
export interface QueuePolicy {
  id: string;
  /** Skills an agent needs to be offered this queue's interactions. */
  requirements: SkillRequirement[];
  /** When set, only agents of one of these teams are eligible. */
  teams?: string[];
  /** How the interaction's language matters: not at all, prefer agents who speak it, or require it. */
  language: 'ignore' | 'prefer' | 'require';
  /** Score points per unit of the interaction's priority. */
  priorityWeight: number;
  /** Score points per second of waiting: the aging that keeps low priorities from starving. */
  agingWeightPerSecond: number;
  /**
   * Score points by customer value tier. With an aging weight of 1, a boost of 90 for tier `high`
   * is the Anonymous Bank's rule: high-value callers are served as if they had already waited 90 s.
   */
  valueTierBoost: Record<string, number>;
  selection: AgentSelection;
  relaxation: RelaxationStep[];
  /**
   * Sticky routing: for this many seconds after arrival, offer only to the agent who last served the
   * customer and/or the account owner (when logged in), then to anyone eligible.
   */
  sticky?: { seconds: number; lastAgent: boolean; accountOwner: boolean };
  /** Offer timeout, and how many agents get the same offer at once (first accept wins). */
  offer: { timeoutSeconds: number; agents: number };
  /** After-contact work time limit; 0 frees the agent as soon as the interaction ends. */
  wrapUpSeconds: number;
  /** What to do once an interaction has waited this long in this queue. */
  overflow?: { afterSeconds: number; action: QueueAction };
  /** What to do with interactions that arrive, or still wait, while the queue is closed. */
  afterHours: QueueAction;
  /** How long a transfer to a named agent waits for that agent before any eligible agent may take it. */
  transferToAgentSeconds: number;
}

/** Everything the core needs to know besides the agents and interactions. */
export interface EngineConfig {
  /** Channels the engine routes, with their capacity cost. */
  channels: Record<string, ChannelConfig>;
  queues: QueuePolicy[];
  /** An agent who misses this many offers in a row is set not-ready (0 = never). */
  missedOffersBeforeNotReady: number;
  /** Seconds a disconnected desk keeps its agent ready before the agent is set not-ready. */
  presenceGraceSeconds: number;
}

/** What routing knows about an agent. */
export interface AgentProfile {
  id: string;
  /** Proficiency 1–5 by skill. */
  skills: Record<string, number>;
  languages: string[];
  /** Channels the agent takes, each with the most interactions of it at once (the per-channel cap). */
  channels: Record<string, number>;
  /** Capacity in units (e.g. 100: one call, or three chats, or five e-mails). */
  capacity: number;
  teams: string[];
}

/** What routing knows about an interaction that asks for an agent. */
export interface InteractionRequest {
  id: string;
  queueId: string;
  channel: string;
  /** Higher is more urgent; weighted by the queue's `priorityWeight`. */
  priority: number;
  /** Customer value tier, boosted by the queue's `valueTierBoost`. */
  valueTier?: string;
  language?: string;
  /** Agent who last served this customer, for sticky routing. */
  lastAgentId?: string;
  /** The customer's account owner, for sticky routing. */
  accountOwnerId?: string;
}

/** Presence an agent chooses (or is forced into); offline agents are simply not in the engine. */
export type AgentPresence = 'available' | 'not_ready';

/** State of an agent as shown to people: derived from presence and current work. */
export type AgentStatus = 'offline' | 'available' | 'busy' | 'wrap_up' | 'not_ready';

/** Where an interaction is in routing; ended, abandoned and redirected ones leave the engine. */
export type InteractionPhase = 'queued' | 'offered' | 'active' | 'wrap_up';

/** Events in. Each carries its time `at`; time never goes back (an older stamp counts as now). */
export type RoutingEvent =
  | { type: 'interactionArrived'; at: number; interaction: InteractionRequest }
  | { type: 'agentLoggedIn'; at: number; agent: AgentProfile; ready?: boolean }
  | { type: 'agentLoggedOut'; at: number; agentId: string }
  | { type: 'agentReady'; at: number; agentId: string }
  | { type: 'agentNotReady'; at: number; agentId: string; reason: string }
  | { type: 'agentProfileChanged'; at: number; agent: AgentProfile }
  | { type: 'agentConnection'; at: number; agentId: string; connected: boolean }
  | { type: 'offerAccepted'; at: number; interactionId: string; agentId: string }
  | { type: 'offerDeclined'; at: number; interactionId: string; agentId: string }
  | { type: 'offerTimedOut'; at: number; interactionId: string }
  | { type: 'interactionEnded'; at: number; interactionId: string }
  | { type: 'wrapUpDone'; at: number; interactionId: string }
  /** The agent answered and now waits on the customer: routing lets go until the customer writes back. */
  | { type: 'interactionParked'; at: number; interactionId: string }
  | { type: 'interactionAbandoned'; at: number; interactionId: string }
  | {
      type: 'interactionTransferred';
      at: number;
      interactionId: string;
      toQueueId?: string;
      toAgentId?: string;
    }
  | { type: 'interactionRequeued'; at: number; interactionId: string }
  | { type: 'queueHours'; at: number; queueId: string; open: boolean }
  | { type: 'tick'; at: number };

/** Why an interaction went back to waiting. */
export type RequeueReason = 'declined' | 'missed' | 'agentUnavailable' | 'requested' | 'transferred';

/** Why an offer was withdrawn from an agent. */
export type RevokeReason = 'taken' | 'abandoned' | 'agentUnavailable' | 'expired';

/** Error codes of events the core refuses (the shell maps them to 400/404/409). */
export type RejectCode =
  | 'routing.unknown_queue'
  | 'routing.unknown_channel'
  | 'routing.unknown_agent'
  | 'routing.unknown_interaction'
  | 'routing.duplicate_interaction'
  | 'routing.agent_already_logged_in'
  | 'routing.offer_not_pending'
  | 'routing.invalid_state';

/** Decisions out: what the shell must persist and tell people. */
export type RoutingDecision =
  | { type: 'offer'; interactionId: string; agentIds: string[]; expiresAt: number }
  | { type: 'offerRevoked'; interactionId: string; agentId: string; reason: RevokeReason }
  | { type: 'assigned'; interactionId: string; agentId: string }
  | {
      type: 'acceptRejected';
      interactionId: string;
      agentId: string;
      reason: 'expired' | 'taken' | 'notOffered';
    }
  | { type: 'requeued'; interactionId: string; queueId: string; reason: RequeueReason }
  | { type: 'relaxed'; interactionId: string; level: number }
  | {
      type: 'overflowed';
      interactionId: string;
      fromQueueId: string;
      toQueueId: string;
      reason: 'maxWait' | 'afterHours';
    }
  | { type: 'redirected'; interactionId: string; queueId: string; reason: 'maxWait' | 'afterHours' }
  | { type: 'wrapUpEnded'; interactionId: string; agentId: string }
  | { type: 'agentStatusChanged'; agentId: string; status: AgentStatus; reason: string }
  | { type: 'eventRejected'; event: RoutingEvent['type']; code: RejectCode; id: string };

/** An agent as persisted: everything needed to rebuild its indexes. */
export interface AgentSnapshot {
  profile: AgentProfile;
  presence: AgentPresence;
  notReadyReason: string | null;
  /** Since when the agent's workload last changed; orders "longest idle". */
  idleSince: number;
  missedInRow: number;
  /** When the desk disconnected, while its grace period runs. */
  disconnectedAt: number | null;
}

/** An interaction as persisted. */
export interface InteractionSnapshot {
  request: InteractionRequest;
  /** Arrival order, the last tie-breaker. */
  seq: number;
  /** Age and score count from here; kept across declines, misses, requeues and overflows. */
  arrivedAt: number;
  /** Maximum wait counts from here; reset when it moves to another queue. */
  enteredQueueAt: number;
  /** Current queue (the request's, or where overflow or transfer sent it). */
  queueId: string;
  phase: InteractionPhase;
  /** Relaxation level reached: 0 = base requirements. */
  level: number;
  /** Agents who declined or missed it, or handed it back: never offered it again. */
  excludedAgentIds: string[];
  /** Agents the pending offer still waits on, and when it expires. */
  offer: { agentIds: string[]; expiresAt: number } | null;
  agentId: string | null;
  /** Sticky or transfer target agents, reserved until `preferUntil`. */
  preferredAgentIds: string[];
  preferUntil: number | null;
  wrapUpUntil: number | null;
}

/** The engine's whole state as plain data: persist it, or rebuild the engine from it. */
export interface EngineSnapshot {
  version: 1;
  now: number;
  nextSeq: number;
  closedQueueIds: string[];
  /** Logged-in agents, by id. */
  agents: AgentSnapshot[];
  /** Interactions in routing, by arrival order. */
  interactions: InteractionSnapshot[];
}
