/**
 * What a finished script run does for real: a follow-up task becomes a `task` interaction in the contact's
 * queue, and a templated e-mail is filled in from the run and delivered through the workspace's mailbox to
 * a real SMTP server (smtp-server in this process), stored as an outbound conversation. Also the e-mail
 * templates' own validation, and the selection cache following every write at once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startSink } from '../mail/sink.ts';
import { apiCaller, createWorkspace, login, startTestApp } from '../support/app.ts';

const app = await startTestApp({ env: { ATIENDE_SECRET: 'scripting-effects-secret-of-32-chars-or-more' } });
const ws = await createWorkspace(app);
const admin = await login(app, ws.email('admin'));
const agent = await login(app, ws.email('agent'));
const sink = await startSink();
afterAll(() => sink.close());

const api = apiCaller(app, admin);
interface FollowUp {
  stepId: string;
  kind: string;
  status: string;
  interactionId: string;
  detail: string | null;
}
/** The fields these tests read of the answers they get. */
interface Body {
  id: string;
  followUps: FollowUp[];
  current: unknown;
  items: { id: string }[];
  messages: unknown[];
  script: { id: string; version: number } | null;
}
const ok = async (res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as Body;
};

await ok(
  api('PUT', '/routing/queues/posventa', admin, {
    name: 'Posventa',
    targets: { email: { percent: 80, seconds: 3600 } },
    policy: {},
  }),
);
await ok(
  api('POST', '/email/mailboxes', admin, {
    name: 'Servicio',
    address: 'servicio@servicenter.test',
    queueId: 'posventa',
    smtp: { host: '127.0.0.1', port: sink.port, secure: false, user: 'servicio', password: 'smtp-pass-123' },
  }),
  201,
);

const definition = {
  start: 'saludo',
  variables: [{ name: 'destino', type: 'text' }],
  steps: [
    {
      id: 'saludo',
      type: 'ask',
      question: '¿A dónde viaja, {{customer.name}}?',
      variable: 'destino',
      next: 'tarea',
    },
    {
      id: 'tarea',
      type: 'action',
      action: { kind: 'create_task', title: 'Llamar por el viaje' },
      next: 'correo',
    },
    { id: 'correo', type: 'action', action: { kind: 'send_email', template: 'resumen' }, next: 'fin' },
    { id: 'fin', type: 'end', outcome: 'resuelto' },
  ],
};

async function customerWith(email: string | null, name = 'Ana Pérez') {
  return ok(api('POST', '/customers', admin, { name, ...(email ? { email } : {}) }), 201);
}

async function runToEnd(customerId: string, scriptId: string) {
  const interaction = await ok(
    api('POST', '/interactions', admin, {
      channel: 'voice',
      direction: 'inbound',
      customerId,
      queueId: 'posventa',
    }),
    201,
  );
  const run = await ok(api('POST', `/scripting/interactions/${interaction.id}/run`, agent, { scriptId }));
  return ok(api('POST', `/scripting/runs/${run.id}/answers`, agent, { stepId: 'saludo', value: 'San Gil' }));
}

describe('e-mail templates', () => {
  it('refuses a placeholder no script can fill, naming the field', async () => {
    const res = await api('PUT', '/scripting/email-templates/resumen', admin, {
      name: 'Resumen',
      subject: 'Hola {{customer.edad}}',
      body: 'Cuerpo',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'scripting.unknown_placeholder',
      details: [{ path: '/subject' }],
    });
    const badKey = await api('PUT', '/scripting/email-templates/Mala%20Clave', admin, {
      name: 'x',
      subject: 'x',
      body: 'x',
    });
    expect(badKey.statusCode).toBe(400);
    expect(
      (await api('PUT', '/scripting/email-templates/x', agent, { name: 'x', subject: 'x', body: 'x' }))
        .statusCode,
    ).toBe(403);
  });

  it('refuses a script that sends a template that does not exist', async () => {
    const steps = definition.steps.map((step) =>
      step.id === 'correo' ? { ...step, action: { kind: 'send_email', template: 'inexistente' } } : step,
    );
    const res = await api('POST', '/scripting/validate', admin, { definition: { ...definition, steps } });
    expect(res.statusCode).toBe(200);
    expect(res.json().problems).toEqual([
      expect.objectContaining({ stepId: 'correo', code: 'unknown_template' }),
    ]);
  });
});

