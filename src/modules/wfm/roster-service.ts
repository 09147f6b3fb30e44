/**
 * Rosters: a plan's requirement given to named agents by the solver, edited by supervisors (move,
 * swap, day off), published for agents to read as their schedule. Every read says what the roster
 * breaks, checked against today's profiles and days off.
 */
import { and, eq } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import { type AgentsService, dayNumber, dayText } from './agents-service.ts';
import type { PlanService } from './plan-service.ts';
import { solveRoster } from './roster.ts';
import { checkRoster, coverage, type Violation } from './roster-check.ts';
import { type PreferenceTally, preferenceTally } from './roster-preferences.ts';
import {
  applyEdit,
  defaultSpec,
  overlapping,
  type RosterEdit,
  type RosterSpec,
  requirementOf,
  specPatterns,
} from './roster-spec.ts';
import type { RosterAgent, RosterShift } from './roster-types.ts';
import { wfmRosters } from './schema.ts';
import { DAY_MS } from './series.ts';

export interface RosterDeps {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  newId: IdGenerator;
  plans: PlanService;
  agents: AgentsService;
}

type RosterRow = typeof wfmRosters.$inferSelect;

export interface RosterView extends Omit<RosterRow, 'workspaceId'> {
  /** Names of the agents in the roster or the profiles. */
  names: Record<string, string>;
  violations: Violation[];
  /** Per agent with preferences, how many the roster's shifts keep and break (today's profiles). */
  preferences: PreferenceTally[];
  /** Agents to schedule and agents scheduled per quarter hour, days × 96. */
  requirement: number[][];
  coverage: number[][];
}

