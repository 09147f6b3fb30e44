import { describe, expect, it } from 'vitest';
import { pastConversations } from './past-list.ts';

const c = (id: string, open: boolean, createdAt: string, lastSeq = 1) => ({ id, open, createdAt, lastSeq });

describe('pastConversations', () => {
  it('lists open conversations first, then the newest, and leaves out empty ones', () => {
    const items = [
      c('old', false, '2026-01-01T10:00:00.000Z'),
      c('empty', false, '2026-03-01T10:00:00.000Z', 0),
      c('new', false, '2026-02-01T10:00:00.000Z'),
      c('live', true, '2025-12-01T10:00:00.000Z'),
    ];
    expect(pastConversations(items).map((x) => x.id)).toEqual(['live', 'new', 'old']);
  });

  it('does not reorder the list it was given', () => {
    const items = [c('a', false, '2026-01-01T10:00:00.000Z'), c('b', true, '2026-01-02T10:00:00.000Z')];
    pastConversations(items);
    expect(items.map((x) => x.id)).toEqual(['a', 'b']);
  });
});
