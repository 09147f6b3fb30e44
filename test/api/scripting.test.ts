/** Scripting over HTTP: designing, publishing, selecting and running scripts; invoices; promotions; offers. */
import { describe, expect, it } from 'vitest';
import { BOOKING_CHANGE } from '../../src/modules/scripting/demo-scripts.ts';
import { apiCaller, createWorkspace, login, startTestApp } from '../support/app.ts';

const app = await startTestApp();
const ws = await createWorkspace(app);
const admin = await login(app, ws.email('admin'));
const agent = await login(app, ws.email('agent'));
const inject = app.app.inject.bind(app.app);
const api = apiCaller(app, admin);

const customer = (
  await api('POST', '/customers', admin, { name: 'Ana Pérez', email: 'ana@example.com' })
).json();

describe('designing scripts', () => {
  it('refuses a broken graph, saying which step', async () => {
    const res = await api('POST', '/scripting/scripts', admin, {
      name: 'Roto',
      definition: {
        start: 'a',
        variables: [],
        steps: [
          { id: 'a', type: 'say', text: 'Hola {{customer.edad}}', next: 'z' },
          { id: 'z', type: 'end', outcome: 'ok' },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'scripting.invalid_script',
      message: 'Step "a" reads "customer.edad", which does not exist',
      details: [{ stepId: 'a', code: 'unknown_field' }],
    });
  });

  it('refuses an unknown step type with a validation error, never a 500', async () => {
    const res = await api('POST', '/scripting/validate', admin, {
      definition: { start: 'a', variables: [], steps: [{ id: 'a', type: 'dance', next: 'a' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation.failed');
  });

  it('lets agents run scripts but not design them', async () => {
    expect((await api('GET', '/scripting/scripts', agent)).statusCode).toBe(403);
  });
});

const interaction = (
  await api('POST', '/interactions', admin, {
    channel: 'voice',
    direction: 'inbound',
    customerId: customer.id,
    subject: 'Cambio de vuelo',
    attributes: { reason: 'cambio_reserva' },
  })
).json();

describe('a booking change, end to end', () => {
  let scriptId = '';
  let runId = '';

  it('creates, versions and publishes', async () => {
    const created = await api('POST', '/scripting/scripts', admin, {
      name: 'Cambio',
      definition: BOOKING_CHANGE,
    });
    expect(created.statusCode).toBe(201);
    scriptId = created.json().id;
    expect(created.json()).toMatchObject({ version: 1, liveVersion: null });
    const v2 = await api('POST', `/scripting/scripts/${scriptId}/versions`, admin, {
      definition: BOOKING_CHANGE,
    });
    expect(v2.json()).toMatchObject({ version: 2, latestVersion: 2 });
    const published = await api('POST', `/scripting/scripts/${scriptId}/publish`, admin, { version: 2 });
    expect(published.json()).toMatchObject({ liveVersion: 2 });
    expect(
      (await api('POST', `/scripting/scripts/${scriptId}/publish`, admin, { version: 9 })).statusCode,
    ).toBe(404);
  });

  it('selection rules choose the script, tested against a sample customer', async () => {
    expect(
      (await api('POST', `/scripting/interactions/${interaction.id}/run`, agent, {})).json().error.code,
    ).toBe('scripting.no_script');
    const rule = await api('POST', '/scripting/rules', admin, {
      priority: 10,
      scriptId,
      reason: 'cambio_reserva',
    });
    expect(rule.statusCode).toBe(201);
    const test = await api('POST', '/scripting/rules/test', admin, {
      customerId: customer.id,
      reason: 'cambio_reserva',
    });
    expect(test.json()).toMatchObject({ ruleId: rule.json().id, script: { id: scriptId, version: 2 } });
    expect((await api('POST', '/scripting/rules/test', admin, { reason: 'queja' })).json().script).toBeNull();
  });

  it('previews against a customer without recording anything', async () => {
    const res = await api('POST', `/scripting/scripts/${scriptId}/preview`, admin, {
      customerId: customer.id,
      answers: [{ stepId: 'saludo', value: null }],
    });
    expect(res.json().evaluation).toMatchObject({ status: 'waiting', step: { id: 'que', type: 'ask' } });
    expect(res.json().evaluation.step.variable.options).toEqual(['fecha', 'destino', 'pasajero']);
  });

  it('runs one step at a time, goes back, refuses a wrong answer and records the path', async () => {
    const started = await api('POST', `/scripting/interactions/${interaction.id}/run`, agent, {});
    expect(started.statusCode).toBe(200);
    runId = started.json().id;
    expect(started.json().current.step).toMatchObject({
      id: 'saludo',
      text: expect.stringContaining('Ana Pérez'),
    });
    const answer = (stepId: string, value: unknown) =>
      api('POST', `/scripting/runs/${runId}/answers`, agent, { stepId, value });
    expect((await answer('saludo', null)).json().current.step.id).toBe('que');
    const wrong = await answer('que', 'hotel');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({
      code: 'scripting.bad_answer',
      message: expect.stringContaining('"que"'),
    });
    expect((await answer('que', 'destino')).json().current.step.id).toBe('tiquete');
    expect((await api('POST', `/scripting/runs/${runId}/back`, agent)).json().current.step.id).toBe('que');
    await answer('que', 'fecha');
    const atEnd = await answer('tiquete', false);
    expect(atEnd.json().current.step.id).toBe('cambiar');
    const done = await answer('cambiar', null);
    expect(done.json().current).toMatchObject({ status: 'ended', outcome: 'resuelto' });
    expect(done.json().current.path).toEqual([
      'saludo',
      'que',
      'tiquete',
      'deuda',
      'valor',
      'cambiar',
      'marca_cambio',
      'fin',
    ]);
    expect((await answer('fin', null)).statusCode).toBe(409);
  });

  it('the interaction has the disposition and the customer timeline shows the path', async () => {
    const i = (await api('GET', `/interactions/${interaction.id}`, agent)).json();
    expect(i.disposition).toBe('reserva_cambiada');
    const timeline = (await api('GET', `/customers/${customer.id}/timeline`, agent)).json();
    const entry = timeline.items.find((e: { kind: string }) => e.kind === 'script');
    expect(entry).toMatchObject({ summary: 'Cambio: resuelto', refId: runId });
    expect(entry.payload.path).toContain('marca_cambio');
    const report = (await api('GET', `/scripting/scripts/${scriptId}/report`, admin)).json();
    expect(report).toMatchObject({ scriptName: 'Cambio', runs: 1, finished: 1 });
  });
});

describe('invoices', () => {
  const header = 'number,customer,issued_on,due_on,amount,currency,paid';
  const csv = (body: string) =>
    inject({
      method: 'POST',
      url: '/api/v1/scripting/invoice-imports',
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      payload: `${header}\n${body}`,
    });

  it('refuses a file with a wrong amount or currency, saying where, and writes nothing', async () => {
    const res = await csv(
      'F-1,ana@example.com,2026-01-02,2026-01-20,100000,COP,0\nF-2,ana@example.com,2026-01-02,2026-01-20,1.000,50,PESOS,0\n',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/^Line 3, column (amount|currency)/);
    expect((await api('GET', `/scripting/customers/${customer.id}/invoices`, admin)).json().invoices).toEqual(
      [],
    );
  });

  it('imports a good file; overdue invoices show in the balance', async () => {
    const res = await csv(
      `F-1,ana@example.com,2025-11-02,2025-12-01,100000,COP,0\nF-2,${customer.id},2026-01-02,2099-01-01,50000.50,COP,0\n`,
    );
    expect(res.json()).toEqual({ imported: 2 });
    const balance = (await api('GET', `/scripting/customers/${customer.id}/invoices`, admin)).json();
    expect(balance).toMatchObject({
      openCount: 2,
      overdueCount: 1,
      balances: [{ currency: 'COP', open: 150000.5, overdue: 100000 }],
    });
    expect(
      (await csv('F-9,nadie@example.com,2026-01-02,2026-01-20,10,COP,0\n')).json().error.message,
    ).toMatch(/Line 2, column customer/);
  });
});

describe('promotions and offers', () => {
  it('refuses promotions with inverted dates or unknown products', async () => {
    await api('PUT', '/scripting/products/seguro_viaje', admin, { name: 'Seguro de viaje' });
    const base = {
      code: 'P1',
      name: 'Promo',
      product: 'seguro_viaje',
      validFrom: '2026-02-01T00:00:00Z',
      validTo: '2026-01-01T00:00:00Z',
    };
    expect((await api('POST', '/scripting/promotions', admin, base)).json().error.code).toBe(
      'scripting.inverted_dates',
    );
    expect(
      (
        await api('POST', '/scripting/promotions', admin, {
          ...base,
          product: 'yate',
          validTo: '2026-03-01T00:00:00Z',
        })
      ).json().error.code,
    ).toBe('scripting.unknown_product');
  });

  it('offers with reasons from the demo histories; declines lower the score, accepts make leads', async () => {
    const demo = await createWorkspace(app);
    const demoAdmin = await login(app, demo.email('admin'));
    await app.services.customers.seedDemo(demo.id, () => {}, { people: 1200 });
    await app.services.scripting.seedDemo(demo.id);
    const customers = await app.services.customers.sample(demo.id, 1300);
    let found: {
      id: string;
      offers: {
        product: string;
        score: number;
        reason: string;
        because: string | null;
        why: { kind: string; percent: number; becauseName: string | null };
      }[];
    } | null = null;
    for (const c of customers) {
      const o = (await api('GET', `/scripting/customers/${c.id}/offers`, demoAdmin)).json();
      if (o.offers.some((x: { because: string | null }) => x.because === 'tiquete_aereo')) {
        found = { id: c.id, offers: o.offers };
        break;
      }
    }
    expect(found).not.toBeNull();
    const offer = found!.offers.find((o) => o.because === 'tiquete_aereo')!;
    expect(offer.reason).toMatch(/^Bought Tiquete aéreo; \d+ % of customers who did also bought /);
    expect(offer.why).toEqual({
      kind: 'affinity',
      percent: expect.any(Number),
      becauseName: 'Tiquete aéreo',
    });
    expect(offer.reason).toContain(`${offer.why.percent} %`);
    const declined = await api('POST', '/scripting/offer-responses', demoAdmin, {
      customerId: found!.id,
      product: offer.product,
      response: 'declined',
    });
    expect(declined.statusCode).toBe(201);
    const after = (await api('GET', `/scripting/customers/${found!.id}/offers?limit=10`, demoAdmin)).json();
    expect(after.offers.find((o: { product: string }) => o.product === offer.product).score).toBeLessThan(
      offer.score,
    );
    await api('POST', '/scripting/offer-responses', demoAdmin, {
      customerId: found!.id,
      product: offer.product,
      response: 'accepted',
    });
    const leads = (await api('GET', '/scripting/leads', demoAdmin)).json();
    expect(leads.items[0]).toMatchObject({
      customerId: found!.id,
      product: offer.product,
      response: 'accepted',
    });
    const scripts = (await api('GET', '/scripting/scripts', demoAdmin)).json().items;
    expect(scripts.map((s: { name: string }) => s.name).sort()).toEqual([
      'Cambio de reserva',
      'Cancelación con retención',
      'Queja',
      'Telemercadeo: seguro de viaje',
    ]);
    expect(scripts.every((s: { liveVersion: number }) => s.liveVersion === 1)).toBe(true);
  }, 120_000); // seeds 1,200 demo customers with their histories
});
