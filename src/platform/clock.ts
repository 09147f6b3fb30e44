/** Time and identity sources, passed in so that tests and the simulator control them. */
import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that moves only when told to: for tests. */
export function manualClock(start = new Date('2026-01-05T13:00:00Z')) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
    set(date: Date) {
      current = date.getTime();
    },
  };
}

export type IdGenerator = () => string;

// Random bytes drawn 4 KiB at a time: asking the system for 16 bytes per id was a tenth of a bulk import's
// CPU. The ids stay monotonic within a millisecond (a counter seeded from the random bits), as `uuid` does.
const pool = Buffer.alloc(4096);
let used = pool.length;
let lastMs = Number.NEGATIVE_INFINITY;
let seq = 0;

/** Time-ordered UUIDv7 ids. */
export const newId: IdGenerator = () => {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const random = pool.subarray(used, used + 16);
  used += 16;
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    seq = (seq + 1) | 0;
    if (seq === 0) lastMs++;
  }
  return uuidv7({ random, msecs: lastMs, seq });
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);
