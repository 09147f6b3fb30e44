/**
 * Servicenter's scripting demo: the four scripts (published, with their selection rules), the product
 * catalogue, purchase histories by product for the demo customers (correlated, so propensity has something
 * to learn: travellers who fly buy insurance, hotel guests take tours), open and overdue invoices,
 * promotions, and a trained model. Deterministic (seeded).
 */
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import type { AnswerService } from './answers.ts';
import type { ScriptingDeps } from './context.ts';
import type { ScriptDefinition } from './core/types.ts';
import { DEMO_ANSWERS, DEMO_EMAIL_TEMPLATES, DEMO_PRODUCTS, DEMO_SCRIPTS } from './demo-scripts.ts';
import type { OffersService } from './offers-service.ts';
import type { RulesService } from './rules-service.ts';
import { scriptingInvoices, scriptingOrderLines } from './schema.ts';
import type { ScriptService } from './scripts-service.ts';
import type { TemplateService } from './templates-service.ts';

const DAY = 86_400_000;

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Which products a customer bought, from one uniform draw per product and the customer's tier. */
export function demoBasket(next: () => number, tier: string): string[] {
  const rich = tier === 'platinum' || tier === 'gold';
  const bought: string[] = [];
  const flies = next() < (rich ? 0.85 : 0.55);
  if (flies) bought.push('tiquete_aereo');
  if (flies && next() < (rich ? 0.7 : 0.45)) bought.push('seguro_viaje');
  const hotel = next() < (flies ? 0.55 : 0.3);
  if (hotel) bought.push('hotel');
  const tour = hotel && next() < 0.5;
  if (tour) bought.push('tour_chicamocha');
  if (tour && next() < 0.4) bought.push('parapente');
  if (flies && hotel && next() < 0.5) bought.push('traslado');
  return bought;
}

export async function seedDemoScripting(
  deps: Pick<ScriptingDeps, 'db' | 'clock' | 'newId' | 'customers' | 'knowledge'>,
  services: {
    scripts: ScriptService;
    answers: AnswerService;
    rules: RulesService;
    offers: OffersService;
    templates: TemplateService;
  },
  workspaceId: string,
  actorId: string | null = null,
) {
  const { db, clock, newId } = deps;
  const now = clock.now();
  for (const p of DEMO_PRODUCTS) await services.offers.putProduct(workspaceId, p.code, p.name);
  for (const { key, ...t } of DEMO_EMAIL_TEMPLATES) await services.templates.put(workspaceId, key, t);
  for (const s of DEMO_SCRIPTS) {
    const script = await services.scripts.create(
      workspaceId,
      {
        name: s.name,
        description: s.description,
        definition: await withDemoAnswers(deps, services.answers, workspaceId, s.definition),
      },
      actorId,
    );
    await services.scripts.publish(workspaceId, script.id, 1, actorId);
    await services.rules.create(workspaceId, { ...s.rule, scriptId: script.id });
  }
  const day = (offset: number) => new Date(now.getTime() + offset * DAY).toISOString();
  await services.offers.createPromotion(
    workspaceId,
    {
      code: 'SEGURO-VIP',
      name: 'Seguro de viaje con 25 % para clientes oro y platino',
      product: 'seguro_viaje',
      validFrom: day(-10),
      validTo: day(60),
      tiers: ['platinum', 'gold'],
    },
    actorId,
  );
  await services.offers.createPromotion(
    workspaceId,
    {
      code: 'CHICAMOCHA-2X1',
      name: 'Tour Chicamocha 2×1 para vacacionales',
      product: 'tour_chicamocha',
      validFrom: day(-5),
      validTo: day(30),
      segments: ['vacacional'],
    },
    actorId,
  );
  const customers = await deps.customers.sample(workspaceId, 100_000);
  await writeHistory(db, workspaceId, customers, now, newId);
  await services.offers.trainWorkspace(workspaceId);
}

/** The definition with its answer steps linked to the demo help center's articles, when it was seeded. */
async function withDemoAnswers(
  deps: Pick<ScriptingDeps, 'knowledge'>,
  answers: AnswerService,
  workspaceId: string,
  def: ScriptDefinition,
): Promise<ScriptDefinition> {
  const steps = await Promise.all(
    def.steps.map(async (step) => {
      const externalId = DEMO_ANSWERS[step.id];
      if (step.type !== 'answer' || !externalId) return step;
      const id = await deps.knowledge.articleIdOf(workspaceId, externalId);
      if (!id) return step;
      const { answerId, title, text } = await answers.forStep(workspaceId, id);
      return { ...step, answerId, title, text };
    }),
  );
  return { ...def, steps };
}

async function writeHistory(
  db: Db,
  workspaceId: string,
  customers: { id: string; tier: string }[],
  now: Date,
  newId: () => string,
) {
  const next = random(20261206);
  const lines: Omit<typeof scriptingOrderLines.$inferInsert, 'workspaceId'>[] = [];
  const invoices: Omit<typeof scriptingInvoices.$inferInsert, 'workspaceId'>[] = [];
  customers.forEach((c, index) => {
    for (const product of demoBasket(next, c.tier))
      lines.push({
        id: newId(),
        customerId: c.id,
        product,
        at: new Date(now.getTime() - Math.floor(next() * 700) * DAY),
        source: 'demo',
        refId: null,
      });
    if (next() < 0.15) {
      const issued = new Date(now.getTime() - Math.floor(next() * 90) * DAY);
      const due = new Date(issued.getTime() + 30 * DAY);
      const amount = Math.round((200_000 + next() * 3_000_000) / 1000) * 1000;
      invoices.push({
        id: newId(),
        customerId: c.id,
        number: `FV-${String(index + 1).padStart(6, '0')}`,
        issuedOn: issued.toISOString().slice(0, 10),
        dueOn: due.toISOString().slice(0, 10),
        amount,
        paid: next() < 0.3 ? amount : 0,
        currency: 'COP',
        createdAt: now,
        updatedAt: now,
      });
    }
  });
  await db.transaction(async (tx) => {
    const ws = scoped(tx as unknown as Db, workspaceId);
    for (let i = 0; i < lines.length; i += 1000)
      await ws.insertMany(scriptingOrderLines, lines.slice(i, i + 1000));
    for (let i = 0; i < invoices.length; i += 1000)
      await ws.insertMany(scriptingInvoices, invoices.slice(i, i + 1000));
  });
}
