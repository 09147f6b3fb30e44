import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../api/types.ts';
import { connectRealtime, type RealtimeStatus } from './connection.ts';

class FakeSocket {
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.onclose?.();
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

function setup(topics = ['user:u1', 'workspace']) {
  const sockets: FakeSocket[] = [];
  const timers: (() => void)[] = [];
  const statuses: RealtimeStatus[] = [];
  const events: DomainEvent[] = [];
  const stop = connectRealtime({
    url: 'ws://test/api/v1/realtime',
    topics,
    essentialTopics: ['user:u1'],
    onStatus: (status) => statuses.push(status),
    onEvent: (event) => events.push(event),
    socketFactory: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
    setTimer: (run) => timers.push(run),
  });
  return { sockets, timers, statuses, events, stop };
}

const event = (type: string): DomainEvent => ({
  type,
  at: '2025-01-01T00:00:00Z',
  subject: 'user',
  subjectId: 'u1',
  payload: {},
});

describe('realtime connection', () => {
  it('subscribes when the socket opens and reports it online', () => {
    const { sockets, statuses } = setup();
    sockets[0]!.onopen?.();
    expect(sockets[0]!.sent).toEqual([{ type: 'subscribe', topics: ['user:u1', 'workspace'] }]);
    expect(statuses).toEqual(['connecting', 'online']);
  });

  it('passes events on and resumes after the last cursor when it reconnects', () => {
    const { sockets, timers, events, statuses } = setup();
    sockets[0]!.onopen?.();
    sockets[0]!.receive({ type: 'subscribed', topics: ['workspace'], cursor: '5.1' });
    sockets[0]!.receive({ type: 'event', cursor: '5.2', event: event('user.updated') });
    sockets[0]!.onclose?.();
    expect(statuses.at(-1)).toBe('offline');
    timers.shift()?.();
    sockets[1]!.onopen?.();
    expect(events.map((item) => item.type)).toEqual(['user.updated']);
    expect(sockets[1]!.sent).toEqual([{ type: 'subscribe', topics: ['user:u1', 'workspace'], after: '5.2' }]);
  });

  it('falls back to the essential topics when a topic is refused', () => {
    const { sockets } = setup();
    sockets[0]!.onopen?.();
    sockets[0]!.receive({ type: 'error', code: 'realtime.forbidden_topic', message: 'no' });
    expect(sockets[0]!.sent.at(-1)).toEqual({ type: 'subscribe', topics: ['user:u1'] });
  });

  it('stops reconnecting once stopped', () => {
    const { sockets, timers, stop } = setup();
    sockets[0]!.onopen?.();
    stop();
    expect(timers).toEqual([]);
  });

  it('a new connection resumes after the cursor an earlier one reported, missing nothing between them', () => {
    const seen: string[] = [];
    const first = new FakeSocket();
    const stopFirst = connectRealtime({
      url: 'ws://test/api/v1/realtime',
      topics: ['user:u1'],
      essentialTopics: ['user:u1'],
      onStatus: () => undefined,
      onEvent: () => undefined,
      onCursor: (cursor) => seen.push(cursor),
      socketFactory: () => first as unknown as WebSocket,
      setTimer: () => undefined,
    });
    first.onopen?.();
    first.receive({ type: 'subscribed', cursor: '7.1', topics: ['user:u1'] });
    first.receive({ type: 'event', cursor: '7.4', event: event('offer.created') });
    stopFirst();
    const second = new FakeSocket();
    connectRealtime({
      url: 'ws://test/api/v1/realtime',
      topics: ['user:u1', 'interaction:i1'],
      essentialTopics: ['user:u1'],
      onStatus: () => undefined,
      onEvent: () => undefined,
      after: seen.at(-1),
      socketFactory: () => second as unknown as WebSocket,
      setTimer: () => undefined,
    });
    second.onopen?.();
    expect(seen).toEqual(['7.1', '7.4']);
    expect(second.sent).toEqual([{ type: 'subscribe', topics: ['user:u1', 'interaction:i1'], after: '7.4' }]);
  });
});
