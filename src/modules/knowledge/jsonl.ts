/**
 * The JSONL formats of `kb import`, `kb export` and `kb eval`: one article or one query per line. Pure:
 * each line is parsed and checked, and a bad line is reported with its number, never skipped silently.
 */

export interface ArticleLine {
  id: string;
  language: 'es' | 'en';
  title: string;
  body: string;
  category?: string;
  tags?: string[];
  phrasings?: string[];
}

export interface QueryLine {
  query: string;
  language: 'es' | 'en';
  relevant: string[];
}

export interface LineError {
  line: number;
  message: string;
}

export const MAX_TITLE = 300;
export const MAX_BODY = 200_000;

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function parseLines<T>(text: string, check: (v: Record<string, unknown>) => string | T) {
  const items: { line: number; value: T }[] = [];
  const errors: LineError[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      errors.push({ line: i + 1, message: `not JSON: ${(error as Error).message}` });
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      errors.push({ line: i + 1, message: 'not a JSON object' });
      return;
    }
    const checked = check(value as Record<string, unknown>);
    if (typeof checked === 'string') errors.push({ line: i + 1, message: checked });
    else items.push({ line: i + 1, value: checked });
  });
  return { items, errors };
}

const ARTICLE_KEYS = new Set(['id', 'language', 'title', 'body', 'category', 'tags', 'phrasings']);

/**
 * Articles from JSONL text, with every bad line reported.
 * @example parseArticles('{"id":"a1","language":"es","title":"T","body":"B"}') // { items: [{ line: 1, value: {...} }], errors: [] }
 */
export function parseArticles(text: string) {
  const seen = new Set<string>();
  return parseLines<ArticleLine>(text, (v) => {
    const unknown = Object.keys(v).filter((k) => !ARTICLE_KEYS.has(k));
    if (unknown.length > 0) return `unknown field ${unknown.map((k) => `"${k}"`).join(', ')}`;
    if (typeof v.id !== 'string' || !v.id.trim() || v.id.length > 200)
      return '"id" must be a non-empty string';
    if (v.language !== 'es' && v.language !== 'en') return '"language" must be "es" or "en"';
    if (typeof v.title !== 'string' || !v.title.trim()) return '"title" must be a non-empty string';
    if (v.title.length > MAX_TITLE) return `"title" is longer than ${MAX_TITLE} characters`;
    if (typeof v.body !== 'string') return '"body" must be a string';
    if (v.body.length > MAX_BODY) return `"body" is longer than ${MAX_BODY} characters`;
    if (v.category !== undefined && typeof v.category !== 'string') return '"category" must be a string';
    if (v.tags !== undefined && !isStrings(v.tags)) return '"tags" must be a list of strings';
    if (v.phrasings !== undefined && !isStrings(v.phrasings)) return '"phrasings" must be a list of strings';
    if (seen.has(v.id)) return `"id" ${v.id} appears twice`;
    seen.add(v.id);
    return {
      id: v.id,
      language: v.language,
      title: v.title,
      body: v.body,
      ...(v.category !== undefined ? { category: v.category as string } : {}),
      ...(v.tags !== undefined ? { tags: v.tags as string[] } : {}),
      ...(v.phrasings !== undefined ? { phrasings: v.phrasings as string[] } : {}),
    };
  });
}

/** Evaluation queries from JSONL text, with every bad line reported. */
export function parseQueries(text: string) {
  return parseLines<QueryLine>(text, (v) => {
    if (typeof v.query !== 'string' || !v.query.trim()) return '"query" must be a non-empty string';
    if (v.language !== 'es' && v.language !== 'en') return '"language" must be "es" or "en"';
    if (!isStrings(v.relevant) || v.relevant.length === 0)
      return '"relevant" must be a non-empty list of ids';
    return { query: v.query, language: v.language, relevant: v.relevant };
  });
}

/** One article as a JSONL line (the import format, so an export imports back unchanged). */
export function articleLine(a: ArticleLine): string {
  return JSON.stringify({
    id: a.id,
    language: a.language,
    title: a.title,
    body: a.body,
    ...(a.category ? { category: a.category } : {}),
    ...(a.tags?.length ? { tags: a.tags } : {}),
    ...(a.phrasings?.length ? { phrasings: a.phrasings } : {}),
  });
}
