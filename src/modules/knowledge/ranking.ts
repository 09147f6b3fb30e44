/**
 * The ranking's parameters: BM25F with a weight per field. Kept apart so the benchmark can compare methods
 * and the values have one home. Weights reflect where a question's words are most telling: its title and
 * the other ways of asking it, then what searchers who found it typed, then the tags, then the body.
 */

/** Indexed fields, numbered as stored in `kb_postings.field` (PostgreSQL arrays count from 1). */
export const FIELD = { title: 1, phrasings: 2, body: 3, learned: 4, tags: 5 } as const;
export type FieldName = keyof typeof FIELD;

export interface RankingParams {
  /** Term-frequency saturation. */
  k1: number;
  /** Length normalisation per field, 0 (none) to 1 (full). */
  b: Record<FieldName, number>;
  weight: Record<FieldName, number>;
  /** Weight of words brought in by synonyms, relative to the words typed. */
  synonymWeight: number;
  /**
   * Weight of words brought in by the default thesaurus (`thesaurus.ts`), relative to the words typed; 0
   * turns it off. A workspace's own synonyms take precedence: a word they expand is not looked up.
   */
  thesaurusWeight: number;
  /** Largest share of the articles a query word may match and still be expanded by the thesaurus. */
  thesaurusMaxShare: number;
  /** Most thesaurus synonyms taken per query word. */
  thesaurusMaxPerWord: number;
  /** Weight of a vocabulary term found for a misspelt word, times its trigram similarity. */
  fuzzyWeight: number;
  /**
   * How learned queries count as evidence: an article's matches in its learned queries are multiplied by
   * the share of the query's weight (its terms' IDF) that they cover, raised to this power (0: every match
   * counts in full). A learned query is evidence as a whole: a new query sharing one context word with it
   * ("mi hijo", "cuánto cobran") says little about the article, one sharing most of its words says much.
   */
  learnedCoverage: number;
  /**
   * Weight of a vocabulary term that shares its first `prefixLength` letters with a query term (and is
   * not that term), relative to the term itself: morphology the stemmer leaves apart and run-on words
   * ("reservacion" for "reserv", "contraseña" for "contra"). 0 turns it off.
   */
  prefixWeight: number;
  prefixLength: number;
  /**
   * Fusion with character trigrams: the best `rerankDepth` articles by BM25F are re-scored as their score
   * over the best one's plus this weight times the trigram similarity of the query to their title and
   * phrasings (typos, morphology and run-together words the terms miss). 0 turns it off.
   */
  trigramWeight: number;
  rerankDepth: number;
  /** Whether the trigram fusion also compares the query with the article's learned queries. */
  trigramLearned: boolean;
  /**
   * How many postings of each query term are read, the most telling first (by their stored impact);
   * 0 reads them all. A term found in thousands of articles then costs what a rarer one does, and the
   * articles it would add below the cut are those it weighs least in.
   */
  termDepth: number;
  /**
   * Learned word translations (`translation-sql.ts`): weight of the words of the articles picked after a
   * query word, times how often they go with it, relative to a typed word; 0 turns them off.
   */
  translationWeight: number;
  /** Most articles read per query word to learn its translations, those it weighs most in first. */
  translationDepth: number;
  /** Fewest of those articles that must share a word for it to count as a translation. */
  translationMinSupport: number;
}

/** The product's ranking. */
export const BM25F: RankingParams = {
  k1: 1.2,
  b: { title: 0.5, phrasings: 0.5, body: 0.75, learned: 0.5, tags: 0.3 },
  weight: { title: 3, phrasings: 2.5, body: 1, learned: 2, tags: 1.5 },
  synonymWeight: 0.6,
  thesaurusWeight: 0.3,
  thesaurusMaxShare: 0.05,
  thesaurusMaxPerWord: 3,
  fuzzyWeight: 0.8,
  learnedCoverage: 1,
  prefixWeight: 0,
  prefixLength: 5,
  trigramWeight: 1,
  rerankDepth: 30,
  trigramLearned: false,
  termDepth: 500,
  translationWeight: 0.5,
  translationDepth: 30,
  translationMinSupport: 2,
};

/** Plain BM25 over title and body as one text (the baseline the benchmark compares against). */
export const PLAIN_BM25: RankingParams = {
  k1: 1.2,
  b: { title: 0.75, phrasings: 0.75, body: 0.75, learned: 0.75, tags: 0.75 },
  weight: { title: 1, phrasings: 0, body: 1, learned: 0, tags: 0 },
  synonymWeight: 0,
  thesaurusWeight: 0,
  thesaurusMaxShare: 0,
  thesaurusMaxPerWord: 0,
  fuzzyWeight: 0,
  learnedCoverage: 0,
  prefixWeight: 0,
  prefixLength: 5,
  trigramWeight: 0,
  rerankDepth: 30,
  trigramLearned: false,
  termDepth: 0,
  translationWeight: 0,
  translationDepth: 30,
  translationMinSupport: 1,
};
