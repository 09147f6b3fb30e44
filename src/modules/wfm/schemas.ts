/** TypeBox schemas of the WFM API. Times are the workspace's wall-clock time, `YYYY-MM-DDTHH:MM:SS`. */
import { Nullable, Obj, Type } from '../../platform/http/schema.ts';

export const QueueKey = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,79}$' });
export const Channel = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' });
export const IntervalMinutes = Type.Union([Type.Literal(15), Type.Literal(30), Type.Literal(60)]);
export const LocalTime = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$' });

export const SeriesSummary = Obj({
  queueKey: Type.String(),
  channel: Type.String(),
  intervalMinutes: Type.Integer(),
  intervals: Type.Integer(),
  volume: Type.Number(),
  first: LocalTime,
  last: LocalTime,
  sources: Type.Array(Type.String()),
});

export const HistoryPoint = Obj({
  start: LocalTime,
  volume: Type.Number(),
  ahtSeconds: Nullable(Type.Number()),
});

export const SpecialDay = Obj({
  date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  factor: Type.Number({ minimum: 0, maximum: 100 }),
});

export const PlanSettingsInput = Obj({
  horizonDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 28 })),
  method: Type.Optional(
    Type.Union([
      Type.Literal('auto'),
      Type.Literal('seasonal_naive'),
      Type.Literal('weekday_mean'),
      Type.Literal('ets_profile'),
      Type.Literal('holt_winters'),
    ]),
  ),
  level: Type.Optional(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 })),
  specialDays: Type.Optional(Type.Array(SpecialDay, { maxItems: 400 })),
  work: Type.Optional(Type.Union([Type.Literal('queue'), Type.Literal('deferrable')])),
  model: Type.Optional(Type.Union([Type.Literal('c'), Type.Literal('a')])),
  serviceLevel: Type.Optional(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 })),
  targetSeconds: Type.Optional(Type.Number({ minimum: 0, maximum: 86_400 })),
  patienceSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 86_400 })),
  maxOccupancy: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1 })),
  shrinkage: Type.Optional(Type.Number({ minimum: 0, exclusiveMaximum: 1 })),
  concurrency: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
  dueMinutes: Type.Optional(Type.Integer({ minimum: 15, maximum: 14 * 1440 })),
  defaultAhtSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 86_400 })),
});

export const PlanSettings = Obj({
  horizonDays: Type.Integer(),
  method: Type.String(),
  level: Type.Number(),
  specialDays: Type.Array(SpecialDay),
  work: Type.String(),
  model: Type.String(),
  serviceLevel: Type.Number(),
  targetSeconds: Type.Number(),
  patienceSeconds: Type.Optional(Type.Number()),
  maxOccupancy: Type.Number(),
  shrinkage: Type.Number(),
  concurrency: Type.Integer(),
  dueMinutes: Type.Optional(Type.Integer()),
  defaultAhtSeconds: Type.Number(),
});

export const PlanIntervalSchema = Obj({
  start: LocalTime,
  forecast: Type.Number(),
  lo: Type.Number(),
  hi: Type.Number(),
  ahtSeconds: Type.Number(),
  requiredAgents: Type.Integer(),
  requiredScheduled: Type.Integer(),
  adjustedScheduled: Nullable(Type.Integer()),
  serviceLevel: Nullable(Type.Number()),
  actual: Nullable(Type.Number()),
});

const PlanStatus = Type.Union([Type.Literal('draft'), Type.Literal('published')]);

export const PlanSummary = Obj({
  id: Type.String(),
  name: Type.String(),
  queueKey: Type.String(),
  channel: Type.String(),
  intervalMinutes: Type.Integer(),
  status: PlanStatus,
  method: Type.String(),
  createdAt: Type.String(),
  publishedAt: Nullable(Type.String()),
  intervals: Type.Integer(),
});

export const Accuracy = Obj({
  method: Type.String(),
  n: Type.Integer(),
  mae: Nullable(Type.Number()),
  rmse: Nullable(Type.Number()),
  mape: Nullable(Type.Number()),
  smape: Nullable(Type.Number()),
  coverage: Nullable(Type.Number()),
});

export const PlanSchema = Obj({
  id: Type.String(),
  name: Type.String(),
  queueKey: Type.String(),
  channel: Type.String(),
  intervalMinutes: Type.Integer(),
  status: PlanStatus,
  method: Type.String(),
  settings: PlanSettings,
  accuracy: Type.Array(Accuracy),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  publishedAt: Nullable(Type.String()),
  intervals: Type.Array(PlanIntervalSchema),
});

const SimulatedFigures = {
  offered: Type.Integer(),
  answered: Type.Integer(),
  abandoned: Type.Integer(),
  serviceLevel: Nullable(Type.Number()),
  asaSeconds: Nullable(Type.Number()),
  predicted: Nullable(Type.Number()),
};

export const SimulationSchema = Obj({
  day: Type.String(),
  replications: Type.Integer(),
  intervals: Type.Array(
    Obj({ start: LocalTime, forecast: Type.Number(), agentsOnQueue: Type.Integer(), ...SimulatedFigures }),
  ),
  total: Obj(SimulatedFigures),
});

export const IntradaySchema = Obj({
  now: LocalTime,
  agentsOnDuty: Type.Integer(),
  factor: Nullable(Type.Number()),
  intervals: Type.Array(
    Obj({
      start: LocalTime,
      phase: Type.Union([Type.Literal('past'), Type.Literal('current'), Type.Literal('coming')]),
      forecast: Type.Number(),
      reforecast: Type.Number(),
      actual: Nullable(Type.Number()),
      plannedOnQueue: Type.Integer(),
      requiredOnQueue: Type.Integer(),
    }),
  ),
  alerts: Type.Array(
    Obj({
      start: LocalTime,
      reason: Type.Union([Type.Literal('plan_short'), Type.Literal('on_duty_short')]),
      required: Type.Integer(),
      available: Type.Integer(),
    }),
  ),
});
