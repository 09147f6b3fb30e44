/**
 * Articles as a folder of Markdown files, one per article: `<language>/<id>.md`, with a front matter of
 * `key: value` lines (`id`, `language`, `title`, `category`, and `tags`/`phrasings` as JSON lists) between
 * `---` lines, then the body. Pure: reading and writing the files is the command's job.
 */
import type { ArticleLine } from './jsonl.ts';

/**
 * One article as a Markdown file's text.
 * @example toMarkdownFile({ id: 'a1', language: 'es', title: 'T', body: 'B' }) // '---\nid: a1\n…---\nB\n'
 */
export function toMarkdownFile(a: ArticleLine): string {
  const lines = [`id: ${a.id}`, `language: ${a.language}`, `title: ${a.title.replace(/\n/g, ' ')}`];
  if (a.category) lines.push(`category: ${a.category}`);
  if (a.tags?.length) lines.push(`tags: ${JSON.stringify(a.tags)}`);
  if (a.phrasings?.length) lines.push(`phrasings: ${JSON.stringify(a.phrasings)}`);
  return `---\n${lines.join('\n')}\n---\n${a.body}\n`;
}

/**
 * An article from a Markdown file's text; the file name (without `.md`) is the id when the front matter
 * has none, the folder the language. A string is the reason it was refused.
 */
export function fromMarkdownFile(
  text: string,
  fallbackId: string,
  fallbackLanguage?: string,
): ArticleLine | string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) return 'no front matter (a block between --- lines with at least a title)';
  const meta: Record<string, string> = {};
  for (const line of match[1]!.split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0) meta[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  const language = meta.language ?? fallbackLanguage;
  if (language !== 'es' && language !== 'en') return 'language must be "es" or "en"';
  if (!meta.title) return 'the front matter has no title';
  const list = (key: string): string[] | string | undefined => {
    if (meta[key] === undefined) return undefined;
    try {
      const v: unknown = JSON.parse(meta[key]!);
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
    } catch {}
    return `${key} must be a JSON list of strings`;
  };
  const tags = list('tags');
  const phrasings = list('phrasings');
  if (typeof tags === 'string') return tags;
  if (typeof phrasings === 'string') return phrasings;
  return {
    id: meta.id || fallbackId,
    language,
    title: meta.title,
    body: match[2]!.replace(/\n$/, ''),
    ...(meta.category ? { category: meta.category } : {}),
    ...(tags ? { tags } : {}),
    ...(phrasings ? { phrasings } : {}),
  };
}
