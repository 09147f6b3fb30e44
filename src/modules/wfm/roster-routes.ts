/** HTTP: agents' profiles and days off, rosters (solve, edit, publish), my schedule and adherence. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errors } from '../../platform/errors.ts';
import { IdParams, NoContent, Obj, Type, Uuid } from '../../platform/http/schema.ts';
import type { AdherenceService } from './adherence-service.ts';
import { type AgentsService, dayNumber, dayText, type TimeOff } from './agents-service.ts';
import { fromLocal, local } from './http-time.ts';
import {
  AdherenceSchema,
  AgentProfileInput,
  AgentProfileSchema,
  Day,
  MyScheduleSchema,
  RosterEditInput,
  RosterSchema,
  RosterSpecInput,
  TimeOffSchema,
} from './roster-schemas.ts';
import type { RosterService, RosterView } from './roster-service.ts';
import type { RosterEdit } from './roster-spec.ts';
import type { RosterShift } from './roster-types.ts';
import { DAY_MS } from './series.ts';

const tags = ['workforce'];
const day = (text: string) => {
  const n = dayNumber(text);
  if (!Number.isInteger(n)) throw errors.badRequest('wfm.invalid_input', `'${text}' is not a day YYYY-MM-DD`);
  return n;
};
const shiftJson = <S extends RosterShift>(s: S) => ({
  ...s,
  start: local(s.start),
  end: local(s.end),
  breaks: s.breaks.map((b) => ({ ...b, start: local(b.start), end: local(b.end) })),
});
const timeOffJson = (t: TimeOff & { name: string }) => ({
  id: t.id,
  userId: t.userId,
  name: t.name,
  day: t.day,
  note: t.note,
  status: t.status,
  createdAt: t.createdAt.toISOString(),
  decidedAt: t.decidedAt?.toISOString() ?? null,
});
const rosterJson = ({ createdAt: _c, ...r }: RosterView) => ({
  ...r,
  firstDay: dayText(r.firstDay),
  shifts: r.shifts.map(shiftJson),
  violations: r.violations.map((v) => ({ ...v, at: local(v.at) })),
  updatedAt: r.updatedAt.toISOString(),
  publishedAt: r.publishedAt?.toISOString() ?? null,
});

export function rosterRoutes(deps: {
  agents: AgentsService;
  rosters: RosterService;
  adherence: AdherenceService;
}): FastifyPluginAsyncTypebox {
  const { agents, rosters, adherence } = deps;
  return async (app) => {
    const UserParams = Obj({ userId: Uuid });

    app.get(
      '/wfm/agents',
      {
        config: { access: 'wfm.manage' },
        schema: {
          tags,
          summary: "Agents' rostering profiles",
          response: { 200: Obj({ items: Type.Array(AgentProfileSchema) }) },
        },
      },
      async (request) => ({ items: await agents.list(request.principal!.workspaceId) }),
    );

    app.put(
      '/wfm/agents/:userId',
      {
        config: { access: 'wfm.manage' },
        schema: {
          tags,
          summary: "Set an agent's queues, contract (minutes a week, most days) and availability by weekday",
          params: UserParams,
          body: AgentProfileInput,
          response: { 200: AgentProfileSchema },
        },
      },
      async (request) => agents.save(request.principal!.workspaceId, request.params.userId, request.body),
    );

    app.delete(
      '/wfm/agents/:userId',
      {
        config: { access: 'wfm.manage' },
        schema: {
          tags,
          summary: "Remove an agent's rostering profile",
          params: UserParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await agents.remove(request.principal!.workspaceId, request.params.userId);
        reply.code(204);
        return null;
      },
    );

    app.get(
      '/wfm/time-off',
      {
        config: { access: 'wfm.read' },
        schema: {
          tags,
          summary: "Days off from a day on: everyone's with wfm.manage, otherwise one's own",
          querystring: Obj({ from: Type.Optional(Day) }),
          response: { 200: Obj({ items: Type.Array(TimeOffSchema) }) },
        },
      },
      async (request) => {
        const p = request.principal!;
        const rows = await agents.timeOff(p.workspaceId, {
          ...(p.permissions.has('wfm.manage') ? {} : { userId: p.userId }),
          ...(request.query.from ? { from: day(request.query.from) } : {}),
        });
        return { items: rows.map(timeOffJson) };
      },
    );

    app.post(
      '/wfm/time-off',
      {
        config: { access: 'wfm.read' },
        schema: {
          tags,
          summary: 'Ask for a day off',
          body: Obj({ day: Day, note: Type.Optional(Type.String({ maxLength: 500 })) }),
          response: { 201: TimeOffSchema },
        },
      },
      async (request, reply) => {
        const p = request.principal!;
        day(request.body.day);
        const row = await agents.requestTimeOff(p.workspaceId, p.userId, {
          userId: p.userId,
          day: request.body.day,
          note: request.body.note ?? '',
        });
        reply.code(201);
        return timeOffJson({ ...row, name: (await agents.names(p.workspaceId, [p.userId])).get(p.userId)! });
      },
    );

    app.post(
      '/wfm/time-off/:id/decide',
      {
        config: { access: 'wfm.manage' },
        schema: {
          tags,
          summary: 'Approve or deny a day off',
          params: IdParams,
          body: Obj({ status: Type.Union([Type.Literal('approved'), Type.Literal('denied')]) }),
          response: { 200: TimeOffSchema },
        },
      },
      async (request) => {
        const p = request.principal!;
        const row = await agents.decide(p.workspaceId, p.userId, request.params.id, request.body.status);
        return timeOffJson({
          ...row,
          name: (await agents.names(p.workspaceId, [row.userId])).get(row.userId)!,
        });
      },
    );

    app.post(
      '/wfm/plans/:id/roster',
      {
        config: { access: 'wfm.manage' },
        schema: {
          tags,
          summary:
            'Roster the plan: its requirement given to named agents by the solver (replaces a draft roster)',
          params: IdParams,
          body: RosterSpecInput,
          response: { 200: RosterSchema },
        },
      },
      async (request) => {
        const p = request.principal!;
        return rosterJson(await rosters.solve(p.workspaceId, p.userId, request.params.id, request.body));
      },
    );

    app.get(
      '/wfm/plans/:id/roster',
      {
        config: { access: 'wfm.manage' },
        schema: {
          tags,
          summary: "A plan's roster with what it breaks",
          params: IdParams,
          response: { 200: RosterSchema },
        },
      },
      async (request) => rosterJson(await rosters.get(request.principal!.workspaceId, request.params.id)),
    );

    app.post(
      '/wfm/plans/:id/roster/edit',
      {
        config: { access: 'wfm.manage' },
        schema: {
          tags,
          summary: 'Move a shift (in time or to another agent), swap two shifts, or give an agent a day off',
          params: IdParams,
          body: Obj({ edit: RosterEditInput }),
          response: { 200: RosterSchema },
        },
      },
      async (request) => {
        const p = request.principal!;
        await rosters.requireRoster(p.workspaceId, request.params.id);
        const e = request.body.edit;
        const edit: RosterEdit =
          e.type === 'move'
            ? { ...e, start: fromLocal(e.start) }
            : e.type === 'time_off'
              ? { ...e, day: day(e.day) }
              : e;
        return rosterJson(await rosters.edit(p.workspaceId, p.userId, request.params.id, edit));
      },
    );

    app.post(
      '/wfm/plans/:id/roster/publish',
      {
        config: { access: 'wfm.manage' },
        schema: {
          tags,
          summary: 'Publish the roster: agents see their shifts',
          params: IdParams,
          response: { 200: RosterSchema },
        },
      },
      async (request) => {
        const p = request.principal!;
        return rosterJson(await rosters.publish(p.workspaceId, p.userId, request.params.id));
      },
    );

    app.get(
      '/wfm/my-schedule',
      {
        config: { access: 'wfm.read' },
        schema: {
          tags,
          summary: "The caller's published shifts and days off",
          querystring: Obj({ from: Day, days: Type.Optional(Type.Integer({ minimum: 1, maximum: 42 })) }),
          response: { 200: MyScheduleSchema },
        },
      },
      async (request) => {
        const p = request.principal!;
        const first = day(request.query.from);
        const days = request.query.days ?? 7;
        const shifts = await rosters.publishedShifts(
          p.workspaceId,
          first * DAY_MS,
          (first + days) * DAY_MS,
          p.userId,
        );
        const off = await agents.timeOff(p.workspaceId, {
          userId: p.userId,
          from: first,
          to: first + days - 1,
        });
        return {
          from: request.query.from,
          days,
          shifts: shifts.map(shiftJson),
          timeOff: off.map(timeOffJson),
        };
      },
    );

    app.get(
      '/wfm/adherence',
      {
        config: { access: 'wfm.manage' },
        schema: {
          tags,
          summary: "Adherence and conformance per scheduled agent for a day (today's live, up to now)",
          querystring: Obj({
            day: Type.Optional(Day),
            minExceptionMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 240 })),
          }),
          response: { 200: AdherenceSchema },
        },
      },
      async (request) => {
        const { day: asked, minExceptionMinutes } = request.query;
        const r = await adherence.day(
          request.principal!.workspaceId,
          asked ? day(asked) : undefined,
          minExceptionMinutes,
        );
        return {
          ...r,
          day: dayText(r.day),
          until: local(r.until),
          agents: r.agents.map((a) => ({
            ...a,
            shifts: a.shifts.map(shiftJson),
            exceptions: a.exceptions.map((x) => ({ ...x, start: local(x.start), end: local(x.end) })),
            current: {
              ...a.current,
              outOfAdherenceSince:
                a.current.outOfAdherenceSince === null ? null : local(a.current.outOfAdherenceSince),
            },
          })),
        };
      },
    );
  };
}
