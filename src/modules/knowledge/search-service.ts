/**
 * Searching the knowledge base: BM25F in SQL (search-sql.ts) with synonyms and typo tolerance, then the
 * passage of each hit that answers the query, with the query's words marked. Every search is recorded (with
 * how many articles it found) for the deflection metrics and the report of questions that found nothing.
 */
import { scoped } from '../../platform/db/scope.ts';
import type { Context } from './context.ts';
import { stemsOf } from './index-sql.ts';
import { bestPassage, highlight, type Segment, splitPassages, wordsIn } from './passages.ts';
import { BM25F, type RankingParams } from './ranking.ts';
import { kbActivity } from './schema.ts';
import { rankArticles, type SearchFilter } from './search-sql.ts';
import { createStemCache } from './stem-cache.ts';
import { withoutStopWords } from './stop-words.ts';
import { type Article, type Language, loadArticles } from './store.ts';
import { cleanQuery, expandSynonyms, markdownToText, queryKey } from './text.ts';

/** Who is searching decides what they may find. */
export type Audience = 'public' | 'partner' | 'agent' | 'editor';
export type Source = 'help_center' | 'agent' | 'widget' | 'api';

export interface SearchRequest {
  query: string;
  /** Search only this language; both when absent. */
  language?: Language;
  audience: Audience;
  source: Source;
  limit?: number;
  /** Record the search in the activity log (default true). */
  record?: boolean;
}

export interface SearchHit {
  id: string;
  language: Language;
  title: string;
  category: string;
  score: number;
  /** The title with the query's words marked. */
  titleSegments: Segment[];
  /** The passage of the body that best answers the query. */
  passage: string;
  passageSegments: Segment[];
}

export interface SearchResult {
  query: string;
  total: number;
  hits: SearchHit[];
}

export const FILTERS: Record<Audience, Omit<SearchFilter, 'languages'>> = {
  public: { statuses: ['published'], visibilities: ['public'] },
  partner: { statuses: ['published'], visibilities: ['public', 'partners'] },
  agent: { statuses: ['published'], visibilities: ['public', 'agents'] },
  editor: { statuses: ['published', 'draft'], visibilities: ['public', 'agents', 'partners'] },
};

export function createSearchService(ctx: Context, params: RankingParams = BM25F) {
  const { db, clock, newId } = ctx;

  const stems = createStemCache((language, words) => stemsOf(db, language, words));
  const stemLookup = (language: Language, texts: string[]) => stems(language, texts.flatMap(wordsIn));

  async function withPassages(q: string, expansions: string, articles: Article[]) {
    const out = new Map<string, Omit<SearchHit, 'score'>>();
    for (const language of ['es', 'en'] as const) {
      const mine = articles.filter((a) => a.language === language);
      if (mine.length === 0) continue;
      const passages = new Map(mine.map((a) => [a.id, splitPassages(markdownToText(a.body))]));
      // One round trip stems the query's words and the shown texts' words together.
      const queryText = `${q} ${expansions}`;
      const stemOf = await stemLookup(language, [
        queryText,
        ...mine.map((a) => a.title),
        ...[...passages.values()].flat(),
      ]);
      const queryStems = new Set(wordsIn(queryText).flatMap(stemOf));
      for (const a of mine) {
        const list = passages.get(a.id) ?? [];
        const passage = list[bestPassage(list, stemOf, queryStems)] ?? '';
        out.set(a.id, {
          id: a.id,
          language: a.language,
          title: a.title,
          category: a.category,
          titleSegments: highlight(a.title, stemOf, queryStems),
          passage,
          passageSegments: highlight(passage, stemOf, queryStems),
        });
      }
    }
    return out;
  }

  /**
   * Ranked articles for a query with their answering passages; an empty query finds nothing.
   * @example await search.search(ws, { query: 'lavar sábanas de franela', language: 'es', audience: 'agent', source: 'agent' })
   */
  async function search(workspaceId: string, request: SearchRequest): Promise<SearchResult> {
    const q = cleanQuery(request.query);
    const limit = Math.min(Math.max(request.limit ?? 10, 1), 50);
    const languages: Language[] = request.language ? [request.language] : ['es', 'en'];
    let hits: SearchHit[] = [];
    let total = 0;
    if (q) {
      const { stats, synonyms } = await ctx.searchContext(workspaceId);
      const expansions = expandSynonyms(q, synonyms);
      const ranked = await rankArticles(
        db,
        workspaceId,
        { es: withoutStopWords(q, 'es'), en: withoutStopWords(q, 'en') },
        expansions,
        { languages, ...FILTERS[request.audience] },
        stats,
        params,
        limit,
      );
      total = ranked[0]?.total ?? 0;
      const articles = await loadArticles(
        db,
        workspaceId,
        ranked.map((r) => r.id),
      );
      const shown = await withPassages(q, expansions, articles);
      hits = ranked.flatMap((r) => {
        const hit = shown.get(r.id);
        return hit ? [{ ...hit, score: Math.round(r.score * 1000) / 1000 }] : [];
      });
    }
    if (q && request.record !== false) {
      await scoped(db, workspaceId).insert(kbActivity, {
        id: newId(),
        at: clock.now(),
        kind: 'search',
        source: request.source,
        query: q,
        queryKey: queryKey(q),
        language: request.language ?? null,
        results: total,
      });
    }
    return { query: q, total, hits };
  }

  return { search };
}

export type SearchService = ReturnType<typeof createSearchService>;
