/** TypeBox schemas of the routing API: queues' policies as data, agents' profiles and states. */
import { Nullable, Obj, Type } from '../../platform/http/schema.ts';
import { BusinessHoursSchema } from '../workspaces/index.ts';

export const Key = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,79}$' });
export const Seconds = Type.Number({ minimum: 0, maximum: 7 * 86_400 });
export const Requirement = Obj({
  skill: Type.String({ minLength: 1, maxLength: 80 }),
  minProficiency: Type.Integer({ minimum: 1, maximum: 5 }),
});
export const Action = Type.Union([
  Obj({ kind: Type.Literal('keep') }),
  Obj({ kind: Type.Literal('queue'), queueId: Key }),
  Obj({ kind: Type.Literal('message') }),
]);
export const Policy = Obj({
  requirements: Type.Optional(Type.Array(Requirement, { maxItems: 20 })),
  teams: Type.Optional(Type.Array(Type.String({ maxLength: 80 }), { maxItems: 50 })),
  language: Type.Optional(
    Type.Union([Type.Literal('ignore'), Type.Literal('prefer'), Type.Literal('require')]),
  ),
  priorityWeight: Type.Optional(Type.Number({ minimum: 0, maximum: 10_000 })),
  agingWeightPerSecond: Type.Optional(Type.Number({ minimum: 0, maximum: 1000 })),
  valueTierBoost: Type.Optional(
    Type.Record(Type.String({ maxLength: 40 }), Type.Number({ minimum: -100_000, maximum: 100_000 })),
  ),
  selection: Type.Optional(
    Type.Union([
      Type.Literal('longest_idle'),
      Type.Literal('least_occupied'),
      Type.Literal('highest_proficiency'),
    ]),
  ),
  relaxation: Type.Optional(
    Type.Array(
      Obj({
        afterSeconds: Seconds,
        lowerProficiencyBy: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
        dropSkills: Type.Optional(Type.Array(Type.String({ maxLength: 80 }), { maxItems: 20 })),
        widenToQueues: Type.Optional(Type.Array(Key, { maxItems: 20 })),
      }),
      { maxItems: 10 },
    ),
  ),
  sticky: Type.Optional(Obj({ seconds: Seconds, lastAgent: Type.Boolean(), accountOwner: Type.Boolean() })),
  offer: Type.Optional(
    Obj({
      timeoutSeconds: Type.Number({ minimum: 1, maximum: 3600 }),
      agents: Type.Integer({ minimum: 1, maximum: 50 }),
    }),
  ),
  wrapUpSeconds: Type.Optional(Seconds),
  overflow: Type.Optional(Obj({ afterSeconds: Seconds, action: Action })),
  afterHours: Type.Optional(Action),
  transferToAgentSeconds: Type.Optional(Seconds),
});
export const Targets = Type.Record(
  Type.String({ maxLength: 40 }),
  Obj({ percent: Type.Number({ minimum: 0, maximum: 100 }), seconds: Seconds }),
);
/** Business hours: null is always open; the workspace's calendar, or the queue's own (workspace's zone). */
export const Hours = Nullable(
  Type.Union([
    Obj({ calendar: Type.Literal('workspace') }),
    Obj({
      calendar: Type.Literal('custom'),
      weekly: BusinessHoursSchema.properties.weekly,
      holidays: BusinessHoursSchema.properties.holidays,
    }),
  ]),
);
export const QueueSchema = Obj({
  key: Type.String(),
  name: Type.String(),
  targets: Targets,
  policy: Type.Record(Type.String(), Type.Unknown()),
  hours: Hours,
});
export const AgentState = Type.Union([
  Type.Literal('offline'),
  Type.Literal('available'),
  Type.Literal('busy'),
  Type.Literal('wrap_up'),
  Type.Literal('not_ready'),
]);
export const Profile = Obj({
  skills: Type.Record(Type.String({ minLength: 1, maxLength: 80 }), Type.Integer({ minimum: 1, maximum: 5 })),
  languages: Type.Array(Type.String({ pattern: '^[a-z]{2}$' }), { maxItems: 20 }),
  channels: Type.Record(Type.String({ maxLength: 40 }), Type.Integer({ minimum: 1, maximum: 50 })),
  capacity: Type.Integer({ minimum: 1, maximum: 10_000 }),
  teams: Type.Array(Type.String({ maxLength: 80 }), { maxItems: 50 }),
});

export const SettingsSchema = Obj({
  channels: Type.Record(
    Type.String({ maxLength: 40 }),
    Obj({ cost: Type.Integer({ minimum: 1, maximum: 10_000 }) }),
  ),
  missedOffersBeforeNotReady: Type.Integer({ minimum: 1, maximum: 100 }),
  presenceGraceSeconds: Type.Integer({ minimum: 0, maximum: 86_400 }),
  notReadyReasons: Type.Array(Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,39}$' }), {
    minItems: 1,
    maxItems: 50,
    uniqueItems: true,
  }),
  dispositionCodes: Type.Array(Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,79}$' }), {
    maxItems: 200,
    uniqueItems: true,
  }),
  skills: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 500, uniqueItems: true }),
});
