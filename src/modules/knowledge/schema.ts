/**
 * The knowledge module's tables. Every row names its workspace.
 *
 * Search is BM25F computed in SQL over `kb_postings`: one row per (article, field, stemmed term) with its
 * term frequency, written when an article is saved from PostgreSQL's own Spanish or English stemmer over the
 * accent-folded text (`atiende_fold`, shared with customer search). `kb_vocab` holds each term's document
 * frequency per language and is trigram-indexed, so a misspelt query word finds the term it meant.
 */
import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, bytea, createdAt, idColumn, updatedAt, workspaceColumn } from '../../platform/db/columns.ts';

/** Articles: one row per article and language; translations share `translationGroup`. */
export const kbArticles = pgTable(
  'kb_articles',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    /** The id an import gave it (`stackfaq-001`); imports update the article with the same one. */
    externalId: text('external_id'),
    language: text('language').$type<'es' | 'en'>().notNull(),
    /** Articles that are translations of each other share this id (the first one's id). */
    translationGroup: uuid('translation_group').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** A path in the category tree, levels joined by " / " ("Reservas / Cambios"); empty when none. */
    category: text('category').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** Other ways customers ask the question this article answers. */
    phrasings: text('phrasings').array().notNull().default(sql`'{}'::text[]`),
    related: uuid('related').array().notNull().default(sql`'{}'::uuid[]`),
    visibility: text('visibility').$type<'public' | 'agents' | 'partners'>().notNull(),
    status: text('status').$type<'draft' | 'published' | 'archived'>().notNull(),
    version: integer('version').notNull(),
    /** Indexed length of each field (title, phrasings, body, learned queries, tags), for BM25F. */
    fieldLengths: real('field_lengths').array().notNull().default(sql`'{0,0,0,0,0}'::real[]`),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    publishedAt: at('published_at'),
  },
  (t) => [
    uniqueIndex('kb_articles_external').on(t.workspaceId, t.externalId),
    index('kb_articles_list').on(t.workspaceId, t.language, t.status),
    index('kb_articles_group').on(t.workspaceId, t.translationGroup),
  ],
);

/** Every saved version of an article: who changed what, when. */
export const kbArticleVersions = pgTable(
  'kb_article_versions',
  {
    workspaceId: workspaceColumn(),
    articleId: uuid('article_id').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    category: text('category').notNull(),
    tags: text('tags').array().notNull(),
    phrasings: text('phrasings').array().notNull(),
    visibility: text('visibility').notNull(),
    status: text('status').notNull(),
    changedBy: uuid('changed_by'),
    changedAt: at('changed_at').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.version] })],
);

/** Files attached to an article (images shown in its body, documents linked from it). */
export const kbAttachments = pgTable(
  'kb_attachments',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    articleId: uuid('article_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    /** The bytes, whose type was read from them (images, PDF, plain text; see `src/lib/files.ts`). */
    data: bytea('data').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('kb_attachments_article').on(t.workspaceId, t.articleId)],
);

/**
 * The inverted index: how often each stemmed term occurs in each field of each article. Each row also
 * carries what ranking and filtering need of its article (the field's length, status and visibility), so
 * a search reads only the postings of its terms; `indexArticles` rewrites them on every change.
 */
export const kbPostings = pgTable(
  'kb_postings',
  {
    workspaceId: workspaceColumn(),
    articleId: uuid('article_id').notNull(),
    language: text('language').notNull(),
    /** 1 title, 2 phrasings, 3 body, 4 learned queries, 5 tags and category (PostgreSQL arrays count from 1). */
    field: smallint('field').notNull(),
    term: text('term').notNull(),
    tf: real('tf').notNull(),
    /** Indexed length of this field of the article. */
    fieldLength: real('field_length').notNull().default(0),
    status: text('status').notNull().default('published'),
    visibility: text('visibility').notNull().default('public'),
    /**
     * How much the term can weigh in the article, the same on all its fields' rows: the BM25F term
     * frequency of the article's term (every field's, learned queries in full), with the corpus's field
     * lengths when it was written. A search reads a common term's postings in this order and stops after
     * the most telling ones (`termDepth` in `ranking.ts`); scores are still computed from `tf`.
     */
    impact: real('impact').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.field, t.term] }),
    // Every column a search reads is in the key, so it reads the index alone (an index-only scan), in
    // order of impact within a term.
    index('kb_postings_term').on(
      t.workspaceId,
      t.language,
      t.term,
      t.impact.desc(),
      t.articleId,
      t.status,
      t.visibility,
      t.field,
      t.tf,
      t.fieldLength,
    ),
    // The few postings of learned queries (field 4, `FIELD.learned`), by term: a search asks whether its
    // words were ever learned before looking for what they translate to (`translation-sql.ts`).
    index('kb_postings_learned').on(t.workspaceId, t.language, t.term).where(sql`${t.field} = 4`),
  ],
);

/** Each stemmed term's document frequency per workspace and language; trigram-indexed for typos. */
export const kbVocab = pgTable(
  'kb_vocab',
  {
    workspaceId: workspaceColumn(),
    language: text('language').notNull(),
    term: text('term').notNull(),
    df: integer('df').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.language, t.term] }),
    index('kb_vocab_trgm').using('gin', t.term.op('gin_trgm_ops')),
  ],
);

/** Per-workspace synonyms: a word or phrase and what it also means ("cable car" → "teleférico"). */
export const kbSynonyms = pgTable(
  'kb_synonyms',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    language: text('language').$type<'es' | 'en'>().notNull(),
    /** Accent- and case-folded. */
    phrase: text('phrase').notNull(),
    alternatives: text('alternatives').array().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('kb_synonyms_phrase').on(t.workspaceId, t.language, t.phrase)],
);

/**
 * What searchers and agents did: searches (with how many results), article views, helpful votes, inserted
 * suggestions and contacts after visiting the help center. Learning and deflection metrics read it.
 */
export const kbActivity = pgTable(
  'kb_activity',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    at: at('at').notNull(),
    kind: text('kind')
      .$type<'search' | 'view' | 'helpful' | 'not_helpful' | 'inserted' | 'contact'>()
      .notNull(),
    source: text('source').$type<'help_center' | 'agent' | 'widget' | 'api' | 'import'>().notNull(),
    /** As typed, trimmed and bounded. */
    query: text('query'),
    /** Folded and whitespace-collapsed, for grouping recurring queries. */
    queryKey: text('query_key'),
    language: text('language'),
    articleId: uuid('article_id'),
    results: integer('results'),
  },
  (t) => [
    index('kb_activity_kind').on(t.workspaceId, t.kind, t.at),
    index('kb_activity_article').on(t.workspaceId, t.articleId, t.kind),
  ],
);

/** Editors' decisions on learned phrasings: accepted ones move into the article, dismissed ones stay out. */
export const kbPhrasingReviews = pgTable(
  'kb_phrasing_reviews',
  {
    workspaceId: workspaceColumn(),
    articleId: uuid('article_id').notNull(),
    queryKey: text('query_key').notNull(),
    decision: text('decision').$type<'accepted' | 'dismissed'>().notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: at('decided_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.articleId, t.queryKey] })],
);

/**
 * A workspace's search settings, each null for the product's default (`BM25F` in `ranking.ts`): at most one
 * row per workspace.
 */
export const kbSettings = pgTable('kb_settings', {
  workspaceId: workspaceColumn().primaryKey(),
  /** Weight of learned word translations (`translation-sql.ts`); 0 turns them off. */
  translationWeight: real('translation_weight'),
  updatedAt: updatedAt(),
});
