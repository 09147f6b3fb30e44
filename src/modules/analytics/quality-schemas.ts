/** TypeBox schemas of the quality routes: scorecards, evaluations, calibration sessions, report rows. */
import { Nullable, Obj, Type, Uuid } from '../../platform/http/schema.ts';

const Key = Type.String({
  pattern: '^[A-Za-z0-9_-]{1,40}$',
  description: 'A short id, unique in the scorecard',
});
const Scale = Type.Union([
  Obj({ kind: Type.Literal('yes_no') }),
  Obj({ kind: Type.Literal('points'), max: Type.Integer({ minimum: 1, maximum: 10 }) }),
]);
const Question = Obj({
  id: Key,
  text: Type.String({ minLength: 1, maxLength: 300 }),
  weight: Type.Integer({ minimum: 1, maximum: 100 }),
  critical: Type.Boolean(),
  allowNa: Type.Boolean(),
  scale: Scale,
});
const Definition = Obj({
  sections: Type.Array(
    Obj({
      id: Key,
      title: Type.String({ minLength: 1, maxLength: 200 }),
      questions: Type.Array(Question, { maxItems: 50 }),
    }),
    { maxItems: 20 },
  ),
});
export const ScorecardBody = Obj({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  definition: Definition,
  active: Type.Optional(Type.Boolean()),
});
export const ScorecardSchema = Obj({
  id: Uuid,
  name: Type.String(),
  description: Nullable(Type.String()),
  definition: Definition,
  active: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const Answers = Type.Record(
  Type.String({ maxLength: 40 }),
  Type.Union([Type.Integer({ minimum: 0, maximum: 10 }), Type.Literal('na')]),
);
export const EvaluationSchema = Obj({
  id: Uuid,
  scorecardId: Uuid,
  scorecardName: Type.String(),
  definition: Definition,
  interactionId: Uuid,
  agentId: Nullable(Uuid),
  queueId: Nullable(Type.String()),
  channel: Type.String(),
  evaluatorId: Uuid,
  calibrationId: Nullable(Uuid),
  answers: Answers,
  comment: Nullable(Type.String()),
  score: Type.Number(),
  rawScore: Type.Number(),
  criticalFailed: Type.Boolean(),
  sectionScores: Type.Array(Obj({ sectionId: Type.String(), score: Nullable(Type.Number()) })),
  status: Type.String(),
  agentComment: Nullable(Type.String()),
  resolution: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const MessageSchema = Obj({
  id: Uuid,
  direction: Type.String(),
  authorId: Nullable(Uuid),
  body: Type.String(),
  createdAt: Type.String(),
});
export const CalibrationSummary = {
  id: Uuid,
  title: Type.String(),
  scorecardId: Uuid,
  interactionId: Uuid,
  evaluatorIds: Type.Array(Uuid),
  status: Type.String(),
  createdAt: Type.String(),
};
const Num = Nullable(Type.Number());
export const CalibrationSchema = Obj({
  ...CalibrationSummary,
  evaluations: Type.Array(EvaluationSchema),
  pending: Type.Array(Uuid),
  spread: Obj({
    count: Type.Integer(),
    mean: Num,
    stdDev: Num,
    min: Num,
    max: Num,
    range: Num,
    evaluators: Type.Array(
      Obj({ evaluatorId: Type.String(), score: Type.Number(), deviation: Type.Number() }),
    ),
    questions: Type.Array(
      Obj({
        questionId: Type.String(),
        agreement: Type.Number(),
        answers: Type.Record(Type.String(), Type.Integer()),
      }),
    ),
  }),
});
export const Day = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'A local date, YYYY-MM-DD',
});
export const QualityRowSchema = Obj({
  period: Type.String(),
  key: Type.String(),
  evaluations: Type.Integer(),
  averageScore: Num,
  criticalFailures: Type.Integer(),
  disputed: Type.Integer(),
});
