/**
 * Agents as rostering sees them (skills per queue, contract, availability) and their days off:
 * agents ask, supervisors approve or deny, rostering keeps the approved ones.
 */
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import { NO_PREFERENCES } from './roster-preferences.ts';
import { type RosterAgent, validateAgent } from './roster-types.ts';
import { wfmAgents, wfmTimeOff } from './schema.ts';
import { DAY_MS } from './series.ts';

export interface AgentsDeps {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  newId: IdGenerator;
  /** Names of users, and a 404 for one that does not exist in the workspace. */
  users: { get(workspaceId: string, id: string): Promise<{ id: string; name: string }> };
}

export type AgentProfile = Required<Omit<RosterAgent, 'id'>> & { userId: string; name: string };
export type TimeOff = typeof wfmTimeOff.$inferSelect;

/** `YYYY-MM-DD` to its local epoch day number (NaN for a day the calendar has not), and back. */
export const dayNumber = (day: string): number => {
  const n = Date.parse(`${day}T00:00:00Z`) / DAY_MS;
  return Number.isInteger(n) && dayText(n) === day ? n : Number.NaN;
};
export const dayText = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function createAgentsService({ db, uow, clock, newId, users }: AgentsDeps) {
  /** Display names, with a stand-in for a user removed since. */
  async function names(workspaceId: string, ids: Iterable<string>): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const id of new Set(ids)) {
      out.set(
        id,
        await users.get(workspaceId, id).then(
          (u) => u.name,
          () => id.slice(0, 8),
        ),
      );
    }
    return out;
  }

  async function list(workspaceId: string): Promise<AgentProfile[]> {
    const rows = await db
      .select()
      .from(wfmAgents)
      .where(scoped(db, workspaceId).where(wfmAgents))
      .orderBy(asc(wfmAgents.userId));
    const named = await names(
      workspaceId,
      rows.map((r) => r.userId),
    );
    return rows
      .map(({ workspaceId: _ws, updatedAt: _u, ...r }) => ({ ...r, name: named.get(r.userId)! }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Creates or replaces an agent's profile (no preferences when none are given); the user must exist. */
  async function save(
    workspaceId: string,
    userId: string,
    input: Omit<RosterAgent, 'id'>,
  ): Promise<AgentProfile> {
    const user = await users.get(workspaceId, userId);
    const profile = { ...input, preferences: input.preferences ?? NO_PREFERENCES };
    validateAgent({ id: user.name, ...profile });
    const row = { workspaceId, userId, ...profile, updatedAt: clock.now() };
    await db
      .insert(wfmAgents)
      .values(row)
      .onConflictDoUpdate({ target: [wfmAgents.workspaceId, wfmAgents.userId], set: row });
    return { userId, name: user.name, ...profile };
  }

  async function remove(workspaceId: string, userId: string): Promise<void> {
    const gone = await scoped(db, workspaceId).delete(wfmAgents, eq(wfmAgents.userId, userId));
    if (gone === 0) throw errors.notFound('Agent');
  }

  /** Days off in [from, to] (day numbers); `userId` limits them to one agent. */
  async function timeOff(
    workspaceId: string,
    options: { userId?: string; from?: number; to?: number; status?: TimeOff['status'][] } = {},
  ): Promise<(TimeOff & { name: string })[]> {
    const rows = await db
      .select()
      .from(wfmTimeOff)
      .where(
        scoped(db, workspaceId).where(
          wfmTimeOff,
          and(
            options.userId ? eq(wfmTimeOff.userId, options.userId) : undefined,
            options.from !== undefined ? gte(wfmTimeOff.day, dayText(options.from)) : undefined,
            options.to !== undefined ? lte(wfmTimeOff.day, dayText(options.to)) : undefined,
            options.status ? inArray(wfmTimeOff.status, options.status) : undefined,
          ),
        ),
      )
      .orderBy(asc(wfmTimeOff.day))
      .limit(1000);
    const named = await names(
      workspaceId,
      rows.map((r) => r.userId),
    );
    return rows.map((r) => ({ ...r, name: named.get(r.userId)! }));
  }

  /**
   * An agent asks for a day off (asking again for a denied day asks anew); a supervisor giving one
   * approves it at once.
   */
  async function requestTimeOff(
    workspaceId: string,
    actorId: string,
    input: { userId: string; day: string; note: string; approved?: boolean },
  ): Promise<TimeOff> {
    if (!Number.isFinite(dayNumber(input.day)))
      throw errors.badRequest('wfm.invalid_input', `'${input.day}' is not a day YYYY-MM-DD`);
    const now = clock.now();
    const approved = input.approved === true;
    const row: TimeOff = {
      id: newId(),
      workspaceId,
      userId: input.userId,
      day: input.day,
      note: input.note,
      status: approved ? 'approved' : 'requested',
      decidedBy: approved ? actorId : null,
      createdAt: now,
      decidedAt: approved ? now : null,
    };
    const [existing] = await timeOff(workspaceId, {
      userId: input.userId,
      from: dayNumber(input.day),
      to: dayNumber(input.day),
    });
    if (existing && existing.status !== 'denied' && !approved)
      throw new AppError(
        'wfm.time_off_exists',
        409,
        `a day off on ${input.day} is already ${existing.status}`,
      );
    await uow.run(async (tx, record) => {
      if (existing) await scoped(tx, workspaceId).delete(wfmTimeOff, eq(wfmTimeOff.id, existing.id));
      await tx.insert(wfmTimeOff).values(row);
      await record({
        workspaceId,
        type: approved ? 'wfm.time_off_approved' : 'wfm.time_off_requested',
        subject: 'wfm_time_off',
        subjectId: row.id,
        actorId,
        topics: [`user:${input.userId}`],
        payload: { userId: input.userId, day: input.day },
      });
    });
    return row;
  }

  async function decide(workspaceId: string, actorId: string, id: string, status: 'approved' | 'denied') {
    const [row] = await db
      .select()
      .from(wfmTimeOff)
      .where(scoped(db, workspaceId).where(wfmTimeOff, eq(wfmTimeOff.id, id)));
    if (!row) throw errors.notFound('Time off');
    const decidedAt = clock.now();
    await uow.run(async (tx, record) => {
      await scoped(tx, workspaceId).update(
        wfmTimeOff,
        { status, decidedBy: actorId, decidedAt },
        eq(wfmTimeOff.id, id),
      );
      await record({
        workspaceId,
        type: `wfm.time_off_${status}`,
        subject: 'wfm_time_off',
        subjectId: id,
        actorId,
        topics: [`user:${row.userId}`],
        payload: { userId: row.userId, day: row.day },
      });
    });
    return { ...row, status, decidedBy: actorId, decidedAt };
  }

  return { names, list, save, remove, timeOff, requestTimeOff, decide };
}

export type AgentsService = ReturnType<typeof createAgentsService>;
