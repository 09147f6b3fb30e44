import { describe, expect, it } from 'vitest';
import { offerChanged, REFRESH_ON_OPEN_GAP_MS, refreshOnOpen } from './refresh.ts';

const offer = (open: boolean, reason: 'closed' | 'nobody' | null, whenOffline = 'leave_message') => ({
  availability: { open, reason },
  whenOffline,
});

describe('offerChanged', () => {
  it('redraws when chat opens or closes, when the reason changes, or when the offline offer does', () => {
    expect(offerChanged(offer(false, 'nobody'), offer(true, null))).toBe(true);
    expect(offerChanged(offer(true, null), offer(false, 'closed'))).toBe(true);
    expect(offerChanged(offer(false, 'nobody'), offer(false, 'closed'))).toBe(true);
    expect(offerChanged(offer(false, 'closed'), offer(false, 'closed', 'hide'))).toBe(true);
  });

  it('leaves the screen alone when nothing the visitor is offered changed', () => {
    expect(offerChanged(offer(true, null), offer(true, null))).toBe(false);
    expect(offerChanged(offer(false, 'closed', 'hide'), offer(false, 'closed', 'hide'))).toBe(false);
  });
});

describe('refreshOnOpen', () => {
  it('re-reads on open unless it read moments ago', () => {
    expect(refreshOnOpen(0, REFRESH_ON_OPEN_GAP_MS)).toBe(true);
    expect(refreshOnOpen(10_000, 10_000 + REFRESH_ON_OPEN_GAP_MS - 1)).toBe(false);
  });
});
