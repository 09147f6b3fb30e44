/**
 * A conversation's cached history, kept whole while events and fetches race: a live message is merged by
 * id, and a fetched history never drops a message the cache already holds (a fetch that started before
 * the message was stored answers without it).
 */
import type { ChatHistory, ChatMessage } from './api.ts';

const bySeq = (a: ChatMessage, b: ChatMessage) => (a.seq ?? 0) - (b.seq ?? 0);

/** Merges one live message into a cached history (a replayed event changes nothing). */
export function mergeMessage(
  history: ChatHistory | undefined,
  message: ChatMessage,
): ChatHistory | undefined {
  if (!history || history.messages.some((m) => m.id === message.id)) return history;
  return {
    ...history,
    messages: [...history.messages, message].sort(bySeq),
    conversation: {
      ...history.conversation,
      lastSeq: Math.max(history.conversation.lastSeq, message.seq ?? 0),
    },
  };
}

/** A fetched history, plus any message the cache holds that the fetch did not see. */
export function mergeFetched(cached: ChatHistory | undefined, fetched: ChatHistory): ChatHistory {
  if (!cached) return fetched;
  const seen = new Set(fetched.messages.map((m) => m.id));
  const missing = cached.messages.filter((m) => !seen.has(m.id));
  if (missing.length === 0) return fetched;
  return {
    messages: [...fetched.messages, ...missing].sort(bySeq),
    conversation: {
      ...fetched.conversation,
      lastSeq: Math.max(fetched.conversation.lastSeq, cached.conversation.lastSeq),
    },
  };
}

/**
 * Whether a live message leaves the cache short of the truth, so the history must be fetched again: no
 * history is cached yet (the fetch in flight may have read before the message was stored, and the event
 * has nothing to merge into), or the message skips a sequence number the cache never saw.
 */
export function missesMessages(history: ChatHistory | undefined, message: ChatMessage): boolean {
  if (!history) return true;
  const seq = message.seq ?? 0;
  return seq > history.conversation.lastSeq + 1;
}
