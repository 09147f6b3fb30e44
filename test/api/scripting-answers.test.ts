/** Knowledge answers embedded in script steps: checked at publishing, shown current in the runner. */
import { describe, expect, it } from 'vitest';
import { apiCaller, createWorkspace, login, startTestApp } from '../support/app.ts';

const app = await startTestApp();
const ws = await createWorkspace(app);
const admin = await login(app, ws.email('admin'));
const agent = await login(app, ws.email('agent'));
const api = apiCaller(app, admin);
const patch = (url: string, payload: object) =>
  app.app.inject({ method: 'PATCH', url: `/api/v1${url}`, headers: admin.headers, payload });

const customer = (await api('POST', '/customers', admin, { name: 'Luis Gómez' })).json();

const article = async (title: string, body: string, status: 'draft' | 'published') =>
  (
    await api('POST', '/knowledge/articles', admin, {
      language: 'es',
      title,
      body,
      status,
      visibility: 'agents',
    })
  ).json() as { id: string };

const lost = await article(
  'Maleta perdida',
  'Repórtela **antes de salir** del aeropuerto.\n\nLuego envíenos el número del reporte.',
  'published',
);
const draft = await article('Borrador', 'Aún no revisado.', 'draft');

const script = (answerId: string | null, name: string) => ({
  name,
  definition: {
    start: 'respuesta',
    variables: [],
    steps: [
      { id: 'respuesta', type: 'answer', answerId, title: 'Guardado', text: 'Texto guardado', next: 'fin' },
      { id: 'fin', type: 'end', outcome: 'ok' },
    ],
  },
});

const create = async (answerId: string | null, name: string) => {
  const res = await api('POST', '/scripting/scripts', admin, script(answerId, name));
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
};

describe('the designer picks an article', () => {
  it("gives a published article's title and body as plain text", async () => {
    const res = await api('GET', `/scripting/answers/${lost.id}`, admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      answerId: lost.id,
      title: 'Maleta perdida',
      text: 'Repórtela antes de salir del aeropuerto.\n\nLuego envíenos el número del reporte.',
      language: 'es',
    });
  });

  it('refuses a draft, an unknown article and a malformed id, never a 500', async () => {
    const notPublished = await api('GET', `/scripting/answers/${draft.id}`, admin);
    expect(notPublished.statusCode).toBe(409);
    expect(notPublished.json().error.code).toBe('scripting.answer_not_published');
    const unknown = await api('GET', '/scripting/answers/0190a000-0000-7000-8000-000000000000', admin);
    expect(unknown.statusCode).toBe(404);
    expect((await api('GET', '/scripting/answers/nope', admin)).statusCode).toBe(400);
    expect((await api('GET', `/scripting/answers/${lost.id}`, agent)).statusCode).toBe(403);
  });
});

describe('publishing', () => {
  it('refuses an answer step whose article does not exist, naming the step', async () => {
    for (const answerId of ['0190a000-0000-7000-8000-000000000000', 'no-es-un-id']) {
      const id = await create(answerId, `Inexistente ${answerId}`);
      const res = await api('POST', `/scripting/scripts/${id}/publish`, admin, { version: 1 });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'scripting.invalid_script',
        message: `Step "respuesta" embeds the knowledge article "${answerId}", which does not exist`,
        details: [{ stepId: 'respuesta', code: 'unknown_answer' }],
      });
    }
  });

  it('refuses an article that is not published, and publishes once it is', async () => {
    const id = await create(draft.id, 'Con borrador');
    const res = await api('POST', `/scripting/scripts/${id}/publish`, admin, { version: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(
      `Step "respuesta" embeds the knowledge article "${draft.id}", which is draft, not published`,
    );
    expect((await api('POST', `/knowledge/articles/${draft.id}/publish`, admin)).statusCode).toBe(200);
    expect((await api('POST', `/scripting/scripts/${id}/publish`, admin, { version: 1 })).statusCode).toBe(
      200,
    );
  });
});

describe('the runner', () => {
  let scriptId = '';
  const run = async (subject: string) => {
    const i = (
      await api('POST', '/interactions', admin, {
        channel: 'voice',
        direction: 'inbound',
        customerId: customer.id,
        subject,
      })
    ).json();
    const res = await api('POST', `/scripting/interactions/${i.id}/run`, agent, { scriptId });
    expect(res.statusCode).toBe(200);
    return res.json().current.step as { title: string; text: string };
  };

  it("shows the article's current answer, the same on every contact", async () => {
    scriptId = await create(lost.id, 'Equipaje');
    await api('POST', `/scripting/scripts/${scriptId}/publish`, admin, { version: 1 });
    const first = await run('Maleta 1');
    expect(first).toMatchObject({ title: 'Maleta perdida', text: expect.stringContaining('antes de salir') });
    expect(await run('Maleta 2')).toEqual(first);
  });

  it('shows the edited answer once the article changes, without a new script version', async () => {
    const edited = await patch(`/knowledge/articles/${lost.id}`, {
      body: 'Repórtela en el mostrador de la aerolínea y pida el PIR.',
    });
    expect(edited.statusCode).toBe(200);
    expect(await run('Maleta 3')).toMatchObject({
      title: 'Maleta perdida',
      text: 'Repórtela en el mostrador de la aerolínea y pida el PIR.',
    });
    const preview = await api('POST', `/scripting/scripts/${scriptId}/preview`, admin, {
      customerId: customer.id,
    });
    expect(preview.json().evaluation.step.text).toBe(
      'Repórtela en el mostrador de la aerolínea y pida el PIR.',
    );
  });

  it('falls back to the stored text when the article is archived', async () => {
    expect((await api('POST', `/knowledge/articles/${lost.id}/archive`, admin)).statusCode).toBe(200);
    expect(await run('Maleta 4')).toMatchObject({ title: 'Guardado', text: 'Texto guardado' });
  });
});
