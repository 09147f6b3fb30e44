/** TypeBox shapes shared by the chat routes. */
import { DateTime, Nullable, Obj, Type, Uuid } from '../../platform/http/schema.ts';

export const ClientId = Type.String({
  pattern: '^[A-Za-z0-9_-]{1,80}$',
  description: "The sender's own message id",
});
export const Body = Type.String({ maxLength: 4000 });
const Email = Type.String({ format: 'email', maxLength: 254 });
const Phone = Type.String({ pattern: '^\\+?[0-9 ()-]{6,25}$' });
const Text = (max: number) => Type.String({ maxLength: max });
const Hex = Type.String({ pattern: '^#[0-9a-fA-F]{6}$' });
const LangSchema = Type.Union([Type.Literal('es'), Type.Literal('en')]);
const OfflineModeSchema = Type.Union(
  [Type.Literal('leave_message'), Type.Literal('leave_message_or_callback'), Type.Literal('hide')],
  {
    description:
      'While chat is not open: leave a message (answered by e-mail), also offer a call-back, or show no chat',
  },
);

export const Contact = Obj({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  email: Type.Optional(Email),
  phone: Type.Optional(Phone),
});

export const AttachmentSchema = Obj({
  id: Uuid,
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
});

export const MessageSchema = Obj({
  id: Uuid,
  interactionId: Uuid,
  direction: Type.Union([Type.Literal('inbound'), Type.Literal('outbound'), Type.Literal('internal')]),
  authorId: Nullable(Uuid),
  body: Type.String(),
  clientId: Nullable(Type.String()),
  seq: Nullable(Type.Integer()),
  attachments: Type.Array(AttachmentSchema),
  createdAt: DateTime,
});

export const ConversationSchema = Obj({
  id: Uuid,
  open: Type.Boolean(),
  lastSeq: Type.Integer(),
  visitorDeliveredSeq: Type.Integer(),
  visitorReadSeq: Type.Integer(),
  agentReadSeq: Type.Integer(),
  /** The desk has the visitor's messages up to here. */
  agentDeliveredSeq: Type.Integer(),
  rating: Nullable(Type.Integer()),
  createdAt: DateTime,
  closedAt: Nullable(DateTime),
});

export const HistorySchema = Obj({ conversation: ConversationSchema, messages: Type.Array(MessageSchema) });

export const SendBody = Obj({
  clientId: ClientId,
  body: Body,
  attachmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 5 })),
});

export const ReceiptBody = Obj({
  kind: Type.Union([Type.Literal('delivered'), Type.Literal('read')]),
  seq: Type.Integer({ minimum: 0 }),
});

export const RequestSchema = Obj({
  id: Uuid,
  reference: Type.String(),
  channel: Type.String(),
  state: Type.String(),
  scheduledFor: Nullable(DateTime),
  createdAt: DateTime,
  kind: Type.Optional(Type.String()),
});

const BusinessHoursSchema = Obj({
  weekly: Type.Array(
    Obj({
      day: Type.Integer({ minimum: 0, maximum: 6 }),
      open: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
      close: Type.String({ pattern: '^([01]\\d|2[0-4]):[0-5]\\d$' }),
    }),
    { maxItems: 50 },
  ),
  holidays: Type.Array(Obj({ date: Type.String({ format: 'date' }), name: Text(120) }), { maxItems: 200 }),
});

export const SettingsSchema = Obj({
  colors: Obj({ primary: Hex, text: Hex }),
  logoUrl: Nullable(Type.String({ pattern: '^https://[^\\s"<>]{1,500}$' })),
  greeting: Obj({ es: Text(300), en: Text(300) }),
  languages: Type.Array(LangSchema, { minItems: 1, maxItems: 2, uniqueItems: true }),
  hours: Nullable(BusinessHoursSchema),
  preChatFields: Type.Array(
    Obj({
      key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
      label: Obj({ es: Text(80), en: Text(80) }),
      type: Type.Union([Type.Literal('text'), Type.Literal('email'), Type.Literal('phone')]),
      required: Type.Boolean(),
    }),
    { maxItems: 10 },
  ),
  queueId: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,79}$' }),
  callbackQueueId: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,79}$' }),
  requestCategories: Type.Array(Type.String({ pattern: '^[a-z0-9_-]{1,40}$' }), {
    minItems: 1,
    maxItems: 30,
  }),
  whenOffline: OfflineModeSchema,
});

export const ChannelInputSchema = Obj({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  allowedOrigins: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 }),
  settings: Type.Optional(Type.Partial(SettingsSchema)),
});

export const ChannelSchema = Obj({
  id: Uuid,
  name: Type.String(),
  publicKey: Type.String(),
  allowedOrigins: Type.Array(Type.String()),
  settings: SettingsSchema,
  snippet: Type.String(),
  createdAt: DateTime,
  updatedAt: DateTime,
  secret: Type.Optional(
    Type.String({ description: 'Shown when the channel is created or its secret rotated' }),
  ),
});

export const PublicConfigSchema = Obj({
  name: Type.String(),
  language: LangSchema,
  languages: Type.Array(LangSchema),
  colors: Obj({ primary: Type.String(), text: Type.String() }),
  logoUrl: Nullable(Type.String()),
  greeting: Obj({ es: Type.String(), en: Type.String() }),
  preChatFields: SettingsSchema.properties.preChatFields,
  requestCategories: Type.Array(Type.String()),
  availability: Obj({
    open: Type.Boolean(),
    reason: Nullable(Type.Union([Type.Literal('closed'), Type.Literal('nobody')])),
  }),
  whenOffline: OfflineModeSchema,
  knowledgeSearch: Type.Boolean(),
  helpCenter: Nullable(
    Type.String({ description: "The workspace's help center, for its public search; null without one" }),
  ),
});

export const ConversationParams = Obj({ conversationId: Uuid });
export const FileQuery = Obj({ fileName: Type.String({ minLength: 1, maxLength: 200 }) });
export { Email, LangSchema, Phone };
