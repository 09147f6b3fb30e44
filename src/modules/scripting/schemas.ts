/** TypeBox schemas of the scripting API: a script's steps, rules, runs, invoices, promotions and offers. */
import { DateTime, Nullable, Obj, Type, Uuid } from '../../platform/http/schema.ts';
import type { ScriptDefinition } from './core/types.ts';

const Id = Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z0-9_-]+$' });
const Ref = Type.String({ minLength: 1, maxLength: 120, pattern: '^[a-zA-Z_][\\w.]*$' });
const Text = Type.String({ minLength: 1, maxLength: 4000 });
const Literal = Type.Union([
  Type.String({ maxLength: 500 }),
  Type.Number(),
  Type.Boolean(),
  Type.Null(),
  Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 }),
]);
const Operand = Type.Union([Obj({ ref: Ref }), Obj({ value: Literal })]);
const Comparison = Obj({
  op: Type.Union([
    Type.Literal('eq'),
    Type.Literal('neq'),
    Type.Literal('gt'),
    Type.Literal('gte'),
    Type.Literal('lt'),
    Type.Literal('lte'),
    Type.Literal('in'),
    Type.Literal('contains'),
  ]),
  left: Operand,
  right: Operand,
});
const IsSet = Obj({ op: Type.Literal('set'), ref: Ref });

/** Conditions nest `and`/`or`/`not` three levels deep, which every script of the demo needs at most. */
function nested(inner: ReturnType<typeof Type.Union>) {
  return Type.Union([
    Comparison,
    IsSet,
    Obj({
      op: Type.Union([Type.Literal('and'), Type.Literal('or')]),
      all: Type.Array(inner, { maxItems: 20 }),
    }),
    Obj({ op: Type.Literal('not'), item: inner }),
  ]);
}
const Condition = nested(nested(nested(Type.Union([Comparison, IsSet]))));

const Action = Type.Union([
  Obj({ kind: Type.Literal('set_disposition'), disposition: Type.String({ minLength: 1, maxLength: 80 }) }),
  Obj({ kind: Type.Literal('create_task'), title: Type.String({ minLength: 1, maxLength: 200 }) }),
  Obj({
    kind: Type.Literal('create_lead'),
    product: Type.String({ minLength: 1, maxLength: 80 }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  }),
  Obj({
    kind: Type.Literal('schedule_callback'),
    inMinutes: Type.Integer({ minimum: 1, maximum: 60 * 24 * 30 }),
  }),
  Obj({ kind: Type.Literal('send_email'), template: Type.String({ minLength: 1, maxLength: 80 }) }),
]);

const Step = Type.Union([
  Obj({ id: Id, type: Type.Literal('say'), text: Text, next: Id }),
  Obj({
    id: Id,
    type: Type.Literal('ask'),
    question: Text,
    variable: Type.String({ maxLength: 40 }),
    next: Id,
  }),
  Obj({
    id: Id,
    type: Type.Literal('answer'),
    answerId: Nullable(Type.String({ maxLength: 80 })),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    text: Text,
    next: Id,
  }),
  Obj({
    id: Id,
    type: Type.Literal('branch'),
    cases: Type.Array(Obj({ when: Condition, next: Id }), { maxItems: 30 }),
    otherwise: Id,
  }),
  Obj({ id: Id, type: Type.Literal('action'), action: Action, next: Id }),
  Obj({ id: Id, type: Type.Literal('end'), outcome: Type.String({ minLength: 1, maxLength: 80 }) }),
]);

const DefinitionSchema = Obj({
  start: Id,
  variables: Type.Array(
    Obj({
      name: Type.String({ minLength: 1, maxLength: 40 }),
      type: Type.Union([
        Type.Literal('text'),
        Type.Literal('number'),
        Type.Literal('boolean'),
        Type.Literal('choice'),
      ]),
      options: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 50 })),
    }),
    { maxItems: 100 },
  ),
  steps: Type.Array(Step, { maxItems: 500 }),
});

