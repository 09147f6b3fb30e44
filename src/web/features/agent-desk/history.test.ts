import { describe, expect, it } from 'vitest';
import type { ChatHistory, ChatMessage } from './api.ts';
import { mergeFetched, mergeMessage, missesMessages } from './history.ts';

const message = (seq: number): ChatMessage =>
  ({ id: `m${seq}`, seq, body: `message ${seq}`, direction: 'inbound' }) as ChatMessage;
const history = (...seqs: number[]): ChatHistory => ({
  conversation: {
    id: 'c1',
    open: true,
    lastSeq: Math.max(0, ...seqs),
    visitorReadSeq: 0,
    visitorDeliveredSeq: 0,
    agentReadSeq: 0,
  },
  messages: seqs.map(message),
});

describe('chat history cache', () => {
  it('merges a live message in order, once', () => {
    const merged = mergeMessage(history(1, 3), message(2));
    expect(merged?.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(mergeMessage(merged, message(2))).toBe(merged);
    expect(mergeMessage(history(1), message(4))?.conversation.lastSeq).toBe(4);
  });

  it('keeps a live message that a slower fetch did not see', () => {
    const cached = mergeMessage(history(1, 2), message(3));
    const fetched = { ...history(1, 2), conversation: { ...history(1, 2).conversation, visitorReadSeq: 2 } };
    const result = mergeFetched(cached, fetched);
    expect(result.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(result.conversation).toMatchObject({ lastSeq: 3, visitorReadSeq: 2 });
  });

  it('takes the fetch as it is when it saw everything', () => {
    const fetched = history(1, 2, 3);
    expect(mergeFetched(history(1, 2), fetched)).toBe(fetched);
    expect(mergeFetched(undefined, fetched)).toBe(fetched);
  });

  it('a message that arrives before the history, or after a gap, asks for the history again', () => {
    expect(missesMessages(undefined, message(1))).toBe(true);
    expect(missesMessages(history(1, 2), message(4))).toBe(true);
    expect(missesMessages(history(1, 2), message(3))).toBe(false);
    expect(missesMessages(history(1, 2, 3), message(2))).toBe(false);
  });
});
