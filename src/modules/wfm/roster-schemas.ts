/** TypeBox schemas of rostering, schedules and adherence. Times are the workspace's wall clock. */
import { Nullable, Obj, Type, Uuid } from '../../platform/http/schema.ts';
import { LocalTime, QueueKey } from './schemas.ts';

export const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Minutes = (max: number) => Type.Integer({ minimum: 0, maximum: max, multipleOf: 15 });
const WindowSchema = Nullable(Type.Tuple([Minutes(2880), Minutes(2880)]));

const PreferencesSchema = Obj({
  start: Nullable(
    Type.Tuple([Minutes(1425), Minutes(1425)], {
      description: 'Earliest and latest preferred start, minutes after midnight',
    }),
  ),
  daysOff: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), {
    maxItems: 7,
    uniqueItems: true,
    description: 'Weekdays preferred off, 0 = Monday',
  }),
});

export const AgentProfileInput = Obj({
  queues: Type.Array(QueueKey, { maxItems: 100 }),
  contractMinutes: Type.Integer({ minimum: 0, maximum: 10_080 }),
  maxDays: Type.Integer({ minimum: 0, maximum: 7 }),
  availability: Type.Array(WindowSchema, { minItems: 7, maxItems: 7, description: 'Monday first' }),
  preferences: Type.Optional(PreferencesSchema),
});

export const AgentProfileSchema = Obj({
  userId: Type.String(),
  name: Type.String(),
  ...AgentProfileInput.properties,
  preferences: PreferencesSchema,
});

export const TimeOffSchema = Obj({
  id: Type.String(),
  userId: Type.String(),
  name: Type.String(),
  day: Day,
  note: Type.String(),
  status: Type.Union([Type.Literal('requested'), Type.Literal('approved'), Type.Literal('denied')]),
  createdAt: Type.String(),
  decidedAt: Nullable(Type.String()),
});

const BreakSchema = Obj({
  kind: Type.Union([Type.Literal('break'), Type.Literal('lunch')]),
  start: LocalTime,
  end: LocalTime,
});

export const ShiftSchema = Obj({
  id: Type.String(),
  agentId: Type.String(),
  start: LocalTime,
  end: LocalTime,
  breaks: Type.Array(BreakSchema),
});

export const ViolationSchema = Obj({
  code: Type.String(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  agentId: Nullable(Type.String()),
  at: LocalTime,
  shiftId: Nullable(Type.String()),
  figures: Type.Record(Type.String(), Type.Number()),
  message: Type.String(),
});

export const RosterSpecInput = Obj({
  startMinutes: Type.Optional(
    Type.Array(Type.Integer({ minimum: 0, maximum: 1425, multipleOf: 15 }), { minItems: 1, maxItems: 96 }),
  ),
  lengthMinutes: Type.Optional(
    Type.Array(Type.Integer({ minimum: 60, maximum: 960, multipleOf: 15 }), { minItems: 1, maxItems: 8 }),
  ),
  breaks: Type.Optional(
    Type.Array(
      Obj({
        afterMinutes: Type.Union([Minutes(960), Type.Array(Minutes(960), { minItems: 1, maxItems: 6 })]),
        minutes: Type.Integer({ minimum: 15, maximum: 120, multipleOf: 15 }),
        paid: Type.Boolean(),
      }),
      { maxItems: 4 },
    ),
  ),
  minRestMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 1440 })),
  timeLimitSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 120 })),
});

export const RosterSchema = Obj({
  id: Type.String(),
  planId: Type.String(),
  queueKey: Type.String(),
  status: Type.Union([Type.Literal('draft'), Type.Literal('published')]),
  firstDay: Day,
  days: Type.Integer(),
  spec: Type.Unknown(),
  summary: Obj({
    status: Type.String(),
    objective: Nullable(Type.Number()),
    gap: Nullable(Type.Number()),
    seconds: Type.Number(),
    fairness: Obj({ maxWeekendDays: Type.Integer(), maxNights: Type.Integer() }),
    unassignable: Type.Array(Obj({ agentId: Type.String(), reason: Type.String() })),
  }),
  shifts: Type.Array(ShiftSchema),
  names: Type.Record(Type.String(), Type.String()),
  violations: Type.Array(ViolationSchema),
  /** Per agent with preferences, how many the roster keeps and breaks. */
  preferences: Type.Array(Obj({ agentId: Type.String(), met: Type.Integer(), broken: Type.Integer() })),
  /** Agents to schedule and scheduled, per quarter hour of each day. */
  requirement: Type.Array(Type.Array(Type.Integer())),
  coverage: Type.Array(Type.Array(Type.Integer())),
  updatedAt: Type.String(),
  publishedAt: Nullable(Type.String()),
});

// Times and days are checked once the roster is found, so that another workspace's plan answers 404 first.
const EditTime = Type.String({ minLength: 1, maxLength: 19, description: 'YYYY-MM-DDTHH:MM:SS' });
const EditDay = Type.String({ minLength: 1, maxLength: 10, description: 'YYYY-MM-DD' });

export const RosterEditInput = Type.Union([
  Obj({
    type: Type.Literal('move'),
    shiftId: Type.String({ minLength: 1, maxLength: 64 }),
    start: EditTime,
    agentId: Type.Optional(Uuid),
  }),
  Obj({
    type: Type.Literal('swap'),
    shiftId: Type.String({ minLength: 1, maxLength: 64 }),
    otherShiftId: Type.String({ minLength: 1, maxLength: 64 }),
  }),
  Obj({ type: Type.Literal('time_off'), agentId: Uuid, day: EditDay }),
]);

export const MyScheduleSchema = Obj({
  from: Day,
  days: Type.Integer(),
  shifts: Type.Array(Obj({ ...ShiftSchema.properties, queueKey: Type.String() })),
  timeOff: Type.Array(TimeOffSchema),
});

const ActivitySchema = Type.Union([
  Type.Literal('work'),
  Type.Literal('break'),
  Type.Literal('lunch'),
  Type.Literal('off'),
]);
const ActualSchema = Type.Union([Type.Literal('work'), Type.Literal('away'), Type.Literal('off')]);

export const AdherenceSchema = Obj({
  day: Day,
  until: LocalTime,
  live: Type.Boolean(),
  agents: Type.Array(
    Obj({
      agentId: Type.String(),
      name: Type.String(),
      shifts: Type.Array(ShiftSchema),
      scheduledMinutes: Type.Number(),
      inAdherenceMinutes: Type.Number(),
      adherence: Nullable(Type.Number()),
      scheduledWorkMinutes: Type.Number(),
      workedMinutes: Type.Number(),
      conformance: Nullable(Type.Number()),
      exceptions: Type.Array(
        Obj({
          start: LocalTime,
          end: LocalTime,
          scheduled: ActivitySchema,
          actual: ActualSchema,
          status: Type.String(),
          reason: Nullable(Type.String()),
        }),
      ),
      current: Obj({
        scheduled: ActivitySchema,
        actual: ActualSchema,
        status: Type.String(),
        reason: Nullable(Type.String()),
        outOfAdherenceSince: Nullable(LocalTime),
      }),
    }),
  ),
});
