/**
 * What a supervisor does to live work, through the routing and interactions modules' public services:
 * change an agent's state, move or reassign a waiting interaction, watch it, whisper to its agent.
 */
import { AppError } from '../../platform/errors.ts';
import type { InteractionService } from '../interactions/index.ts';
import type { Routing } from '../routing/index.ts';

export interface SupervisorDeps {
  routing: Pick<Routing['service'], 'setState' | 'transfer'>;
  interactions: Pick<InteractionService, 'get' | 'addInternalNote' | 'listMessages'>;
}

const WAITING = ['queued', 'offered', 'transferred'];

export function createSupervisorService(deps: SupervisorDeps) {
  /** Sets an agent available, not ready (with one of the workspace's reasons) or offline. */
  async function setAgentState(
    workspaceId: string,
    agentId: string,
    state: 'available' | 'not_ready' | 'offline',
    reason?: string,
  ) {
    const status = await deps.routing.setState(workspaceId, agentId, state, reason);
    return { agentId, status };
  }

  /** Moves a waiting interaction to another queue, or reserves it for a named agent. */
  async function move(
    workspaceId: string,
    actorId: string,
    interactionId: string,
    to: { queueId?: string; agentId?: string },
  ) {
    const interaction = await deps.interactions.get(workspaceId, interactionId);
    if (!WAITING.includes(interaction.state)) {
      throw new AppError(
        'analytics.not_waiting',
        409,
        `Only waiting interactions can be moved; this one is ${interaction.state}`,
      );
    }
    return deps.routing.transfer(workspaceId, interactionId, actorId, to);
  }

  /** The interaction and its messages, internal notes included: the silent watch's first screen. */
  async function watch(workspaceId: string, interactionId: string) {
    const interaction = await deps.interactions.get(workspaceId, interactionId);
    return { interaction, messages: await deps.interactions.listMessages(workspaceId, interactionId) };
  }

  /** A private note to the agent handling the interaction. */
  async function whisper(workspaceId: string, actorId: string, interactionId: string, body: string) {
    return deps.interactions.addInternalNote(workspaceId, interactionId, body, actorId);
  }

  return { setAgentState, move, watch, whisper };
}

export type SupervisorService = ReturnType<typeof createSupervisorService>;
