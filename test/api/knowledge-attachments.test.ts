/** Article files: upload with type and size checks, download, the help center, permissions and isolation. */
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../src/lib/files.ts';
import { createWorkspace, login, startTestApp } from '../support/app.ts';

const app = await startTestApp();
const ws = await createWorkspace(app);
const other = await createWorkspace(app);
const admin = await login(app, ws.email('admin'));
const agent = await login(app, ws.email('agent'));
const outsider = await login(app, other.email('admin'));
const inject = app.app.inject.bind(app.app);

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2dd5f2b0000000049454e44ae426082',
  'hex',
);

async function article(status: 'draft' | 'published', visibility = 'public') {
  const res = await inject({
    method: 'POST',
    url: '/api/v1/knowledge/articles',
    headers: admin.headers,
    payload: {
      language: 'es',
      title: '¿Dónde queda la oficina?',
      body: 'Calle 36 # 27-52.',
      status,
      visibility,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

const upload = (articleId: string, fileName: string, payload: Buffer, session = admin, type = 'image/png') =>
  inject({
    method: 'POST',
    url: `/api/v1/knowledge/articles/${articleId}/attachments?fileName=${encodeURIComponent(fileName)}`,
    headers: { ...session.headers, 'content-type': type },
    payload,
  });

describe('article attachments', () => {
  it('stores an image by what its bytes are, lists it and serves it so it cannot run', async () => {
    const id = await article('draft');
    const up = await upload(id, '../../plano oficina.png', PNG, admin, 'application/octet-stream');
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json() as {
      id: string;
      fileName: string;
      contentType: string;
      size: number;
      url: string;
    };
    expect(file).toMatchObject({ fileName: 'plano oficina.png', contentType: 'image/png', size: PNG.length });
    const list = await inject({
      method: 'GET',
      url: `/api/v1/knowledge/articles/${id}/attachments`,
      headers: admin.headers,
    });
    expect(list.json().items.map((f: { id: string }) => f.id)).toEqual([file.id]);
    const down = await inject({ method: 'GET', url: file.url, headers: admin.headers });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(PNG)).toBe(true);
    expect(down.headers['content-type']).toBe('image/png');
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(String(down.headers['content-security-policy'])).toContain('sandbox');
  });

  it('refuses files that are not an accepted type, empty or too large, and unknown articles', async () => {
    const id = await article('draft');
    const html = await upload(id, 'x.png', Buffer.from('<html><script>alert(1)</script>\u0001'));
    expect(html.statusCode).toBe(415);
    expect(html.json().error.message).toMatch(/images|PDF/);
    expect((await upload(id, 'vacío.txt', Buffer.alloc(0), admin, 'text/plain')).statusCode).toBe(415);
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    expect((await upload(id, 'grande.png', big)).statusCode).toBe(413);
    expect((await upload(id, '', PNG)).statusCode).toBe(400);
    const unknown = await upload('0193a0a0-0000-7000-8000-000000000000', 'x.png', PNG);
    expect(unknown.statusCode).toBe(404);
    expect((await upload('not-a-uuid', 'x.png', PNG)).statusCode).toBe(400);
  });

  it('lets only editors upload and remove; agents read files of published articles only', async () => {
    const draft = await article('draft');
    const published = await article('published');
    expect((await upload(published, 'x.png', PNG, agent)).statusCode).toBe(403);
    const onDraft = (await upload(draft, 'a.png', PNG)).json() as { id: string; url: string };
    const onPublished = (await upload(published, 'b.png', PNG)).json() as { id: string; url: string };
    const get = (url: string, session = agent) => inject({ method: 'GET', url, headers: session.headers });
    expect((await get(onDraft.url)).statusCode).toBe(404);
    expect((await get(onPublished.url)).statusCode).toBe(200);
    expect((await get(`/api/v1/knowledge/articles/${draft}/attachments`)).statusCode).toBe(404);
    const remove = (session = admin) =>
      inject({
        method: 'DELETE',
        url: `/api/v1/knowledge/articles/${published}/attachments/${onPublished.id}`,
        headers: session.headers,
      });
    expect((await remove(agent)).statusCode).toBe(403);
    expect((await remove()).statusCode).toBe(204);
    expect((await remove()).statusCode).toBe(404);
    expect((await get(onPublished.url, admin)).statusCode).toBe(404);
  });

  it('keeps workspaces apart', async () => {
    const id = await article('published');
    const file = (await upload(id, 'a.png', PNG)).json() as { id: string; url: string };
    expect((await inject({ method: 'GET', url: file.url, headers: outsider.headers })).statusCode).toBe(404);
    expect((await upload(id, 'b.png', PNG, outsider)).statusCode).toBe(404);
    const help = await inject({ method: 'GET', url: `/help/${other.slug}/files/${file.id}` });
    expect(help.statusCode).toBe(404);
  });

  it('shows public articles’ files in the help center and serves them there, and no others', async () => {
    const pub = await article('published');
    const internal = await article('published', 'agents');
    const draft = await article('draft');
    const files = await Promise.all(
      [pub, internal, draft].map(async (id) => (await upload(id, 'plano.png', PNG)).json() as { id: string }),
    );
    const page = await inject({ method: 'GET', url: `/help/${ws.slug}/es/articles/${pub}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Archivos adjuntos');
    expect(page.body).toContain(`/help/${ws.slug}/files/${files[0]!.id}`);
    const served = await inject({ method: 'GET', url: `/help/${ws.slug}/files/${files[0]!.id}` });
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(PNG)).toBe(true);
    for (const f of files.slice(1))
      expect((await inject({ method: 'GET', url: `/help/${ws.slug}/files/${f.id}` })).statusCode).toBe(404);
    expect((await inject({ method: 'GET', url: `/help/${ws.slug}/files/nope` })).statusCode).toBe(404);
  });
});
