/**
 * Self-service first: a search over the workspace's published help-center articles (the knowledge
 * module's public search), the answering passage of each, and the article shown inside the widget with
 * a link to read it whole in the help center.
 */
import { api } from './api.ts';
import { clear, h } from './dom.ts';
import { t } from './i18n.ts';

interface Hit {
  id: string;
  title: string;
  passage: string;
  url: string;
}

const DEBOUNCE_MS = 300;

/** The search box and its results; `helpCenter` is the workspace the articles belong to. */
export function searchBox(helpCenter: string, language: 'es' | 'en'): HTMLElement {
  const input = h('input', {
    type: 'search',
    name: 'q',
    placeholder: t('search'),
    'aria-label': t('search'),
    autocomplete: 'off',
  });
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  async function run(q: string) {
    const mine = ++asked;
    if (q.length < 2) return clear(results);
    const params = new URLSearchParams({ q, language, limit: '5' });
    try {
      const found = await api<{ hits: Hit[] }>(
        'GET',
        `/public/knowledge/${encodeURIComponent(helpCenter)}/search?${params}`,
      );
      if (mine !== asked) return;
      clear(results);
      if (found.hits.length === 0) results.append(h('p', { class: 'hint' }, t('searchEmpty')));
      for (const hit of found.hits) results.append(result(hit, results));
    } catch (e) {
      if (mine === asked) {
        clear(results);
        results.append(h('p', { class: 'problem' }, t('error', { message: (e as Error).message })));
      }
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value.trim()), DEBOUNCE_MS);
  });
  return h(
    'form',
    {
      class: 'search',
      role: 'search',
      onsubmit: (e: Event) => {
        e.preventDefault();
        clearTimeout(timer);
        void run(input.value.trim());
      },
    },
    input,
    results,
  );
}

/** One result: the title opens the article inside the widget. */
function result(hit: Hit, results: HTMLElement): HTMLElement {
  return h(
    'article',
    { class: 'hit' },
    h('button', { type: 'button', class: 'link title', onclick: () => open(hit, results) }, hit.title),
    h('p', { class: 'passage' }, hit.passage),
  );
}

function open(hit: Hit, results: HTMLElement) {
  clear(results);
  results.append(
    h(
      'article',
      { class: 'article' },
      h('h2', {}, hit.title),
      h('p', {}, hit.passage),
      h('a', { href: hit.url, target: '_blank', rel: 'noopener' }, t('readArticle')),
    ),
  );
}
