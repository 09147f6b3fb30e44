/** Cursor pagination over a sort key and the id that breaks ties. */
import { errors } from '../errors.ts';

export interface PageRequest {
  limit: number;
  after: unknown[] | null;
}

export function pageRequest(query: { limit?: number; cursor?: string }): PageRequest {
  return { limit: query.limit ?? 50, after: query.cursor ? decodePageCursor(query.cursor) : null };
}

export const encodePageCursor = (values: unknown[]): string =>
  Buffer.from(JSON.stringify(values)).toString('base64url');

export function decodePageCursor(cursor: string): unknown[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values)) return values;
  } catch {
    // fall through to the error below
  }
  throw errors.badRequest('pagination.bad_cursor', 'The cursor is not one this server issued');
}

/**
 * Given up to limit + 1 rows, returns the page and the cursor of the next one.
 * @example const { items, nextCursor } = toPage(rows, limit, (r) => [r.createdAt.toISOString(), r.id]);
 */
export function toPage<T>(
  rows: T[],
  limit: number,
  key: (row: T) => unknown[],
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodePageCursor(key(last)) : null };
}
