import { describe, expect, it } from 'vitest';
import { articleLine, parseArticles, parseQueries } from './jsonl.ts';
import { fromMarkdownFile, toMarkdownFile } from './markdown-folder.ts';
import { firstRelevant, quantile, summarise } from './metrics.ts';

describe('article lines', () => {
  it('reports every bad line with its number and keeps the good ones', () => {
    const text = [
      '{"id":"a1","language":"es","title":"T","body":"B","tags":["x"]}',
      'not json',
      '{"id":"a2","language":"fr","title":"T","body":"B"}',
      '',
      '{"id":"a3","language":"en","title":"","body":"B"}',
      '{"id":"a1","language":"en","title":"T","body":"B"}',
      '{"id":"a4","language":"en","title":"T","body":"B","extra":1}',
      '[1]',
    ].join('\n');
    const { items, errors } = parseArticles(text);
    expect(items.map((i) => i.value.id)).toEqual(['a1']);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 5, 6, 7, 8]);
    expect(errors[1]!.message).toContain('language');
    expect(errors[3]!.message).toContain('twice');
  });

  it('exports in the format it imports', () => {
    const a = {
      id: 'x',
      language: 'es' as const,
      title: 'T',
      body: 'B\nC',
      category: 'A / B',
      tags: ['t'],
      phrasings: ['p'],
    };
    expect(parseArticles(articleLine(a)).items[0]!.value).toEqual(a);
    expect(fromMarkdownFile(toMarkdownFile(a), 'ignored')).toEqual(a);
  });

  it('refuses a Markdown file without front matter or title', () => {
    expect(fromMarkdownFile('just text', 'x', 'es')).toMatch(/front matter/);
    expect(fromMarkdownFile('---\nid: x\n---\nbody', 'x', 'es')).toMatch(/title/);
    expect(fromMarkdownFile('---\ntitle: T\n---\nbody', 'file-id', 'en')).toMatchObject({
      id: 'file-id',
      language: 'en',
    });
  });

  it('checks query lines', () => {
    const { items, errors } = parseQueries(
      '{"query":"q","language":"en","relevant":["a"]}\n{"query":"q","language":"en","relevant":[]}',
    );
    expect(items).toHaveLength(1);
    expect(errors[0]!.line).toBe(2);
  });
});

describe('metrics', () => {
  it('computes MRR@10, hits and p95', () => {
    expect(firstRelevant(['a', 'b'], ['b'])).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2);
    const s = summarise([
      { rank: 1, ms: 1 },
      { rank: 2, ms: 2 },
      { rank: 11, ms: 3 },
      { rank: null, ms: 4 },
    ]);
    expect(s).toEqual({ queries: 4, mrr_at_10: 0.375, hit_at_1: 0.25, hit_at_3: 0.5, p95_ms: 4 });
  });
});
