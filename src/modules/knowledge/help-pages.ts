/**
 * The help center's HTML, server-rendered and readable without JavaScript. Pure: every user-supplied text
 * goes through `esc`; article bodies arrive already sanitised (markdown.ts). No script is ever emitted.
 */
import type { Segment } from './passages.ts';

export type Lang = 'es' | 'en';

const T = {
  es: {
    help: 'Centro de ayuda',
    search: 'Buscar',
    placeholder: '¿En qué podemos ayudarle?',
    categories: 'Categorías',
    recent: 'Artículos',
    results: (n: number, q: string) => `${n} ${n === 1 ? 'resultado' : 'resultados'} para «${q}»`,
    none: (q: string) => `No encontramos artículos para «${q}». Pruebe con otras palabras o contáctenos.`,
    wasHelpful: '¿Le sirvió este artículo?',
    yes: 'Sí',
    no: 'No',
    thanks: '¡Gracias por su opinión!',
    needHelp: '¿Todavía necesita ayuda?',
    contact: 'Contáctenos',
    chat: 'Chatear con un asesor',
    callMe: 'Que me llamen',
    request: 'Crear una solicitud de servicio',
    contactIntro: 'Elija cómo quiere que le ayudemos. Un asesor verá los artículos que ya consultó.',
    related: 'Artículos relacionados',
    files: 'Archivos adjuntos',
    other: 'English',
    notFound: 'No encontramos esta página.',
    home: 'Inicio',
    updated: 'Actualizado',
    empty: 'Todavía no hay artículos publicados.',
  },
  en: {
    help: 'Help center',
    search: 'Search',
    placeholder: 'How can we help?',
    categories: 'Categories',
    recent: 'Articles',
    results: (n: number, q: string) => `${n} ${n === 1 ? 'result' : 'results'} for “${q}”`,
    none: (q: string) => `We found no articles for “${q}”. Try other words, or contact us.`,
    wasHelpful: 'Was this article helpful?',
    yes: 'Yes',
    no: 'No',
    thanks: 'Thank you for your feedback!',
    needHelp: 'Still need help?',
    contact: 'Contact us',
    chat: 'Chat with an agent',
    callMe: 'Call me back',
    request: 'Open a service request',
    contactIntro: 'Choose how we can help. An agent will see the articles you already read.',
    related: 'Related articles',
    files: 'Attachments',
    other: 'Español',
    notFound: 'We could not find this page.',
    home: 'Home',
    updated: 'Updated',
    empty: 'No articles are published yet.',
  },
} as const;

/**
 * Text safe inside HTML elements and attribute values.
 * @example esc('<b>"x"</b>') // '&lt;b&gt;&quot;x&quot;&lt;/b&gt;'
 */
export const esc = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const marked = (segments: Segment[]) =>
  segments.map((s) => (s.hit ? `<mark>${esc(s.text)}</mark>` : esc(s.text))).join('');

export interface Site {
  slug: string;
  name: string;
  lang: Lang;
}

