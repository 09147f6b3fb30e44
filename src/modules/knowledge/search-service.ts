/**
 * Searching the knowledge base: BM25F in SQL (search-sql.ts) with synonyms and typo tolerance, then the
 * passage of each hit that answers the query, with the query's words marked. Every search is recorded (with
 * how many articles it found) for the deflection metrics and the report of questions that found nothing.
 */
import { createArticleTexts, DIGITS } from './article-texts.ts';
import type { Context, SearchData } from './context.ts';
import { stemsOf } from './index-sql.ts';
import { bestPassage, highlight, type Segment, wordsIn } from './passages.ts';
import { BM25F, type RankingParams } from './ranking.ts';
import { type FoundArticle, type SearchFilter, searchArticles } from './search-sql.ts';
import { createStemCache } from './stem-cache.ts';
import { withoutStopWords } from './stop-words.ts';
import type { Language } from './store.ts';
import { cleanQuery, expandSynonyms, fold, queryKey } from './text.ts';
import { expandFromThesaurus, stemsToLookUp } from './thesaurus.ts';
import { thesaurusOf } from './thesaurus-data.ts';
import { documentFrequencies } from './vocab-sql.ts';

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
  const articleTexts = createArticleTexts();
  /**
   * Stems of some lists of words (numbers left out), each distinct word asked of the cache once; numbers
   * stem to themselves and never need the database.
   */
  async function stemLookup(language: Language, lists: Iterable<readonly string[]>) {
    const words = new Set<string>();
    for (const list of lists) for (const w of list) words.add(w);
    const lookup = await stems(language, words);
    return (word: string): readonly string[] => {
      const found = lookup(word);
      return found.length > 0 || !DIGITS.test(word) ? found : [word];
    };
  }

  /**
   * The default thesaurus's synonyms of a query's words in one language, only into words the workspace's
   * articles use (`thesaurus.ts`); words the workspace's own synonyms expand are left to them. The
   * document frequencies it needs are kept with the workspace's search data: a term is asked of the
   * database once while that data is current, so a search whose words were seen needs no round trip here.
   */
  async function thesaurusExpansion(
    workspaceId: string,
    language: Language,
    query: string,
    { synonyms, frequencies }: SearchData,
    articles: number,
  ): Promise<string> {
    const thesaurus = thesaurusOf(language);
    if (params.thesaurusWeight <= 0 || thesaurus.lines.size === 0 || articles === 0) return '';
    const covered = new Set<string>();
    for (const { phrase, alternatives } of synonyms)
      for (const w of wordsIn(queryKey([phrase, ...alternatives].join(' ')))) covered.add(w);
    const words = [...new Set(wordsIn(fold(withoutStopWords(query, language))))].filter(
      (w) => !DIGITS.test(w) && !covered.has(w),
    );
    const stemOf = await stems(language, words);
    const queryWords = words.map((word) => ({ word, stems: stemOf(word) }));
    const needed = stemsToLookUp(thesaurus, queryWords);
    if (needed.length === 0) return '';
    const df = frequencies[language];
    const missing = needed.filter((term) => !df.has(term));
    if (missing.length > 0) {
      const found = await documentFrequencies(db, workspaceId, language, missing);
      for (const term of missing) df.set(term, found.get(term) ?? 0);
    }
    return expandFromThesaurus(thesaurus, queryWords, df, articles, {
      maxShare: params.thesaurusMaxShare,
      maxPerWord: params.thesaurusMaxPerWord,
    });
  }

  /**
   * Each found article's answering passage, and its title and passage with the matched terms marked. The
   * articles' passages and words come prepared from `articleTexts` (the same for every query).
   */
  async function withPassages(found: FoundArticle[]): Promise<SearchHit[]> {
    const texts = found.map(articleTexts);
    const stemOf = new Map<Language, (word: string) => readonly string[]>();
    for (const language of new Set(found.map((a) => a.language)))
      stemOf.set(
        language,
        await stemLookup(
          language,
          texts.filter((_, i) => found[i]!.language === language).map((t) => t.words),
        ),
      );
    return found.map((a, i) => {
      const stem = stemOf.get(a.language)!;
      const queryStems = new Set(a.terms);
      const { passages: list, passageWords } = texts[i]!;
      const passage = list[bestPassage(list, stem, queryStems, passageWords)] ?? '';
      return {
        id: a.id,
        language: a.language,
        title: a.title,
        category: a.category,
        score: Math.round(a.score * 1000) / 1000,
        titleSegments: highlight(a.title, stem, queryStems),
        passage,
        passageSegments: highlight(passage, stem, queryStems),
      };
    });
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
      const data = await ctx.searchContext(workspaceId);
      const { stats, synonyms, settings } = data;
      const ranking =
        settings.translationWeight === null
          ? params
          : { ...params, translationWeight: settings.translationWeight };
      // The search's log row is written by the ranking's own statement: no round trip of its own.
      const log =
        request.record === false
          ? null
          : {
              id: newId(),
              at: clock.now(),
              source: request.source,
              query: q,
              queryKey: queryKey(q),
              language: request.language ?? null,
            };
      const thesaurus = { es: '', en: '' };
      for (const s of stats)
        if (languages.includes(s.language))
          thesaurus[s.language] = await thesaurusExpansion(workspaceId, s.language, q, data, s.n);

      const found = await searchArticles(
        db,
        workspaceId,
        {
          texts: { es: withoutStopWords(q, 'es'), en: withoutStopWords(q, 'en') },
          expansions: expandSynonyms(q, synonyms),
          thesaurus,
          filter: { languages, ...FILTERS[request.audience] },
          stats,
          params: ranking,
          limit,
        },
        log,
      );
      total = found[0]?.total ?? 0;
      hits = await withPassages(found);
    }
    return { query: q, total, hits };
  }

  return { search };
}

export type SearchService = ReturnType<typeof createSearchService>;
