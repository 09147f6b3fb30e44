/** TypeBox schemas of the knowledge API: closed objects, types derived from them. */
import { DateTime, Language, Nullable, Obj, Type, Uuid } from '../../platform/http/schema.ts';
import { MAX_BODY, MAX_TITLE } from './jsonl.ts';
import { MAX_QUERY_CHARS } from './text.ts';

export const Visibility = Type.Union([
  Type.Literal('public'),
  Type.Literal('agents'),
  Type.Literal('partners'),
]);
export const Status = Type.Union([
  Type.Literal('draft'),
  Type.Literal('published'),
  Type.Literal('archived'),
]);
const Words = (max: number) => Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: max });

export const ArticleSchema = Obj({
  id: Uuid,
  externalId: Nullable(Type.String()),
  language: Language,
  translationGroup: Uuid,
  title: Type.String(),
  body: Type.String(),
  category: Type.String(),
  tags: Type.Array(Type.String()),
  phrasings: Type.Array(Type.String()),
  related: Type.Array(Uuid),
  visibility: Visibility,
  status: Status,
  version: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
  publishedAt: Nullable(DateTime),
});

export const ArticleListItem = Obj({
  id: Uuid,
  language: Language,
  title: Type.String(),
  category: Type.String(),
  visibility: Visibility,
  status: Status,
  version: Type.Integer(),
  updatedAt: DateTime,
});

const Fields = {
  title: Type.String({ minLength: 1, maxLength: MAX_TITLE }),
  body: Type.String({ maxLength: MAX_BODY }),
  category: Type.Optional(Type.String({ maxLength: 300 })),
  tags: Type.Optional(Words(50)),
  phrasings: Type.Optional(Words(200)),
  related: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
  visibility: Type.Optional(Visibility),
  status: Type.Optional(Status),
};

export const NewArticleBody = Obj({
  language: Language,
  ...Fields,
  translationOf: Type.Optional(Uuid),
});

export const ArticlePatch = Obj({
  title: Type.Optional(Fields.title),
  body: Type.Optional(Fields.body),
  category: Fields.category,
  tags: Fields.tags,
  phrasings: Fields.phrasings,
  related: Fields.related,
  visibility: Fields.visibility,
  status: Fields.status,
  note: Type.Optional(Type.String({ maxLength: 500 })),
});

export const VersionSchema = Obj({
  version: Type.Integer(),
  title: Type.String(),
  body: Type.String(),
  status: Type.String(),
  changedBy: Nullable(Uuid),
  changedAt: DateTime,
  note: Type.String(),
});

const SegmentSchema = Obj({ text: Type.String(), hit: Type.Boolean() });

export const HitSchema = Obj({
  id: Uuid,
  language: Language,
  title: Type.String(),
  category: Type.String(),
  score: Type.Number(),
  titleSegments: Type.Array(SegmentSchema),
  passage: Type.String(),
  passageSegments: Type.Array(SegmentSchema),
});

export const SearchResultSchema = Obj({
  query: Type.String(),
  total: Type.Integer(),
  hits: Type.Array(HitSchema),
});

/** Queries may be long (pasted messages) but are bounded; longer input is a 400 that says so. */
export const QueryText = Type.String({ maxLength: MAX_QUERY_CHARS * 4 });

export const SearchQuery = Obj({
  q: QueryText,
  language: Type.Optional(Language),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
});

export const SuggestBody = Obj({
  text: Type.Optional(QueryText),
  messages: Type.Optional(Type.Array(Type.String({ maxLength: 4000 }), { maxItems: 20 })),
  language: Type.Optional(Language),
});

export const FeedbackBody = Obj({
  kind: Type.Union([
    Type.Literal('view'),
    Type.Literal('helpful'),
    Type.Literal('not_helpful'),
    Type.Literal('inserted'),
  ]),
  articleId: Uuid,
  query: Type.Optional(QueryText),
});

export const ProposalSchema = Obj({
  articleId: Uuid,
  title: Type.String(),
  query: Type.String(),
  queryKey: Type.String(),
  count: Type.Integer(),
});

export const ReviewBody = Obj({
  articleId: Uuid,
  query: Type.String({ minLength: 1, maxLength: MAX_QUERY_CHARS }),
  decision: Type.Union([Type.Literal('accepted'), Type.Literal('dismissed')]),
});

export const SynonymSchema = Obj({
  id: Uuid,
  language: Language,
  phrase: Type.String(),
  alternatives: Type.Array(Type.String()),
});
export const SynonymBody = Obj({
  language: Language,
  phrase: Type.String({ minLength: 1, maxLength: 100 }),
  alternatives: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 20 }),
});

export const DaysQuery = Obj({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })) });

/** A workspace's search settings; null keeps the product's default. */
export const SearchSettingsSchema = Obj({
  translationWeight: Type.Union([Type.Number({ minimum: 0, maximum: 3 }), Type.Null()], {
    description: 'Weight of learned word translations against a typed word (0 off; null: the default)',
  }),
});