export function createRosterService({ db, uow, clock, newId, plans, agents }: RosterDeps) {
  async function profiles(workspaceId: string) {
    const list = await agents.list(workspaceId);
    const roster: RosterAgent[] = list.map(({ userId, name: _n, ...rest }) => ({ id: userId, ...rest }));
    return { list, roster };
  }

  async function approvedOff(workspaceId: string, firstDay: number, days: number) {
    const rows = await agents.timeOff(workspaceId, {
      from: firstDay,
      to: firstDay + days - 1,
      status: ['approved'],
    });
    return rows.map((t) => ({ agentId: t.userId, day: dayNumber(t.day) }));
  }

  async function load(workspaceId: string, planId: string): Promise<RosterRow | null> {
    const [row] = await db
      .select()
      .from(wfmRosters)
      .where(scoped(db, workspaceId).where(wfmRosters, eq(wfmRosters.planId, planId)));
    return row ?? null;
  }

  async function view(workspaceId: string, row: RosterRow): Promise<RosterView> {
    const plan = await plans.get(workspaceId, row.planId);
    const { requirement } = requirementOf(plan.intervals, plan.intervalMinutes);
    const { list, roster } = await profiles(workspaceId);
    const concerned = roster.filter(
      (a) => a.queues.includes(row.queueKey) || row.shifts.some((s) => s.agentId === a.id),
    );
    const violations = checkRoster({
      queueKey: row.queueKey,
      firstDay: row.firstDay,
      requirement,
      agents: concerned,
      timeOff: await approvedOff(workspaceId, row.firstDay, row.days),
      shifts: row.shifts,
      rules: { minRestMinutes: row.spec.minRestMinutes },
    });
    const named = await agents.names(
      workspaceId,
      row.shifts.map((s) => s.agentId),
    );
    for (const a of list) named.set(a.userId, a.name);
    const { workspaceId: _ws, ...rest } = row;
    return {
      ...rest,
      names: Object.fromEntries(named),
      violations,
      preferences: preferenceTally(concerned, row.firstDay, row.days, row.shifts),
      requirement,
      coverage: coverage(row.firstDay, row.days, row.shifts),
    };
  }

  /**
   * Solves the plan's roster with the agents' profiles and approved days off, replacing a draft.
   * @example await rosters.solve(ws, actor, planId, {}) // { shifts: [...], violations: [...], summary }
   */
  async function solve(
    workspaceId: string,
    actorId: string,
    planId: string,
    input: Partial<RosterSpec> & { timeLimitSeconds?: number },
  ): Promise<RosterView> {
    const plan = await plans.get(workspaceId, planId);
    if (plan.settings.work === 'deferrable')
      throw new AppError(
        'wfm.not_simulable',
        422,
        'rosters follow queue plans; deferrable work has no queue',
      );
    const existing = await load(workspaceId, planId);
    if (existing?.status === 'published')
      throw new AppError(
        'wfm.roster_published',
        409,
        'the roster is published: edit its shifts instead of solving it again',
      );
    const { firstDay, days, requirement } = requirementOf(plan.intervals, plan.intervalMinutes);
    const { timeLimitSeconds, ...given } = input;
    const spec: RosterSpec = { ...defaultSpec(plan.intervals, plan.intervalMinutes), ...given };
    const { roster } = await profiles(workspaceId);
    const solution = await solveRoster(
      {
        queueKey: plan.queueKey,
        firstDay,
        requirement,
        patterns: specPatterns(spec),
        agents: roster,
        timeOff: await approvedOff(workspaceId, firstDay, days),
        rules: { minRestMinutes: spec.minRestMinutes },
      },
      { timeLimitSeconds: timeLimitSeconds ?? 30 },
    );
    const now = clock.now();
    const { shifts: solved, violations: _v, preferences: _p, ...summary } = solution;
    const row: RosterRow = {
      id: existing?.id ?? newId(),
      workspaceId,
      planId,
      queueKey: plan.queueKey,
      status: 'draft',
      firstDay,
      days,
      spec,
      summary,
      shifts: solved.map((s) => ({ id: newId(), ...s })),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      publishedAt: null,
    };
    await uow.run(async (tx, record) => {
      if (existing) await scoped(tx, workspaceId).delete(wfmRosters, eq(wfmRosters.id, existing.id));
      await tx.insert(wfmRosters).values(row);
      await record({
        workspaceId,
        type: 'wfm.roster_solved',
        subject: 'wfm_roster',
        subjectId: row.id,
        actorId,
        payload: { planId, shifts: row.shifts.length, status: summary.status },
      });
    });
    return view(workspaceId, row);
  }

  /** 404 unless the plan has a roster. */
  async function requireRoster(workspaceId: string, planId: string): Promise<void> {
    if (!(await load(workspaceId, planId))) throw errors.notFound('Roster');
  }

  async function get(workspaceId: string, planId: string): Promise<RosterView> {
    const row = await load(workspaceId, planId);
    if (!row) throw errors.notFound('Roster');
    return view(workspaceId, row);
  }

  /** Applies a supervisor's edit; a day off given this way is recorded as approved. */
  async function edit(
    workspaceId: string,
    actorId: string,
    planId: string,
    change: RosterEdit,
  ): Promise<RosterView> {
    const row = await load(workspaceId, planId);
    if (!row) throw errors.notFound('Roster');
    const target =
      change.type === 'move' ? change.agentId : change.type === 'time_off' ? change.agentId : undefined;
    if (target && !(await profiles(workspaceId)).roster.some((a) => a.id === target))
      throw errors.badRequest('wfm.invalid_input', `agent ${target} has no workforce profile`);
    const shifts = applyEdit(row.shifts, change);
    const changed = [
      ...row.shifts.filter((s) => !shifts.includes(s)),
      ...shifts.filter((s) => !row.shifts.includes(s)),
    ];
    const touched = new Set(changed.map((s) => s.agentId));
    if (change.type === 'time_off') {
      await agents.requestTimeOff(workspaceId, actorId, {
        userId: change.agentId,
        day: dayText(change.day),
        note: '',
        approved: true,
      });
    }
    const updatedAt = clock.now();
    await uow.run(async (tx, record) => {
      await scoped(tx, workspaceId).update(wfmRosters, { shifts, updatedAt }, eq(wfmRosters.id, row.id));
      await record({
        workspaceId,
        type: 'wfm.roster_edited',
        subject: 'wfm_roster',
        subjectId: row.id,
        actorId,
        // Agents whose schedule changed see it at once when the roster is published.
        topics: row.status === 'published' ? [...touched].map((id) => `user:${id}`) : [],
        payload: { planId, edit: change.type },
      });
    });
    return view(workspaceId, { ...row, shifts, updatedAt });
  }

  async function publish(workspaceId: string, actorId: string, planId: string): Promise<RosterView> {
    const row = await load(workspaceId, planId);
    if (!row) throw errors.notFound('Roster');
    const now = clock.now();
    await uow.run(async (tx, record) => {
      await scoped(tx, workspaceId).update(
        wfmRosters,
        { status: 'published', publishedAt: now, updatedAt: now },
        eq(wfmRosters.id, row.id),
      );
      await record({
        workspaceId,
        type: 'wfm.roster_published',
        subject: 'wfm_roster',
        subjectId: row.id,
        actorId,
        topics: [...new Set(row.shifts.map((s) => `user:${s.agentId}`))],
        payload: { planId, shifts: row.shifts.length },
      });
    });
    return view(workspaceId, { ...row, status: 'published', publishedAt: now, updatedAt: now });
  }

  /** Published shifts overlapping [from, to) (local epoch ms), of one agent or all, with their queue. */
  async function publishedShifts(
    workspaceId: string,
    from: number,
    to: number,
    agentId?: string,
  ): Promise<(RosterShift & { queueKey: string })[]> {
    const rows = await db
      .select({
        queueKey: wfmRosters.queueKey,
        shifts: wfmRosters.shifts,
        firstDay: wfmRosters.firstDay,
        days: wfmRosters.days,
      })
      .from(wfmRosters)
      .where(scoped(db, workspaceId).where(wfmRosters, and(eq(wfmRosters.status, 'published'))));
    return rows
      .filter((r) => r.firstDay * DAY_MS < to + DAY_MS && (r.firstDay + r.days) * DAY_MS > from - DAY_MS)
      .flatMap((r) => overlapping(r.shifts, from, to).map((s) => ({ ...s, queueKey: r.queueKey })))
      .filter((s) => !agentId || s.agentId === agentId)
      .sort((a, b) => a.start - b.start);
  }

  return { solve, get, requireRoster, edit, publish, publishedShifts };
}

export type RosterService = ReturnType<typeof createRosterService>;
