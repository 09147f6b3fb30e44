/**
 * Self-service first: a search over the workspace's published help-center articles (the knowledge
 * module's public search), the answering passage of each, and the whole article inside the widget (the
 * help center's own sanitised HTML) with "was this helpful?", a way back to the results and a link to the
 * article in the help center.
 */
import { api } from './api.ts';
import { clear, h } from './dom.ts';
import { t } from './i18n.ts';

interface Article {
  id: string;
  title: string;
  html: string;
  url: string;
}

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
      const found = await api<{ query: string; hits: Hit[] }>(
        'GET',
        `/public/knowledge/${encodeURIComponent(helpCenter)}/search?${params}`,
      );
      if (mine !== asked) return;
      clear(results);
      if (found.hits.length === 0) results.append(h('p', { class: 'hint' }, t('searchEmpty')));
      const list = found.hits.map((hit) => result(hit, () => void open(hit, found.query)));
      results.append(...list);
      // The article replaces the list; "back" puts the same list back.
      const open = async (hit: Hit, query: string) => {
        const back = () => results.replaceChildren(...list);
        results.replaceChildren(h('p', { class: 'hint' }, '…'));
        try {
          const params = new URLSearchParams({ q: query });
          const article = await api<Article>(
            'GET',
            `/public/knowledge/${encodeURIComponent(helpCenter)}/articles/${encodeURIComponent(hit.id)}?${params}`,
          );
          results.replaceChildren(articleView(helpCenter, article, query, back));
        } catch (e) {
          results.replaceChildren(
            h('p', { class: 'problem' }, t('error', { message: (e as Error).message })),
            h('button', { type: 'button', class: 'link', onclick: back }, t('backToResults')),
          );
        }
      };
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
function result(hit: Hit, open: () => void): HTMLElement {
  return h(
    'article',
    { class: 'hit' },
    h('button', { type: 'button', class: 'link title', onclick: open }, hit.title),
    h('p', { class: 'passage' }, hit.passage),
  );
}

/**
 * The whole article. Its HTML comes sanitised from the knowledge module (the help center's own renderer,
 * an allow-list of tags), so it is the one place the widget sets HTML; its links open outside the widget.
 */
function articleView(helpCenter: string, article: Article, query: string, back: () => void): HTMLElement {
  const body = h('div', { class: 'article-body' });
  body.innerHTML = article.html;
  for (const a of body.querySelectorAll('a')) {
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
  }
  const feedback = h('div', { class: 'feedback' });
  const vote = async (helpful: boolean) => {
    try {
      await api(
        'POST',
        `/public/knowledge/${encodeURIComponent(helpCenter)}/articles/${encodeURIComponent(article.id)}/feedback`,
        { helpful, ...(query ? { q: query } : {}) },
      );
      feedback.replaceChildren(h('p', { class: 'hint' }, t(helpful ? 'helpfulThanks' : 'notHelpfulThanks')));
    } catch (e) {
      feedback.append(h('p', { class: 'problem' }, t('error', { message: (e as Error).message })));
    }
  };
  feedback.append(
    h('span', {}, t('wasHelpful')),
    h('button', { type: 'button', onclick: () => void vote(true) }, t('yes')),
    h('button', { type: 'button', onclick: () => void vote(false) }, t('no')),
  );
  return h(
    'article',
    { class: 'article' },
    h('button', { type: 'button', class: 'link back', onclick: back }, `← ${t('backToResults')}`),
    h('h2', {}, article.title),
    body,
    feedback,
    h('a', { href: article.url, target: '_blank', rel: 'noopener' }, t('readArticle')),
  );
}
