/** The customers module's HTTP shapes. */
import { DateTime, Language, Nullable, Obj, Type, Uuid } from '../../platform/http/schema.ts';
import { FIELD_TYPES } from './custom-fields.ts';
import { CONSENT_CHANNELS, IDENTITY_KINDS } from './types.ts';

export const IdentityKind = Type.Enum([...IDENTITY_KINDS]);
export const ConsentChannel = Type.Enum([...CONSENT_CHANNELS]);
export const Kind = Type.Enum(['person', 'organisation']);
const Name = Type.String({ minLength: 1, maxLength: 200 });
const ExternalId = Type.String({ minLength: 1, maxLength: 100 });
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 50 });
const FieldValue = Type.Union([Type.String({ maxLength: 1000 }), Type.Number(), Type.Boolean()]);
const FieldKey = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' });
const DateOnly = Type.String({ format: 'date' });
const Amount = Type.Number({ minimum: 0, maximum: 1e12 });
const TimeZone = Type.String({ minLength: 1, maxLength: 60 });

export const IdentityInput = Obj({
  kind: IdentityKind,
  value: Type.String({ minLength: 1, maxLength: 254 }),
});

export const NewCustomerBody = Obj({
  kind: Type.Optional(Kind),
  name: Name,
  externalId: Type.Optional(ExternalId),
  ownerId: Type.Optional(Uuid),
  language: Type.Optional(Language),
  timeZone: Type.Optional(TimeZone),
  tags: Type.Optional(Tags),
  customFields: Type.Optional(Type.Record(Type.String(), FieldValue)),
  email: Type.Optional(Type.String({ maxLength: 254 })),
  phone: Type.Optional(Type.String({ maxLength: 40 })),
  identities: Type.Optional(Type.Array(IdentityInput, { maxItems: 20 })),
  organisationIds: Type.Optional(Type.Array(Uuid, { maxItems: 20, uniqueItems: true })),
  customerSince: Type.Optional(DateOnly),
  openDebt: Type.Optional(Amount),
});

export const CustomerPatch = Obj({
  name: Type.Optional(Name),
  externalId: Type.Optional(Nullable(ExternalId)),
  ownerId: Type.Optional(Nullable(Uuid)),
  language: Type.Optional(Nullable(Language)),
  timeZone: Type.Optional(Nullable(TimeZone)),
  tags: Type.Optional(Tags),
  customFields: Type.Optional(Type.Record(Type.String(), Nullable(FieldValue))),
  customerSince: Type.Optional(DateOnly),
  openDebt: Type.Optional(Amount),
});

const ConsentSchema = Obj({
  marketingOptIn: Type.Boolean(),
  doNotContact: Type.Boolean(),
  at: DateTime,
  source: Type.String(),
});

export const CustomerSchema = Obj({
  id: Uuid,
  kind: Kind,
  name: Type.String(),
  externalId: Nullable(Type.String()),
  ownerId: Nullable(Uuid),
  language: Nullable(Language),
  timeZone: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  customFields: Type.Record(Type.String(), FieldValue),
  consents: Type.Record(Type.String(), ConsentSchema),
  customerSince: DateTime,
  openDebt: Type.Number(),
  score: Type.Number(),
  tier: Type.String(),
  valueComputedAt: Nullable(DateTime),
  erasedAt: Nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
  identities: Type.Array(
    Obj({ id: Uuid, kind: IdentityKind, value: Type.String(), display: Type.String(), createdAt: DateTime }),
  ),
  organisations: Type.Array(Obj({ id: Uuid, name: Type.String(), role: Nullable(Type.String()) })),
  memberCount: Type.Integer(),
});

