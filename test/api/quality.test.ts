import { describe, expect, it } from 'vitest';
import { staffWorkspace } from '../support/app.ts';

const { admin, agent, supervisor, call } = await staffWorkspace();

const CARD = {
  name: 'Chat de ventas',
  description: 'Atención por chat',
  definition: {
    sections: [
      {
        id: 'open',
        title: 'Apertura',
        questions: [
          {
            id: 'greet',
            text: 'Saluda por el nombre',
            weight: 10,
            critical: false,
            allowNa: false,
            scale: { kind: 'yes_no' },
          },
          {
            id: 'verify',
            text: 'Verifica la identidad',
            weight: 20,
            critical: true,
            allowNa: false,
            scale: { kind: 'yes_no' },
          },
        ],
      },
      {
        id: 'solve',
        title: 'Resolución',
        questions: [
          {
            id: 'fix',
            text: 'Resuelve la consulta',
            weight: 40,
            critical: false,
            allowNa: false,
            scale: { kind: 'points', max: 4 },
          },
          {
            id: 'upsell',
            text: 'Ofrece el plan anual',
            weight: 30,
            critical: false,
            allowNa: true,
            scale: { kind: 'points', max: 5 },
          },
        ],
      },
    ],
  },
};

expect(
  (await call(admin, 'PUT', '/api/v1/routing/queues/ventas', { name: 'Ventas', targets: {}, policy: {} }))
    .statusCode,
).toBe(200);