/** A script's content; its static type is the core's `ScriptDefinition` (conditions nest three levels here). */
export const Definition = Type.Unsafe<ScriptDefinition>(DefinitionSchema);

export const Problem = Obj({ stepId: Nullable(Type.String()), code: Type.String(), message: Type.String() });

export const ScriptSummary = Obj({
  id: Uuid,
  name: Type.String(),
  description: Type.String(),
  liveVersion: Nullable(Type.Integer()),
  latestVersion: Type.Integer(),
  updatedAt: DateTime,
});

/**
 * In responses the definition is described by its top level only: it was validated in full when saved,
 * and serialising through the nested condition unions costs seconds of schema compilation at start-up.
 */
const SavedDefinition = Type.Unsafe<ScriptDefinition>(
  Obj({
    start: Type.String(),
    variables: Type.Array(Type.Record(Type.String(), Type.Unknown())),
    steps: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  }),
);

export const ScriptDetail = Obj({
  ...ScriptSummary.properties,
  versions: Type.Array(Obj({ version: Type.Integer(), createdAt: DateTime })),
  version: Type.Integer(),
  definition: SavedDefinition,
});

export const NewScript = Obj({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  description: Type.Optional(Type.String({ maxLength: 1000 })),
  definition: Definition,
});

export const Rule = Obj({
  id: Uuid,
  priority: Type.Integer(),
  scriptId: Uuid,
  queueId: Nullable(Type.String()),
  channel: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  language: Nullable(Type.String()),
  tiers: Type.Array(Type.String()),
});

const Criterion = Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 80 })));
export const NewRule = Obj({
  priority: Type.Integer({ minimum: 0, maximum: 100_000 }),
  scriptId: Uuid,
  queueId: Criterion,
  channel: Criterion,
  reason: Criterion,
  language: Criterion,
  tiers: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20 })),
});

export const RuleTest = Obj({
  customerId: Type.Optional(Nullable(Uuid)),
  queueId: Criterion,
  channel: Criterion,
  reason: Criterion,
  language: Criterion,
  tier: Criterion,
});

/** What a rule test answers: the rule and live script chosen, and the facts (a customer's tier and language filled in). */
export const RuleTestResult = Obj({
  ruleId: Nullable(Uuid),
  rule: Nullable(Rule),
  script: Nullable(Obj({ id: Uuid, name: Type.String(), version: Type.Integer() })),
  facts: Obj({
    queueId: Nullable(Type.String()),
    channel: Nullable(Type.String()),
    reason: Nullable(Type.String()),
    language: Nullable(Type.String()),
    tier: Nullable(Type.String()),
  }),
  customer: Nullable(Obj({ id: Uuid, name: Type.String(), tier: Type.String() })),
});

export const AnswerBody = Obj({ stepId: Id, value: Literal });

export const StepView = Obj({
  id: Type.String(),
  type: Type.String(),
  text: Type.String(),
  title: Nullable(Type.String()),
  variable: Nullable(
    Obj({
      name: Type.String(),
      type: Type.String(),
      options: Type.Array(Type.String()),
    }),
  ),
});

const EffectView = Obj({ stepId: Type.String(), action: Type.Record(Type.String(), Type.Unknown()) });

export const Evaluation = Obj({
  status: Type.Union([Type.Literal('waiting'), Type.Literal('ended')]),
  step: StepView,
  path: Type.Array(Type.String()),
  variables: Type.Record(Type.String(), Type.Unknown()),
  effects: Type.Array(EffectView),
  outcome: Nullable(Type.String()),
  answers: Type.Array(Obj({ stepId: Type.String(), value: Type.Unknown() })),
});

export const Preview = Obj({
  customerId: Uuid,
  version: Type.Optional(Type.Integer({ minimum: 1 })),
  definition: Type.Optional(Definition),
  answers: Type.Optional(Type.Array(AnswerBody, { maxItems: 500 })),
  reason: Type.Optional(Type.String({ maxLength: 80 })),
});

