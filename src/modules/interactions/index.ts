/** Interactions: every contact on every channel, its messages and its lifecycle. */
export {
  CHANNELS,
  type Channel,
  canTransition,
  type InteractionState,
  isAsynchronous,
  isTerminal,
  STATES,
} from './lifecycle.ts';
export {
  createMessageService,
  type Message,
  type MessageService,
  type NewMessage,
} from './messages.ts';
export type { NewInteraction } from './new-interaction.ts';
export { InteractionSchema, interactionRoutes, type Router } from './routes.ts';
export type { MessageAttachment } from './schema.ts';
export {
  createInteractionService,
  type InteractionService,
} from './service.ts';
export type {
  Interaction,
  PreparedInteraction,
  Row as InteractionRow,
  TransitionChanges,
  TransitionRequest,
} from './transitions.ts';