/** A chat the agent took and closed, with the customer's first message. */
async function handledChat(message = 'Hola, quiero el plan anual') {
  await call(agent, 'PUT', '/api/v1/routing/me/state', { state: 'available' });
  const created = await call(admin, 'POST', '/api/v1/interactions', {
    channel: 'chat',
    direction: 'inbound',
    queueId: 'ventas',
    message,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  expect((await call(agent, 'POST', `/api/v1/interactions/${id}/accept`)).statusCode).toBe(200);
  await call(agent, 'POST', `/api/v1/interactions/${id}/end`);
  await call(agent, 'POST', `/api/v1/interactions/${id}/wrap-up`, { disposition: 'sold' });
  await call(agent, 'PUT', '/api/v1/routing/me/state', { state: 'offline' });
  return id;
}

const card = (await call(supervisor, 'POST', '/api/v1/quality/scorecards', CARD)).json();
const chat = await handledChat();

describe('quality scorecards', () => {
  it('a supervisor creates, reads and replaces a scorecard', async () => {
    expect(card).toMatchObject({ name: 'Chat de ventas', active: true, definition: CARD.definition });
    const list = await call(supervisor, 'GET', '/api/v1/quality/scorecards');
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(card.id);
    const renamed = await call(supervisor, 'PUT', `/api/v1/quality/scorecards/${card.id}`, {
      ...CARD,
      name: 'Chat',
    });
    expect(renamed.json().name).toBe('Chat');
  });

  it('refuses definitions that cannot be scored, saying what is wrong', async () => {
    const empty = await call(supervisor, 'POST', '/api/v1/quality/scorecards', {
      name: 'x',
      definition: { sections: [] },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({ code: 'quality.invalid_scorecard' });
    const critical = structuredClone(CARD);
    critical.definition.sections[0]!.questions[1]!.allowNa = true;
    critical.definition.sections[1]!.questions[0]!.id = 'greet';
    const res = await call(supervisor, 'POST', '/api/v1/quality/scorecards', critical);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.problems).toHaveLength(2);
    const unknownField = await call(supervisor, 'POST', '/api/v1/quality/scorecards', {
      ...CARD,
      colour: 'red',
    });
    expect(unknownField.statusCode).toBe(400);
    const badScale = structuredClone(CARD) as unknown as {
      definition: { sections: { questions: { scale: object }[] }[] };
    };
    badScale.definition.sections[0]!.questions[0]!.scale = { kind: 'points', max: 0 };
    expect((await call(supervisor, 'POST', '/api/v1/quality/scorecards', badScale)).statusCode).toBe(400);
  });

  it('agents may not manage scorecards or evaluate', async () => {
    expect((await call(agent, 'GET', '/api/v1/quality/scorecards')).statusCode).toBe(403);
    expect((await call(agent, 'POST', '/api/v1/quality/scorecards', CARD)).statusCode).toBe(403);
    const evaluate = await call(agent, 'POST', '/api/v1/quality/evaluations', {
      scorecardId: card.id,
      interactionId: chat,
      answers: {},
    });
    expect(evaluate.statusCode).toBe(403);
  });
});

describe('evaluations', () => {
  const full = { greet: 1, verify: 1, fix: 3, upsell: 'na' };

  it('the evaluator reads the transcript, scores it, and the agent sees and acknowledges it', async () => {
    const review = await call(supervisor, 'GET', `/api/v1/quality/interactions/${chat}`);
    expect(review.statusCode, review.body).toBe(200);
    expect(review.json().messages.map((m: { body: string }) => m.body)).toContain(
      'Hola, quiero el plan anual',
    );

    const res = await call(supervisor, 'POST', '/api/v1/quality/evaluations', {
      scorecardId: card.id,
      interactionId: chat,
      answers: full,
      comment: 'Buen cierre',
    });
    expect(res.statusCode, res.body).toBe(201);
    const evaluation = res.json();
    // (10 + 20 + 40·3/4) / 70
    expect(evaluation).toMatchObject({
      score: 85.7,
      criticalFailed: false,
      status: 'submitted',
      agentId: agent.userId,
    });
    expect(evaluation.sectionScores).toEqual([
      { sectionId: 'open', score: 100 },
      { sectionId: 'solve', score: 75 },
    ]);

    const mine = await call(agent, 'GET', '/api/v1/quality/evaluations');
    expect(mine.json().items.map((e: { id: string }) => e.id)).toEqual([evaluation.id]);
    const ack = await call(agent, 'POST', `/api/v1/quality/evaluations/${evaluation.id}/acknowledge`, {});
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().status).toBe('acknowledged');
    const again = await call(agent, 'POST', `/api/v1/quality/evaluations/${evaluation.id}/dispute`, {
      comment: 'No',
    });
    expect(again.statusCode).toBe(409);
  });

  it('a failed critical question scores 0; the agent disputes and a supervisor re-scores', async () => {
    const res = await call(admin, 'POST', '/api/v1/quality/evaluations', {
      scorecardId: card.id,
      interactionId: chat,
      answers: { ...full, verify: 0 },
    });
    expect(res.json()).toMatchObject({ score: 0, rawScore: 57.1, criticalFailed: true });
    const id = res.json().id;
    const silent = await call(agent, 'POST', `/api/v1/quality/evaluations/${id}/dispute`, {});
    expect(silent.statusCode).toBe(400);
    expect(silent.json().error.code).toBe('quality.reason_required');
    expect(
      (await call(supervisor, 'POST', `/api/v1/quality/evaluations/${id}/dispute`, { comment: 'x' }))
        .statusCode,
    ).toBe(403);
    const dispute = await call(agent, 'POST', `/api/v1/quality/evaluations/${id}/dispute`, {
      comment: 'Verifiqué la identidad en el segundo mensaje',
    });
    expect(dispute.json()).toMatchObject({
      status: 'disputed',
      agentComment: 'Verifiqué la identidad en el segundo mensaje',
    });
    const badAnswers = await call(supervisor, 'POST', `/api/v1/quality/evaluations/${id}/resolve`, {
      resolution: 'x',
      answers: { greet: 3 },
    });
    expect(badAnswers.statusCode).toBe(400);
    expect(badAnswers.json().error.code).toBe('quality.invalid_answers');
    const resolved = await call(supervisor, 'POST', `/api/v1/quality/evaluations/${id}/resolve`, {
      resolution: 'Tiene razón',
      answers: full,
    });
    expect(resolved.json()).toMatchObject({ status: 'resolved', score: 85.7, criticalFailed: false });
  });

  it('bad evaluations are 4xx: unknown scorecard or interaction, answers out of scale, unhandled work', async () => {
    const missing = '00000000-0000-7000-8000-000000000009';
    const post = (body: object) => call(supervisor, 'POST', '/api/v1/quality/evaluations', body);
    expect((await post({ scorecardId: missing, interactionId: chat, answers: full })).statusCode).toBe(404);
    expect((await post({ scorecardId: card.id, interactionId: missing, answers: full })).statusCode).toBe(
      404,
    );
    const outOfScale = await post({
      scorecardId: card.id,
      interactionId: chat,
      answers: { ...full, fix: 5 },
    });
    expect(outOfScale.statusCode).toBe(400);
    expect(outOfScale.json().error.message).toMatch(/Resuelve la consulta.*0 to 4/);
    expect(
      (await post({ scorecardId: card.id, interactionId: chat, answers: { ...full, fix: 'mucho' } }))
        .statusCode,
    ).toBe(400);
    const waiting = await call(admin, 'POST', '/api/v1/interactions', {
      channel: 'email',
      direction: 'inbound',
      queueId: 'ventas',
    });
    const unhandled = await post({ scorecardId: card.id, interactionId: waiting.json().id, answers: full });
    expect(unhandled.statusCode).toBe(409);
    expect(unhandled.json().error.code).toBe('quality.not_handled');
  });
});

describe('calibration', () => {
  it('two evaluators score the same chat; the session shows how far apart they are', async () => {
    const other = await handledChat('¿Cuánto cuesta?');
    const open = await call(admin, 'POST', '/api/v1/quality/calibrations', {
      title: 'Calibración de noviembre',
      scorecardId: card.id,
      interactionId: other,
      evaluatorIds: [admin.userId, supervisor.userId],
    });
    expect(open.statusCode, open.body).toBe(201);
    const id = open.json().id;
    expect(open.json().pending).toEqual([admin.userId, supervisor.userId]);
    const notEvaluator = await call(admin, 'POST', '/api/v1/quality/calibrations', {
      title: 'x',
      scorecardId: card.id,
      interactionId: other,
      evaluatorIds: [admin.userId, agent.userId],
    });
    expect(notEvaluator.statusCode).toBe(400);
    expect(notEvaluator.json().error.code).toBe('quality.not_an_evaluator');

    await call(admin, 'POST', `/api/v1/quality/calibrations/${id}/scores`, {
      answers: { greet: 1, verify: 1, fix: 4, upsell: 5 },
    });
    const second = await call(supervisor, 'POST', `/api/v1/quality/calibrations/${id}/scores`, {
      answers: { greet: 0, verify: 1, fix: 2, upsell: 5 },
    });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().spread).toMatchObject({
      count: 2,
      mean: 85,
      min: 70,
      max: 100,
      range: 30,
      stdDev: 15,
    });
    expect(
      second.json().spread.questions.find((q: { questionId: string }) => q.questionId === 'greet').agreement,
    ).toBe(0.5);
    const twice = await call(supervisor, 'POST', `/api/v1/quality/calibrations/${id}/scores`, {
      answers: full(),
    });
    expect(twice.statusCode).toBe(409);
    await call(admin, 'POST', `/api/v1/quality/calibrations/${id}/close`);
    expect((await call(admin, 'GET', `/api/v1/quality/calibrations/${id}`)).json().status).toBe('closed');
    // Calibration scores never reach the agent's figures or list.
    const mine = await call(agent, 'GET', '/api/v1/quality/evaluations');
    expect(mine.json().items.every((e: { calibrationId: string | null }) => e.calibrationId === null)).toBe(
      true,
    );
  });
});

function full() {
  return { greet: 1, verify: 1, fix: 3, upsell: 'na' };
}

describe('quality report', () => {
  it('averages scores per agent for the period, as JSON and CSV, without calibration scores', async () => {
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota' }).format(new Date());
    const res = await call(
      supervisor,
      'GET',
      `/api/v1/quality/report?from=${day}&to=${day}&grain=day&by=agent`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const total = res.json().totals.find((r: { key: string }) => r.key === agent.userId);
    // 85.7 and the resolved 85.7.
    expect(total).toMatchObject({ evaluations: 2, averageScore: 85.7, criticalFailures: 0, disputed: 1 });
    const csv = await call(
      supervisor,
      'GET',
      `/api/v1/quality/report?from=${day}&to=${day}&grain=week&format=csv`,
    );
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[0]).toBe('period,key,evaluations,averageScore,criticalFailures,disputed');
    expect(
      (await call(supervisor, 'GET', `/api/v1/quality/report?from=${day}&to=2020-01-01&grain=day`))
        .statusCode,
    ).toBe(400);
    expect(
      (await call(supervisor, 'GET', `/api/v1/quality/report?from=${day}&to=${day}&grain=year`)).statusCode,
    ).toBe(400);
    expect(
      (await call(agent, 'GET', `/api/v1/quality/report?from=${day}&to=${day}&grain=day`)).statusCode,
    ).toBe(403);
  });
});
