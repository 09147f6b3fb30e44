/**
 * The customer timeline: a read model with one row per fact about a customer, newest first. This module
 * writes its own facts (notes, consent, identities, merges); other modules add theirs with
 * `recordTimelineEntry` inside their own transactions, so an entry commits or rolls back with its fact.
 */
import { and, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { isUuid, newId as uuidv7 } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { type PageRequest, toPage } from '../../platform/http/pagination.ts';
import type { Context } from './context.ts';
import { customers, customerTimeline } from './schema.ts';
import { loadRow } from './store.ts';

export interface TimelineEntryInput {
  workspaceId: string;
  customerId: string;
  at: Date;
  /** What happened: 'interaction', 'note', 'consent', 'merge', 'identity', 'purchase', 'quote', 'work_order', … */
  kind: string;
  /** The channel, for contacts: 'voice', 'email', 'chat', 'whatsapp', …; null for facts with none. */
  channel?: string | null;
  /** The fact's id in its module; a second entry with the same kind and ref replaces the first. */
  refId?: string | null;
  summary: string;
  payload?: Record<string, unknown>;
  actorId?: string | null;
  id?: string;
}

export interface TimelineEntry {
  id: string;
  at: string;
  kind: string;
  channel: string | null;
  refId: string | null;
  summary: string;
  payload: Record<string, unknown>;
  actorId: string | null;
}

/**
 * Adds (or, with a known `refId`, replaces) a timeline entry in the caller's transaction. An entry for a
 * customer that was merged lands on the survivor.
 * @example
 * await uow.run(async (tx, record) => {
 *   await tx.insert(interactions).values(row);
 *   await recordTimelineEntry(tx, { workspaceId, customerId, at: now, kind: 'interaction', channel: 'chat',
 *     refId: row.id, summary: 'Chat: reserva de hotel', payload: { state: 'queued' } });
 * });
 */
export async function recordTimelineEntry(tx: Db, entry: TimelineEntryInput): Promise<string> {
  const id = entry.id ?? uuidv7();
  const ws = scoped(tx, entry.workspaceId);
  const survivor = sql`(select coalesce(${customers.mergedInto}, ${customers.id}) from ${customers}
    where ${ws.where(customers, eq(customers.id, entry.customerId))})`;
  const values = {
    at: entry.at,
    channel: entry.channel ?? null,
    summary: entry.summary.slice(0, 500),
    payload: entry.payload ?? {},
  };
  const [row] = await tx
    .insert(customerTimeline)
    .values({
      id,
      workspaceId: entry.workspaceId,
      customerId: survivor as unknown as string,
      kind: entry.kind,
      refId: entry.refId ?? null,
      actorId: entry.actorId ?? null,
      ...values,
    })
    .onConflictDoUpdate({
      target: [customerTimeline.workspaceId, customerTimeline.kind, customerTimeline.refId],
      set: values,
    })
    .returning({ id: customerTimeline.id });
  return row!.id;
}

const columns = {
  id: customerTimeline.id,
  at: customerTimeline.at,
  kind: customerTimeline.kind,
  channel: customerTimeline.channel,
  refId: customerTimeline.refId,
  summary: customerTimeline.summary,
  payload: customerTimeline.payload,
  actorId: customerTimeline.actorId,
};

export interface TimelineFilter {
  kinds?: string[];
  channels?: string[];
}

export function createTimelineService(ctx: Context) {
  const { db, uow, clock } = ctx;

  /** One page of a customer's timeline, newest first, optionally only some kinds or channels. */
  async function list(
    workspaceId: string,
    customerId: string,
    page: PageRequest,
    filter: TimelineFilter = {},
  ) {
    await loadRow(db, workspaceId, customerId);
    const ws = scoped(db, workspaceId);
    const rows = await db
      .select(columns)
      .from(customerTimeline)
      .where(
        ws.where(
          customerTimeline,
          eq(customerTimeline.customerId, customerId),
          filter.kinds?.length ? inArray(customerTimeline.kind, filter.kinds) : undefined,
          filter.channels?.length ? inArray(customerTimeline.channel, filter.channels) : undefined,
          page.after ? afterKey(page.after) : undefined,
        ),
      )
      .orderBy(desc(customerTimeline.at), desc(customerTimeline.id))
      .limit(page.limit + 1);
    const result = toPage(rows, page.limit, (r) => [r.at.toISOString(), r.id]);
    return { items: result.items.map(toEntry), nextCursor: result.nextCursor };
  }

  async function addNote(workspaceId: string, customerId: string, body: string, actorId: string) {
    const at = clock.now();
    const id = await uow.run(async (tx, record) => {
      await loadRow(tx, workspaceId, customerId);
      const entryId = await recordTimelineEntry(tx, {
        workspaceId,
        customerId,
        at,
        kind: 'note',
        summary: body.split('\n')[0]!.slice(0, 200),
        payload: { body },
        actorId,
      });
      await record({
        workspaceId,
        type: 'customer.note_added',
        subject: 'customer',
        subjectId: customerId,
        actorId,
        topics: [`customer:${customerId}`],
        payload: { entryId },
      });
      return entryId;
    });
    const [row] = await db
      .select(columns)
      .from(customerTimeline)
      .where(scoped(db, workspaceId).where(customerTimeline, eq(customerTimeline.id, id)));
    return toEntry(row!);
  }

  return { list, addNote, record: recordTimelineEntry };
}

export type TimelineService = ReturnType<typeof createTimelineService>;

type Row = { at: Date } & Omit<TimelineEntry, 'at'>;
const toEntry = (r: Row): TimelineEntry => ({ ...r, at: r.at.toISOString() });

function afterKey(after: unknown[]): SQL | undefined {
  const [at, id] = after;
  if (typeof at !== 'string' || typeof id !== 'string' || !isUuid(id) || Number.isNaN(Date.parse(at))) {
    return undefined;
  }
  const when = new Date(at);
  return or(lt(customerTimeline.at, when), and(eq(customerTimeline.at, when), lt(customerTimeline.id, id)));
}