describe('a finished run', async () => {
  await ok(
    api('PUT', '/scripting/email-templates/resumen', admin, {
      name: 'Resumen de la llamada',
      subject: 'Su viaje a {{var.destino}}',
      body: 'Hola {{customer.name}}: quedó anotado su viaje a {{var.destino}}. {{agent.name}}',
    }),
  );
  const script = await ok(api('POST', '/scripting/scripts', admin, { name: 'Posventa', definition }), 201);
  await ok(api('POST', `/scripting/scripts/${script.id}/publish`, admin, { version: 1 }));

  it('creates the follow-up task and sends the e-mail through the mailbox, once', async () => {
    const ana = await customerWith('ana.viajera@example.com');
    const run = await runToEnd(ana.id, script.id);
    expect(run.current).toMatchObject({ status: 'ended', outcome: 'resuelto' });
    const [task, email] = run.followUps;
    expect(task).toMatchObject({ kind: 'create_task', status: 'done' });
    expect(email).toMatchObject({ kind: 'send_email', status: 'done', detail: 'ana.viajera@example.com' });

    const taskInteraction = await ok(api('GET', `/interactions/${task!.interactionId}`));
    expect(taskInteraction).toMatchObject({
      channel: 'task',
      customerId: ana.id,
      subject: 'Llamar por el viaje',
      queueId: 'posventa',
      state: 'queued',
    });

    const delivered = sink.received.filter((m) => m.to.includes('ana.viajera@example.com'));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.raw).toContain('Su viaje a San Gil');
    expect(delivered[0]!.raw).toContain('Hola Ana P=C3=A9rez: qued=C3=B3 anotado su viaje a San Gil.');
    const conversation = await ok(
      api('GET', `/email/interactions/${email!.interactionId}/conversation`, agent),
    );
    expect(conversation.messages).toEqual([
      expect.objectContaining({ direction: 'outbound', to: ['ana.viajera@example.com'] }),
    ]);
    const sent = await ok(api('GET', `/interactions/${email!.interactionId}`));
    expect(sent).toMatchObject({
      channel: 'email',
      direction: 'outbound',
      state: 'closed',
      customerId: ana.id,
    });

    // A retry does nothing twice.
    const again = await ok(api('POST', `/scripting/runs/${run.id}/follow-ups`, agent));
    expect(again.followUps).toEqual(run.followUps);
    expect(sink.received.filter((m) => m.to.includes('ana.viajera@example.com'))).toHaveLength(1);
  });

  it('skips the e-mail of a customer without an address, and says why', async () => {
    const luis = await customerWith(null, 'Luis Mora');
    const run = await runToEnd(luis.id, script.id);
    expect(run.followUps).toEqual([
      expect.objectContaining({ kind: 'create_task', status: 'done' }),
      expect.objectContaining({
        kind: 'send_email',
        status: 'skipped',
        detail: 'The customer has no e-mail address',
      }),
    ]);
  });

  it('records a failed e-mail and sends it on retry once the server answers', async () => {
    const box = (await ok(api('GET', '/email/mailboxes'))).items;
    const down = { host: '127.0.0.1', port: 1, secure: false, user: 'servicio', password: 'smtp-pass-123' };
    const up = { ...down, port: sink.port };
    const change = (smtp: typeof down) =>
      ok(
        api('PUT', `/email/mailboxes/${box[0]!.id}`, admin, {
          name: 'Servicio',
          address: 'servicio@servicenter.test',
          queueId: 'posventa',
          smtp,
        }),
      );
    await change(down);
    const eva = await customerWith('eva@example.com', 'Eva Ruiz');
    const run = await runToEnd(eva.id, script.id);
    const failed = run.followUps.find((f) => f.kind === 'send_email');
    expect(failed).toMatchObject({ status: 'failed' });
    await change(up);
    const retried = await ok(api('POST', `/scripting/runs/${run.id}/follow-ups`, agent));
    expect(retried.followUps).toContainEqual(
      expect.objectContaining({ kind: 'send_email', status: 'done', detail: 'eva@example.com' }),
    );
    expect(sink.received.filter((m) => m.to.includes('eva@example.com'))).toHaveLength(1);
    // The task was made once, though the effects ran twice.
    const task = (r: Body) => r.followUps.find((f) => f.kind === 'create_task')!.interactionId;
    expect(task(retried)).toBe(task(run));
  });

  it('refuses to retry a run that has not ended', async () => {
    const ana = await customerWith('otra@example.com', 'Otra');
    const interaction = await ok(
      api('POST', '/interactions', admin, { channel: 'voice', direction: 'inbound', customerId: ana.id }),
      201,
    );
    const run = await ok(
      api('POST', `/scripting/interactions/${interaction.id}/run`, agent, { scriptId: script.id }),
    );
    const res = await api('POST', `/scripting/runs/${run.id}/follow-ups`, agent);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('scripting.run_not_finished');
  });
});

describe('choosing a script', () => {
  it('follows a new rule, a publish and a removed rule at once, despite the cache', async () => {
    const simple = {
      start: 'a',
      variables: [],
      steps: [
        { id: 'a', type: 'say', text: 'Hola', next: 'z' },
        { id: 'z', type: 'end', outcome: 'ok' },
      ],
    };
    const script = await ok(
      api('POST', '/scripting/scripts', admin, { name: 'Cache', definition: simple }),
      201,
    );
    const facts = { reason: 'cache_test' };
    const chosen = async () => (await ok(api('POST', '/scripting/rules/test', admin, facts))).script;
    const rule = await ok(
      api('POST', '/scripting/rules', admin, { priority: 1, scriptId: script.id, ...facts }),
      201,
    );
    expect(await chosen()).toBeNull(); // not published yet
    await ok(api('POST', `/scripting/scripts/${script.id}/publish`, admin, { version: 1 }));
    expect(await chosen()).toMatchObject({ id: script.id, version: 1 });
    await ok(api('POST', `/scripting/scripts/${script.id}/versions`, admin, { definition: simple }), 201);
    await ok(api('POST', `/scripting/scripts/${script.id}/publish`, admin, { version: 2 }));
    expect(await chosen()).toMatchObject({ version: 2 });
    expect((await api('DELETE', `/scripting/rules/${rule.id}`)).statusCode).toBe(204);
    expect(await chosen()).toBeNull();
  });
});
