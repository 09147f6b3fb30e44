import { describe, expect, it } from 'vitest';
import { dueOf, formatLeft } from './sla.ts';

const t = (iso: string) => Date.parse(iso);
const start = t('2026-01-01T09:00:00Z');

describe('the e-mail due-time countdown', () => {
  const c = {
    firstReplyDueAt: '2026-01-01T10:00:00Z',
    resolutionDueAt: '2026-01-02T09:00:00Z',
    firstRepliedAt: null as string | null,
  };

  it('follows the first-reply target until a reply is sent, then the resolution target', () => {
    expect(dueOf(c, t('2026-01-01T09:30:00Z'), start)).toEqual({
      kind: 'firstReply',
      leftMs: 1_800_000,
      level: 'ok',
    });
    const replied = { ...c, firstRepliedAt: '2026-01-01T09:40:00Z' };
    expect(dueOf(replied, t('2026-01-01T09:45:00Z'), start)?.kind).toBe('resolution');
  });

  it('turns amber in the last quarter and red once overdue', () => {
    expect(dueOf(c, t('2026-01-01T09:50:00Z'), start)?.level).toBe('soon');
    expect(dueOf(c, t('2026-01-01T10:00:01Z'), start)).toMatchObject({ level: 'overdue', leftMs: -1000 });
  });

  it('shows nothing without a target', () => {
    expect(
      dueOf({ firstReplyDueAt: null, resolutionDueAt: null, firstRepliedAt: null }, start, start),
    ).toBeNull();
    expect(dueOf({ ...c, firstRepliedAt: 'x', resolutionDueAt: null }, start, start)).toBeNull();
  });

  it('formats what is left for people', () => {
    expect(formatLeft(3_723_000)).toBe('1 h 02 min');
    expect(formatLeft(90_061_000)).toBe('1 d 1 h');
    expect(formatLeft(65_000)).toBe('1 min 05 s');
    expect(formatLeft(-65_000)).toBe('1 min 05 s');
  });
});
