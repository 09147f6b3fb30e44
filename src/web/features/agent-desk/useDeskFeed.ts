/**
 * The desk's live feed: offers on the agent's own topic and every event of its open conversations, on
 * one WebSocket that resumes after its last cursor. Chat events are handed to `onChatEvent`.
 */
import { useEffect, useRef } from 'react';
import type { DomainEvent } from '../../api/types.ts';
import { connectRealtime, realtimeUrl } from '../../realtime/connection.ts';

export function useDeskFeed(
  userId: string,
  conversationIds: string[],
  onEvent: (event: DomainEvent) => void,
) {
  const latest = useRef(onEvent);
  latest.current = onEvent;
  // Opening a conversation reconnects with more topics; resuming after the last cursor keeps the events
  // that arrive meanwhile (a customer's first reply right after the accept).
  const cursor = useRef<string | undefined>(undefined);
  const key = [...conversationIds].sort().join(',');
  useEffect(() => {
    const topics = [
      `user:${userId}`,
      ...key
        .split(',')
        .filter(Boolean)
        .map((id) => `interaction:${id}`),
    ];
    return connectRealtime({
      url: realtimeUrl(),
      topics,
      essentialTopics: [`user:${userId}`],
      after: cursor.current,
      onCursor: (seen) => {
        cursor.current = seen;
      },
      onStatus: () => undefined,
      onEvent: (event) => latest.current(event),
    });
  }, [userId, key]);
}

/** A short two-tone chime for a new offer (Web Audio: no file to load). */
export function playOfferSound(): void {
  try {
    const audio = new AudioContext();
    for (const [i, freq] of [880, 1320].entries()) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = freq;
      gain.gain.value = 0.08;
      osc.connect(gain).connect(audio.destination);
      osc.start(audio.currentTime + i * 0.18);
      osc.stop(audio.currentTime + i * 0.18 + 0.15);
    }
  } catch {
    // No audio (autoplay rules, no device): the card still shows.
  }
}
