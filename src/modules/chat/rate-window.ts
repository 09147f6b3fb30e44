/** A fixed-window counter per key, for limits the HTTP rate limiter cannot key (per channel). Pure given its clock. */

/**
 * @example
 * const limit = createWindowLimiter(600, 60_000);
 * if (!limit.take(channelId, Date.now())) throw tooMany;
 */
export function createWindowLimiter(max: number, windowMs: number) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Counts one use; false once the key has used `max` in the current window. */
    take(key: string, now: number): boolean {
      let w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        if (windows.size > 50_000) windows.clear();
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      w.count++;
      return w.count <= max;
    },
  };
}