export const Run = Obj({
  id: Uuid,
  interactionId: Uuid,
  customerId: Nullable(Uuid),
  scriptId: Uuid,
  scriptName: Type.String(),
  version: Type.Integer(),
  current: Evaluation,
  followUps: Type.Array(
    Obj({
      stepId: Type.String(),
      kind: Type.Union([
        Type.Literal('create_task'),
        Type.Literal('send_email'),
        Type.Literal('schedule_callback'),
      ]),
      status: Type.Union([Type.Literal('done'), Type.Literal('skipped'), Type.Literal('failed')]),
      interactionId: Nullable(Uuid),
      detail: Nullable(Type.String()),
    }),
  ),
  finishedAt: Nullable(DateTime),
});

export const EmailTemplateKey = Obj({
  key: Type.String({ minLength: 1, maxLength: 80, pattern: '^[a-z0-9][a-z0-9_-]*$' }),
});

export const EmailTemplateInput = Obj({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  subject: Type.String({ minLength: 1, maxLength: 200 }),
  body: Type.String({ minLength: 1, maxLength: 20_000 }),
});

export const EmailTemplate = Obj({
  key: Type.String(),
  name: Type.String(),
  subject: Type.String(),
  body: Type.String(),
  updatedAt: DateTime,
});

export const Invoice = Obj({
  id: Uuid,
  customerId: Uuid,
  number: Type.String(),
  issuedOn: Type.String(),
  dueOn: Type.String(),
  amount: Type.Number(),
  paid: Type.Number(),
  currency: Type.String(),
  state: Type.Union([Type.Literal('paid'), Type.Literal('open'), Type.Literal('overdue')]),
});

export const NewInvoice = Obj({
  customerId: Uuid,
  number: Type.String({ minLength: 1, maxLength: 60 }),
  issuedOn: Type.String({ format: 'date' }),
  dueOn: Type.String({ format: 'date' }),
  amount: Type.Number({ exclusiveMinimum: 0, maximum: 1e12 }),
  paid: Type.Optional(Type.Number({ minimum: 0, maximum: 1e12 })),
  currency: Type.String({ pattern: '^[A-Z]{3}$' }),
});

export const Balance = Obj({
  invoices: Type.Array(Invoice),
  openCount: Type.Integer(),
  overdueCount: Type.Integer(),
  balances: Type.Array(Obj({ currency: Type.String(), open: Type.Number(), overdue: Type.Number() })),
});

export const Product = Obj({ code: Type.String(), name: Type.String() });

export const Promotion = Obj({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  product: Type.String(),
  validFrom: DateTime,
  validTo: DateTime,
  tiers: Type.Array(Type.String()),
  segments: Type.Array(Type.String()),
});

export const NewPromotion = Obj({
  code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }),
  name: Type.String({ minLength: 1, maxLength: 120 }),
  product: Type.String({ minLength: 1, maxLength: 80 }),
  validFrom: DateTime,
  validTo: DateTime,
  tiers: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20 })),
  segments: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 50 })),
});

export const Offer = Obj({
  product: Type.String(),
  productName: Type.String(),
  score: Type.Number(),
  reason: Type.String(),
  because: Nullable(Type.String()),
  why: Obj({
    kind: Type.Union([Type.Literal('affinity'), Type.Literal('popular')]),
    percent: Type.Integer(),
    becauseName: Nullable(Type.String()),
  }),
  declines: Type.Integer(),
  promotion: Nullable(Obj({ id: Uuid, code: Type.String(), name: Type.String() })),
});

export const Offers = Obj({
  customerId: Uuid,
  offers: Type.Array(Offer),
  crossSell: Type.Boolean(),
  trainedAt: Nullable(DateTime),
});

export const OfferResponse = Obj({
  customerId: Uuid,
  interactionId: Type.Optional(Nullable(Uuid)),
  product: Type.String({ minLength: 1, maxLength: 80 }),
  response: Type.Union([Type.Literal('accepted'), Type.Literal('declined')]),
});

export const Lead = Obj({
  id: Uuid,
  customerId: Uuid,
  interactionId: Nullable(Uuid),
  product: Type.String(),
  response: Type.String(),
  score: Type.Number(),
  at: DateTime,
});
