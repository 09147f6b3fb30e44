/** Which past conversations the widget lists, and in what order: pure, so it is tested without a browser. */

export interface PastConversation {
  id: string;
  open: boolean;
  lastSeq: number;
  createdAt: string;
}

/**
 * The conversations worth listing: those with at least one message, the open ones first (a chat still
 * going on another device is the one the visitor is most likely after), then the newest first.
 */
export function pastConversations<C extends PastConversation>(items: readonly C[]): C[] {
  return items
    .filter((c) => c.lastSeq > 0)
    .sort((a, b) => Number(b.open) - Number(a.open) || b.createdAt.localeCompare(a.createdAt));
}
