/**
 * What a search shows of an article, prepared once per article text: its body cut into passages, the words
 * of each passage, and the distinct words of its title and passages (those the highlighting may need
 * to look up stems for). None of it depends on the query, and searches keep showing the same articles, so it is kept per
 * process, by article, for as long as the article's title and body stay the same: an edited article is
 * prepared again at its next showing. Bounded: when full it starts again empty rather than tracking recency.
 */
import { splitPassages, wordsIn } from './passages.ts';
import { markdownToText } from './text.ts';

/** Words of digits alone: the index's parser keeps them as they are (no stemming, never a stop word). */
export const DIGITS = /^[0-9]+$/;

export interface ArticleText {
  title: string;
  body: string;
  /** The body (Markdown stripped) cut into passages (`splitPassages`). */
  passages: string[];
  /** The words of each passage, in order (`wordsIn`). */
  passageWords: string[][];
  /** The distinct words of the title and the passages, numbers left out (they stem to themselves). */
  words: string[];
}

/** An article's text prepared for showing (no cache). */
export function prepareArticleText(title: string, body: string): ArticleText {
  const passages = splitPassages(markdownToText(body));
  const passageWords = passages.map(wordsIn);
  const words = new Set<string>();
  for (const list of [wordsIn(title), ...passageWords])
    for (const w of list) if (!DIGITS.test(w)) words.add(w);
  return { title, body, passages, passageWords, words: [...words] };
}

/**
 * A per-process cache of prepared article texts, checked against the article's current title and body.
 * @example const texts = createArticleTexts(); texts({ id, title: 'Lavado', body: 'Agua fría.' }).passages // ['Agua fría.']
 */
export function createArticleTexts(capacity = 2_000) {
  const kept = new Map<string, ArticleText>();
  return (article: { id: string; title: string; body: string }): ArticleText => {
    const hit = kept.get(article.id);
    if (hit && hit.body === article.body && hit.title === article.title) return hit;
    const text = prepareArticleText(article.title, article.body);
    if (!hit && kept.size >= capacity) kept.clear();
    kept.set(article.id, text);
    return text;
  };
}