export const CustomerListItem = Obj({
  id: Uuid,
  kind: Kind,
  name: Type.String(),
  tier: Type.String(),
  score: Type.Number(),
  tags: Type.Array(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  organisations: Type.Array(Type.String()),
  erased: Type.Boolean(),
});

export const SummarySchema = Obj({
  id: Uuid,
  kind: Kind,
  name: Type.String(),
  language: Nullable(Language),
  timeZone: Nullable(Type.String()),
  tier: Type.String(),
  score: Type.Number(),
  ownerId: Nullable(Uuid),
  doNotContact: Type.Array(ConsentChannel),
  marketingOptIn: Type.Array(ConsentChannel),
});

export const Code = Type.String({ pattern: '^[a-z][a-z0-9_.]{0,39}$' });

export const TimelineEntrySchema = Obj({
  id: Uuid,
  at: DateTime,
  kind: Type.String(),
  channel: Nullable(Type.String()),
  refId: Nullable(Type.String()),
  summary: Type.String(),
  payload: Type.Record(Type.String(), Type.Unknown()),
  actorId: Nullable(Uuid),
});

export const ConsentBody = Obj({
  channel: ConsentChannel,
  marketingOptIn: Type.Boolean(),
  doNotContact: Type.Boolean(),
  source: Type.String({ minLength: 1, maxLength: 100 }),
});

export const PurchaseBody = Obj({
  at: DateTime,
  amount: Type.Number({ exclusiveMinimum: 0, maximum: 1e12 }),
  currency: Type.String({ minLength: 3, maxLength: 3, description: 'ISO 4217 code, e.g. COP' }),
  refId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  summary: Type.Optional(Type.String({ maxLength: 200 })),
});

const Side = Obj({
  id: Uuid,
  name: Type.String(),
  kind: Kind,
  tier: Type.String(),
  createdAt: DateTime,
  identities: Type.Array(Obj({ kind: Type.String(), display: Type.String() })),
});

export const DuplicateSchema = Obj({
  id: Uuid,
  reason: Type.Enum(['email', 'phone', 'name']),
  similarity: Type.Number(),
  createdAt: DateTime,
  a: Side,
  b: Side,
});

export const FieldSchema = Obj({
  id: Uuid,
  key: Type.String(),
  label: Type.String(),
  type: Type.Enum([...FIELD_TYPES]),
  options: Type.Array(Type.String()),
  required: Type.Boolean(),
  position: Type.Integer(),
});

export const NewFieldBody = Obj({
  key: FieldKey,
  label: Type.String({ minLength: 1, maxLength: 80 }),
  type: Type.Enum([...FIELD_TYPES]),
  options: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 100, uniqueItems: true }),
  ),
  required: Type.Optional(Type.Boolean()),
});

export const FieldPatch = Obj({
  label: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  options: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 100, uniqueItems: true }),
  ),
  required: Type.Optional(Type.Boolean()),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
});

const Positive = Type.Number({ exclusiveMinimum: 0, maximum: 1e12 });
const Weight = Type.Number({ minimum: 0, maximum: 10 });

export const ValueRuleSchema = Obj({
  windowDays: Positive,
  recencyHalfLifeDays: Positive,
  frequencyScale: Positive,
  monetaryScale: Positive,
  tenureFullDays: Positive,
  debtScale: Positive,
  weights: Obj({ recency: Weight, frequency: Weight, monetary: Weight, tenure: Weight, debt: Weight }),
  tiers: Type.Array(
    Obj({
      key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,29}$' }),
      topPercent: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
      minScore: Type.Number({ minimum: 0, maximum: 100 }),
    }),
    { maxItems: 10 },
  ),
});

const Cutoffs = Type.Array(Obj({ tier: Type.String(), minScore: Type.Number() }));

export const ValueRuleView = Obj({
  rule: ValueRuleSchema,
  cutoffs: Cutoffs,
  computedAt: Nullable(DateTime),
  distribution: Type.Array(Obj({ tier: Type.String(), count: Type.Integer() })),
});

export const RecomputeResult = Obj({
  customers: Type.Integer(),
  tiersChanged: Type.Integer(),
  cutoffs: Cutoffs,
});

const Rejection = Obj({ line: Type.Integer(), reason: Type.String() });

export const ImportSchema = Obj({
  id: Uuid,
  status: Type.Enum(['uploaded', 'running', 'done', 'failed']),
  fileName: Type.String(),
  fileBytes: Type.Integer(),
  bytesRead: Type.Integer(),
  delimiter: Type.String(),
  headers: Type.Array(Type.String()),
  sample: Type.Array(Type.Array(Type.String())),
  mapping: Nullable(Type.Record(Type.String(), Type.String())),
  suggestedMapping: Type.Record(Type.String(), Type.String()),
  processed: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  rejections: Type.Array(Rejection),
  error: Nullable(Type.String()),
  createdAt: DateTime,
  startedAt: Nullable(DateTime),
  finishedAt: Nullable(DateTime),
});
