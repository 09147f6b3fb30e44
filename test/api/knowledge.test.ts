/** Knowledge base over HTTP: articles and versions, search and suggestions, learning, reports, bad input. */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/connect.ts';
import { createWorkspace, login, startTestApp } from '../support/app.ts';

const app = await startTestApp();
const ws = await createWorkspace(app);
const admin = await login(app, ws.email('admin'));
const agent = await login(app, ws.email('agent'));
const partner = await login(app, ws.email('partner'));
const inject = app.app.inject.bind(app.app);
await app.services.knowledge.seedDemo(ws.id);

interface Hit {
  id: string;
  title: string;
  passage: string;
  passageSegments: { text: string; hit: boolean }[];
}
const get = async (url: string, session = agent) => {
  const res = await inject({ method: 'GET', url, headers: session.headers });
  return res;
};
const suggest = async (payload: object, session = agent) => {
  const res = await inject({
    method: 'POST',
    url: '/api/v1/knowledge/suggest',
    headers: session.headers,
    payload,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; hits: Hit[] };
};
const create = async (payload: object) => {
  const res = await inject({
    method: 'POST',
    url: '/api/v1/knowledge/articles',
    headers: admin.headers,
    payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; status: string };
};

describe('suggested answers', () => {
  it('finds the flannel-sheet washing article from an agent sentence, with the passage that answers', async () => {
    const { hits } = await suggest({
      text: 'el cliente necesita instrucciones de lavado de sábanas de franela',
    });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(3);
    expect(hits[0]!.title).toBe('¿Cómo lavo las sábanas de franela?');
    expect(hits[0]!.passage.length).toBeGreaterThan(0);
    expect(hits[0]!.passageSegments.some((s) => s.hit)).toBe(true);
  });

  it("reads the customer's last messages and tolerates typos and missing accents", async () => {
    const { hits } = await suggest({
      messages: ['hola', 'buenas tardes', 'como lavo las sabanas de franla?'],
    });
    expect(hits[0]!.title).toBe('¿Cómo lavo las sábanas de franela?');
  });

  it('searches English articles in English', async () => {
    const { hits } = await suggest({ text: 'how should I wash flannel bed sheets', language: 'en' });
    expect(hits[0]!.title).toBe('How do I wash flannel sheets?');
  });

  it('uses the workspace synonyms', async () => {
    const { hits } = await suggest({ text: 'me devuelven la plata', language: 'es' });
    expect(hits[0]!.title).toBe('¿Cómo cancelo y cuándo me devuelven el dinero?');
  });

  it('finds an article through the default thesaurus when no article uses the word asked', async () => {
    // No article says "recibo"; the invoice article says "factura", a synonym in the shipped thesaurus.
    const { hits } = await suggest({ text: 'quiero el recibo', language: 'es' });
    expect(hits[0]!.title).toBe('¿Cómo pido la factura electrónica a nombre de mi empresa?');
  });

  it('shows agents internal articles but not partners', async () => {
    const forAgent = await suggest({ text: 'excepciones de reembolso por hospitalización' });
    expect(forAgent.hits[0]!.title).toBe('Excepciones de reembolso que puede aprobar un asesor');
    const forPartner = await suggest({ text: 'excepciones de reembolso por hospitalización' }, partner);
    expect(forPartner.hits.map((h) => h.title)).not.toContain(
      'Excepciones de reembolso que puede aprobar un asesor',
    );
  });
});

describe('articles', () => {
  it('keeps drafts out of search until published, and audits publishing', async () => {
    const a = await create({
      language: 'es',
      title: 'Horario del museo de Zapatoca',
      body: 'Abre de martes a domingo.',
    });
    expect(a.status).toBe('draft');
    expect((await suggest({ text: 'museo zapatoca' })).hits.map((h) => h.id)).not.toContain(a.id);
    const published = await inject({
      method: 'POST',
      url: `/api/v1/knowledge/articles/${a.id}/publish`,
      headers: admin.headers,
    });
    expect(published.json().status).toBe('published');
    expect((await suggest({ text: 'museo zapatoca' })).hits[0]!.id).toBe(a.id);
    const logged = await queryRows<{ type: string; actor_id: string }>(
      app.database.db,
      sql`select type, actor_id from events where subject_id = ${a.id} order by id`,
    );
    expect(logged).toEqual([
      { type: 'knowledge.article_created', actor_id: admin.userId },
      { type: 'knowledge.article_published', actor_id: admin.userId },
    ]);
  });

  it('keeps every version with who changed it, and restores an old one', async () => {
    const a = await create({ language: 'en', title: 'Old title', body: 'Old body' });
    const patched = await inject({
      method: 'PATCH',
      url: `/api/v1/knowledge/articles/${a.id}`,
      headers: admin.headers,
      payload: { title: 'New title', note: 'clearer' },
    });
    expect(patched.json().version).toBe(2);
    const versions = (await get(`/api/v1/knowledge/articles/${a.id}/versions`, admin)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0].changedBy).toBe(admin.userId);
    expect(versions[0].note).toBe('clearer');
    const restored = await inject({
      method: 'POST',
      url: `/api/v1/knowledge/articles/${a.id}/restore`,
      headers: admin.headers,
      payload: { version: 1 },
    });
    expect(restored.json()).toMatchObject({ title: 'Old title', version: 3 });
  });

  it('renders Markdown without scripts, handlers or javascript: links', async () => {
    const a = await create({
      language: 'es',
      status: 'published',
      title: 'Artículo con trampa',
      body: '**ok** <script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3))',
    });
    const res = await get(`/api/v1/knowledge/articles/${a.id}`);
    const html = res.json().html as string;
    expect(html).toContain('<strong>ok</strong>');
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
    const page = await inject({ method: 'GET', url: `/help/${ws.slug}/es/articles/${a.id}` });
    expect(page.body).not.toMatch(/<script|onerror|javascript:/i);
  });

  it('links translations and refuses unknown related articles', async () => {
    const es = await create({ language: 'es', title: 'Hola', body: 'x' });
    const en = await create({ language: 'en', title: 'Hello', body: 'x', translationOf: es.id });
    const res = await get(`/api/v1/knowledge/articles/${en.id}`, admin);
    expect(res.json().translations).toEqual([{ id: es.id, language: 'es', title: 'Hola', status: 'draft' }]);
    const bad = await inject({
      method: 'POST',
      url: '/api/v1/knowledge/articles',
      headers: admin.headers,
      payload: { language: 'es', title: 'x', body: 'y', related: ['0190a000-0000-7000-8000-000000000000'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('knowledge.related_not_found');
  });

  it('lets agents read but not write', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/knowledge/articles',
      headers: agent.headers,
      payload: { language: 'es', title: 'x', body: 'y' },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('learning from use', () => {
  it('an inserted suggestion teaches the ranking, and recurring queries become proposed phrasings', async () => {
    const query = 'mi abuelita quiere saber lo del bus con la bicicleta';
    const target = (await suggest({ text: 'cuánto equipaje puedo llevar', language: 'es' })).hits[0]!;
    for (let i = 0; i < 2; i++) {
      const res = await inject({
        method: 'POST',
        url: '/api/v1/knowledge/feedback',
        headers: agent.headers,
        payload: { kind: 'inserted', articleId: target.id, query },
      });
      expect(res.statusCode, res.body).toBe(204);
    }
    expect((await suggest({ text: 'la abuelita y la bicicleta en el bus' })).hits[0]!.id).toBe(target.id);
    const proposals = (await get('/api/v1/knowledge/proposals', admin)).json().items;
    expect(proposals).toContainEqual(expect.objectContaining({ articleId: target.id, query, count: 2 }));
    const review = await inject({
      method: 'POST',
      url: '/api/v1/knowledge/proposals/review',
      headers: admin.headers,
      payload: { articleId: target.id, query, decision: 'accepted' },
    });
    expect(review.statusCode).toBe(204);
    const article = (await get(`/api/v1/knowledge/articles/${target.id}`, admin)).json().article;
    expect(article.phrasings).toContain(query);
    expect(
      (await get('/api/v1/knowledge/proposals', admin)).json().items.map((p: { query: string }) => p.query),
    ).not.toContain(query);
  });

  it('a learned query sharing one word with a search does not outrank the article that answers it', async () => {
    // A workspace of its own, so every word's document frequency is known: each query word is in one
    // article. Learned word by word, "tambor" (taught three times to the opening-hours article) outweighed
    // the article that mentions the marimba in its body; weighed by the share of the query it covers, not.
    const other = await createWorkspace(app);
    const [editor, searcher] = [
      await login(app, other.email('admin')),
      await login(app, other.email('agent')),
    ];
    const add = async (title: string, body: string) => {
      const res = await inject({
        method: 'POST',
        url: '/api/v1/knowledge/articles',
        headers: editor.headers,
        payload: { language: 'es', status: 'published', title, body },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const workshop = await add('Talleres', 'En el taller tocamos la marimba con los niños cada semana.');
    const hours = await add(
      'Horarios',
      'Abrimos de lunes a viernes por la mañana y cerramos los domingos y festivos del mes.',
    );
    await add(
      'Guacharaca y carrasca',
      'Vendemos guacharaca y carrasca hechas a mano por artesanos del pueblo.',
    );
    await add('Pagos', 'Pague con tarjeta o transferencia bancaria antes de la salida del viaje.');
    for (let i = 0; i < 3; i++) {
      const res = await inject({
        method: 'POST',
        url: '/api/v1/knowledge/feedback',
        headers: searcher.headers,
        payload: { kind: 'inserted', articleId: hours, query: 'tambor' },
      });
      expect(res.statusCode, res.body).toBe(204);
    }
    const ids = (
      await suggest({ text: 'tambor marimba guacharaca carrasca', language: 'es' }, searcher)
    ).hits.map((h) => h.id);
    expect(ids).toEqual(expect.arrayContaining([workshop, hours]));
    expect(ids.indexOf(workshop)).toBeLessThan(ids.indexOf(hours));
  });

  it('reports questions that found nothing, and deflection', async () => {
    await get(`/api/v1/knowledge/search?q=${encodeURIComponent('xqzwv jjkpt')}`);
    const report = (await get('/api/v1/knowledge/reports/unanswered', admin)).json().items;
    expect(report).toContainEqual(expect.objectContaining({ query: 'xqzwv jjkpt', count: 1 }));
    const deflection = (await get('/api/v1/knowledge/reports/deflection', admin)).json();
    expect(deflection.searches).toBeGreaterThan(0);
  });
});

describe('bad input', () => {
  it('answers an empty query with no results, not an error', async () => {
    expect((await suggest({ text: '   ' })).hits).toEqual([]);
    const res = await get('/api/v1/knowledge/search?q=');
    expect(res.statusCode).toBe(200);
    expect(res.json().hits).toEqual([]);
  });

  it('refuses an enormous query with a 400 that says why', async () => {
    const res = await get(`/api/v1/knowledge/search?q=${'a'.repeat(3000)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation.failed');
  });

  it('treats SQL and HTML in queries as words', async () => {
    for (const q of [
      "'; drop table kb_articles; --",
      '<script>alert(1)</script> maleta',
      '%_\\ \u0000 ::',
      '!!!',
    ]) {
      const res = await get(`/api/v1/knowledge/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
    }
    const page = await inject({
      method: 'GET',
      url: `/help/${ws.slug}/es/search?q=${encodeURIComponent('<script>alert(1)</script> maleta')}`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<script>');
    expect(page.body).toContain('&lt;script&gt;');
  });

  it('refuses unknown fields and a missing suggestion text', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/knowledge/suggest',
      headers: agent.headers,
      payload: {},
    });
    expect(res.statusCode).toBe(400);
    const extra = await inject({
      method: 'POST',
      url: '/api/v1/knowledge/articles',
      headers: admin.headers,
      payload: { language: 'es', title: 'x', body: 'y', sneaky: 1 },
    });
    expect(extra.statusCode).toBe(400);
  });
});

describe('help center', () => {
  it('serves a home page, categories, search and articles as HTML without scripts', async () => {
    const home = await inject({ method: 'GET', url: `/help/${ws.slug}/es` });
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-type']).toContain('text/html');
    expect(home.headers['content-security-policy']).toContain("default-src 'none'");
    expect(home.body).toContain('Equipaje');
    expect(home.body).not.toContain('<script');
    const category = await inject({ method: 'GET', url: `/help/${ws.slug}/es/categories?c=Equipaje` });
    expect(category.body).toContain('¿Cuánto equipaje puedo llevar?');
    const results = await inject({ method: 'GET', url: `/help/${ws.slug}/en/search?q=wash+flannel` });
    expect(results.body).toContain('<mark>');
    expect(results.body).toContain('<mark>flannel</mark> sheets?');
    expect(results.body).not.toContain('Refund exceptions');
  });

  it('records a helpful vote with the query and shows the way to contact', async () => {
    const { hits } = await suggest({ text: 'lavar sábanas de franela' });
    const id = hits[0]!.id;
    const page = await inject({ method: 'GET', url: `/help/${ws.slug}/es/articles/${id}?q=lavar` });
    expect(page.body).toContain('¿Le sirvió este artículo?');
    expect(page.body).toContain('/contact');
    const vote = await inject({
      method: 'POST',
      url: `/help/${ws.slug}/es/articles/${id}/feedback`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'helpful=yes&q=lavar+franela',
    });
    expect(vote.statusCode).toBe(303);
    const contact = await inject({ method: 'GET', url: `/help/${ws.slug}/es/contact?q=lavar&article=${id}` });
    expect(contact.body).toContain(`/widget/contact?workspace=${ws.slug}&amp;lang=es&amp;mode=callback`);
    const deflection = (await get('/api/v1/knowledge/reports/deflection', admin)).json();
    expect(deflection.helpful).toBeGreaterThan(0);
    expect(deflection.contacts).toBeGreaterThan(0);
  });

  it('answers 404 pages for unknown workspaces and articles, and for internal articles', async () => {
    expect((await inject({ method: 'GET', url: '/help/nadie/es' })).statusCode).toBe(404);
    expect((await inject({ method: 'GET', url: `/help/${ws.slug}/es/articles/not-an-id` })).statusCode).toBe(
      404,
    );
    const internal = (await suggest({ text: 'excepciones de reembolso por hospitalización' })).hits[0]!;
    expect(
      (await inject({ method: 'GET', url: `/help/${ws.slug}/es/articles/${internal.id}` })).statusCode,
    ).toBe(404);
  });

  it('offers the widget a public search of public articles only', async () => {
    const res = await inject({
      method: 'GET',
      url: `/api/v1/public/knowledge/${ws.slug}/search?q=reembolso&language=es`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.hits.length).toBeGreaterThan(0);
    expect(body.hits.map((h: { title: string }) => h.title)).not.toContain(
      'Excepciones de reembolso que puede aprobar un asesor',
    );
    expect(body.hits[0].url).toMatch(new RegExp(`^/help/${ws.slug}/es/articles/`));
    expect(
      (await inject({ method: 'GET', url: '/api/v1/public/knowledge/nadie/search?q=x' })).statusCode,
    ).toBe(404);
  });

  it('gives the widget a whole public article as safe HTML, and takes its "was this helpful?"', async () => {
    const search = await inject({
      method: 'GET',
      url: `/api/v1/public/knowledge/${ws.slug}/search?q=reembolso&language=es`,
    });
    const hit = search.json().hits[0] as { id: string; title: string };
    const res = await inject({
      method: 'GET',
      url: `/api/v1/public/knowledge/${ws.slug}/articles/${hit.id}?q=reembolso`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const article = res.json();
    expect(article).toMatchObject({ id: hit.id, title: hit.title, language: 'es' });
    expect(article.html).toMatch(/<p>/);
    expect(article.html).not.toMatch(/<script|onerror=|javascript:/i);
    expect(article.url).toBe(`/help/${ws.slug}/es/articles/${hit.id}`);
    const before = (await get('/api/v1/knowledge/reports/deflection', admin)).json();
    const vote = await inject({
      method: 'POST',
      url: `/api/v1/public/knowledge/${ws.slug}/articles/${hit.id}/feedback`,
      payload: { helpful: false, q: 'reembolso' },
    });
    expect(vote.statusCode, vote.body).toBe(204);
    const after = (await get('/api/v1/knowledge/reports/deflection', admin)).json();
    expect(after.notHelpful).toBe(before.notHelpful + 1);

    const internal = (await suggest({ text: 'excepciones de reembolso por hospitalización' })).hits[0]!;
    for (const url of [
      `/api/v1/public/knowledge/${ws.slug}/articles/${internal.id}`,
      `/api/v1/public/knowledge/${ws.slug}/articles/not-an-id`,
      `/api/v1/public/knowledge/nadie/articles/${hit.id}`,
    ])
      expect((await inject({ method: 'GET', url })).statusCode, url).toBe(404);
    const bad = await inject({
      method: 'POST',
      url: `/api/v1/public/knowledge/${ws.slug}/articles/${hit.id}/feedback`,
      payload: { helpful: 'maybe' },
    });
    expect(bad.statusCode).toBe(400);
  });
});
