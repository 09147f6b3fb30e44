/**
 * Learned word translations (Berger & Lafferty's "information retrieval as statistical translation", with
 * the query–article pairs the learning path records as its training data): a query word stands for the
 * words of the articles searchers picked after typing it. A searcher's "pieza" picked an article whose
 * title says "habitación"; the next query with "pieza" also looks for "habitación", and so finds the
 * other articles about rooms, not only the one that learned the word.
 *
 * Estimated inside the ranking statement from the index itself, so it needs no table of its own and is
 * always in step with what was learned or dismissed: for each typed query term, the articles whose learned
 * queries hold it but whose own text does not (where the article uses the word itself, the word explains
 * itself and translates to nothing), at most `translationDepth` of them, the most telling first; each
 * term of their titles and phrasings is a translation with probability the share of those articles whose
 * title or phrasings hold it, P(w | q) = c(q, w) / c(q), kept when c(q, w) reaches `translationMinSupport`.
 * A translation weighs `translationWeight` times that probability (the best over the query's words)
 * against a typed word, and its IDF does the rest: a word in every title weighs nothing.
 */
import { type SQL, sql } from 'drizzle-orm';
import { FIELD, type RankingParams } from './ranking.ts';
import { num } from './sql-numbers.ts';

const int = (n: number) => sql.raw(String(Math.max(1, Math.round(n))));

/**
 * The common table expressions of the translations of the query's typed terms: `translated` has the
 * columns of the ranking's `known` (lang, term, weight, df). They read the ranking's `qt` (the query's
 * terms with their weights, 1 for a typed word). Empty when `translationWeight` is 0.
 * @example sql`with qt as (…), ${translationTerms(ws, BM25F)} select * from translated`
 */
export function translationTerms(workspaceId: string, params: RankingParams): SQL {
  const on = params.translationWeight > 0;
  const learned = sql.raw(String(FIELD.learned));
  const own = sql.raw([FIELD.title, FIELD.phrasings, FIELD.body, FIELD.tags].join(', '));
  const target = sql.raw([FIELD.title, FIELD.phrasings].join(', '));
  const depth = params.termDepth > 0 ? sql.raw(`limit ${Math.round(params.termDepth)}`) : sql``;
  return sql`
    translation_sources as (
      select qt.lang, qt.term as q, l.article_id
      from qt cross join lateral (
        -- Among the term's most telling postings only, as the ranking reads them (termDepth): a common
        -- word's scan stops there instead of running through every article that uses it.
        select t.article_id from (
          select p.article_id, p.field from kb_postings p
          where p.workspace_id = ${workspaceId} and p.language = qt.lang and p.term = qt.term
          order by p.impact desc nulls last ${depth}) t
        where t.field = ${learned}
        limit ${int(params.translationDepth)}) l
      where ${sql.raw(on ? 'true' : 'false')} and qt.weight >= 1
        -- A word never learned has nothing to translate to: one probe of the learned postings' index
        -- instead of reading its most telling postings (a subquery per word, never a join of them all).
        and (select true from kb_postings y
             where y.workspace_id = ${workspaceId} and y.language = qt.lang and y.term = qt.term
               and y.field = ${learned} limit 1)
        and not exists (
          select 1 from kb_postings x
          where x.workspace_id = ${workspaceId} and x.article_id = l.article_id and x.field in (${own}) and x.term = qt.term)
    ),
    translation_counts as (
      select lang, q, count(*)::float8 as n from translation_sources group by lang, q
    ),
    translation_links as (
      select s.lang, s.q, w.term, count(*)::float8 / max(c.n) as p
      from translation_sources s
      join translation_counts c on c.lang = s.lang and c.q = s.q
      cross join lateral (
        select distinct x.term from kb_postings x
        where x.workspace_id = ${workspaceId} and x.article_id = s.article_id and x.field in (${target})) w
      where w.term <> s.q
      group by s.lang, s.q, w.term
      having count(*) >= ${int(params.translationMinSupport)}
    ),
    translated as (
      select t.lang, t.term, ${num(params.translationWeight)} * max(t.p) as weight, v.df
      from translation_links t
      join kb_vocab v on v.workspace_id = ${workspaceId} and v.language = t.lang and v.term = t.term
      group by t.lang, t.term, v.df
    )`;
}