const base = (site: Site) => `/help/${encodeURIComponent(site.slug)}/${site.lang}`;
const articleUrl = (site: Site, id: string, q?: string) =>
  `${base(site)}/articles/${id}${q ? `?q=${encodeURIComponent(q)}` : ''}`;

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;color:#1f2933;background:#f7f8fa;line-height:1.55}
header{background:#1c4e80;color:#fff;padding:1.2rem 1rem}header a{color:#fff;text-decoration:none}
main{max-width:52rem;margin:0 auto;padding:1rem}form.s{display:flex;gap:.5rem;margin:1rem 0}
form.s input{flex:1;padding:.6rem;font-size:1rem;border:1px solid #c5ccd6;border-radius:6px}
button{padding:.6rem 1rem;border:0;border-radius:6px;background:#1c4e80;color:#fff;font-size:1rem;cursor:pointer}
.card{background:#fff;border:1px solid #e1e5eb;border-radius:8px;padding:1rem;margin:.6rem 0}
.card h3{margin:.1rem 0}.muted{color:#5f6b7a;font-size:.9rem}mark{background:#fff0a6;padding:0 .1em}
nav.top{display:flex;justify-content:space-between;align-items:center;max-width:52rem;margin:0 auto}
article img{max-width:100%}ul.cats{columns:2;padding-left:1.2rem}.help{display:flex;gap:.5rem;flex-wrap:wrap}
a.btn{display:inline-block;padding:.6rem 1rem;border-radius:6px;background:#e8eef5;color:#1c4e80;text-decoration:none}`;

/** A whole page around some content. */
export function layout(site: Site, title: string, content: string, otherLangUrl?: string): string {
  const t = T[site.lang];
  return `<!doctype html><html lang="${site.lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)} · ${esc(site.name)}</title>
<style>${STYLE}</style></head><body><header><nav class="top"><a href="${base(site)}"><strong>${esc(site.name)}</strong> · ${t.help}</a>
${otherLangUrl ? `<a href="${esc(otherLangUrl)}" hreflang="${site.lang === 'es' ? 'en' : 'es'}">${t.other}</a>` : ''}</nav></header>
<main>${content}</main></body></html>`;
}

const searchForm = (site: Site, q = '') =>
  `<form class="s" method="get" action="${base(site)}/search" role="search"><input type="search" name="q" maxlength="500" value="${esc(q)}" placeholder="${T[site.lang].placeholder}" aria-label="${T[site.lang].search}"><button>${T[site.lang].search}</button></form>`;

export interface ListedArticle {
  id: string;
  title: string;
  category: string;
}

/** The home page: search, categories and articles. */
export function homePage(
  site: Site,
  categories: { name: string; count: number }[],
  articles: ListedArticle[],
) {
  const t = T[site.lang];
  const cats = categories.length
    ? `<h2>${t.categories}</h2><ul class="cats">${categories
        .map(
          (c) =>
            `<li><a href="${base(site)}/categories?c=${encodeURIComponent(c.name)}">${esc(c.name)}</a> <span class="muted">(${c.count})</span></li>`,
        )
        .join('')}</ul>`
    : '';
  const list = articles.length
    ? `<h2>${t.recent}</h2>${articles.map((a) => `<div class="card"><a href="${articleUrl(site, a.id)}">${esc(a.title)}</a> <span class="muted">${esc(a.category)}</span></div>`).join('')}`
    : `<p class="muted">${t.empty}</p>`;
  return layout(
    site,
    t.help,
    `<h1>${t.placeholder}</h1>${searchForm(site)}${cats}${list}`,
    `/help/${encodeURIComponent(site.slug)}/${site.lang === 'es' ? 'en' : 'es'}`,
  );
}

/** A category's articles. */
export function categoryPage(site: Site, category: string, articles: ListedArticle[]) {
  const body = articles
    .map((a) => `<div class="card"><a href="${articleUrl(site, a.id)}">${esc(a.title)}</a></div>`)
    .join('');
  return layout(
    site,
    category,
    `${searchForm(site)}<p><a href="${base(site)}">${T[site.lang].home}</a> › ${esc(category)}</p><h1>${esc(category)}</h1>${body || `<p class="muted">${T[site.lang].empty}</p>`}`,
  );
}

export interface ResultHit {
  id: string;
  titleSegments: Segment[];
  passageSegments: Segment[];
  category: string;
}

/** Search results with the query's words marked, or the way to contact when nothing was found. */
export function resultsPage(site: Site, q: string, total: number, hits: ResultHit[]) {
  const t = T[site.lang];
  const list = hits
    .map(
      (h) =>
        `<div class="card"><h3><a href="${articleUrl(site, h.id, q)}">${marked(h.titleSegments)}</a></h3><div>${marked(h.passageSegments)}</div><div class="muted">${esc(h.category)}</div></div>`,
    )
    .join('');
  const head = q ? `<p class="muted">${hits.length ? esc(t.results(total, q)) : esc(t.none(q))}</p>` : '';
  return layout(site, t.search, `${searchForm(site, q)}${head}${list}${needHelp(site, q)}`);
}

function needHelp(site: Site, q = '', articleId = '') {
  const t = T[site.lang];
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (articleId) params.set('article', articleId);
  const query = params.toString();
  return `<div class="card"><h2>${t.needHelp}</h2><a class="btn" href="${base(site)}/contact${query ? `?${esc(query)}` : ''}">${t.contact}</a></div>`;
}

export interface ArticleView {
  id: string;
  title: string;
  html: string;
  category: string;
  updatedAt: Date;
  related: ListedArticle[];
  files: { id: string; fileName: string; contentType: string; size: number }[];
  translation?: { id: string; language: Lang };
}

/** Where the help center serves a public article's file. */
export const fileUrl = (site: Pick<Site, 'slug'>, id: string) =>
  `/help/${encodeURIComponent(site.slug)}/files/${id}`;

const sizeText = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** An article with "was this helpful?", its files and the way to contact. */
export function articlePage(site: Site, a: ArticleView, q: string, thanks: boolean) {
  const t = T[site.lang];
  const vote = thanks
    ? `<p><strong>${t.thanks}</strong></p>`
    : `<form method="post" action="${base(site)}/articles/${a.id}/feedback"><input type="hidden" name="q" value="${esc(q)}">${t.wasHelpful} <button name="helpful" value="yes">${t.yes}</button> <button name="helpful" value="no">${t.no}</button></form>`;
  const related = a.related.length
    ? `<h2>${t.related}</h2><ul>${a.related.map((r) => `<li><a href="${articleUrl(site, r.id)}">${esc(r.title)}</a></li>`).join('')}</ul>`
    : '';
  const files = a.files.length
    ? `<h2>${t.files}</h2><ul>${a.files.map((f) => `<li><a href="${fileUrl(site, f.id)}">${esc(f.fileName)}</a> <span class="muted">(${sizeText(f.size)})</span></li>`).join('')}</ul>`
    : '';
  const other = a.translation
    ? `/help/${encodeURIComponent(site.slug)}/${a.translation.language}/articles/${a.translation.id}`
    : undefined;
  return layout(
    site,
    a.title,
    `${searchForm(site, q)}<p><a href="${base(site)}">${t.home}</a>${a.category ? ` › <a href="${base(site)}/categories?c=${encodeURIComponent(a.category)}">${esc(a.category)}</a>` : ''}</p>
<article class="card"><h1>${esc(a.title)}</h1>${a.html}${files}<p class="muted">${t.updated} ${a.updatedAt.toISOString().slice(0, 10)}</p></article>
<div class="card">${vote}</div>${related}${needHelp(site, q, a.id)}`,
    other,
  );
}

/**
 * The "still need help?" page: chat, call-me or a service request, through the web widget's entry point
 * (`/widget/contact?workspace=…&mode=chat|callback|request`: the workspace's first web channel, as a page), with what the visitor searched for.
 */
export function contactPage(site: Site, q: string, articleId: string) {
  const t = T[site.lang];
  const link = (mode: string, label: string) => {
    const p = new URLSearchParams({ workspace: site.slug, lang: site.lang, mode });
    if (q) p.set('q', q);
    if (articleId) p.set('article', articleId);
    return `<a class="btn" href="/widget/contact?${esc(p.toString())}">${label}</a>`;
  };
  return layout(
    site,
    t.contact,
    `<h1>${t.needHelp}</h1><p>${t.contactIntro}</p><div class="help">${link('chat', t.chat)}${link('callback', t.callMe)}${link('request', t.request)}</div>`,
  );
}

/** A 404 page in the site's language. */
export const notFoundPage = (site: Site) =>
  layout(
    site,
    T[site.lang].notFound,
    `<h1>${T[site.lang].notFound}</h1><p><a href="${base(site)}">${T[site.lang].home}</a></p>`,
  );
