/**
 * `npm run bench -- scripting [--full] [--json]`:
 * - core_steps_per_s: steps the pure evaluation core walks per second, replaying a full run of a 200-step
 *   script (branches, texts, actions). Ceiling: a bare walk of the same path through a Map, no conditions.
 * - choose_script_and_offers_p99_ms: choosing the script for an interaction (selection rules, the live
 *   version) and the customer's top offers (custom fields, products owned, declines, promotions, the model)
 *   at 1,000,000 customers with --full (100,000 by default), on PostgreSQL when DATABASE_URL is set (in a
 *   scratch database created and dropped here), else PGlite. Goal: under 10 ms p99 on PostgreSQL.
 *   Peer: the customer summary alone (a primary-key read), p99.
 */
import { sql } from 'drizzle-orm';
import { createCustomers, recordTimelineEntry } from '../src/modules/customers/index.ts';
import { createInteractionService } from '../src/modules/interactions/index.ts';
import { compile, evaluate } from '../src/modules/scripting/core/evaluate.ts';
import { longScript } from '../src/modules/scripting/core/fixtures.ts';
import type { Answer } from '../src/modules/scripting/core/types.ts';
import { createScripting } from '../src/modules/scripting/index.ts';
import { createWorkspaceService } from '../src/modules/workspaces/index.ts';
import { newId, systemClock } from '../src/platform/clock.ts';
import { type Database, openDatabase, queryRows } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createLocalBus } from '../src/platform/events/bus.ts';
import { createUnitOfWork } from '../src/platform/events/unit-of-work.ts';
import { customerId, generate } from './support/customers-data.ts';
import { scratchDatabase } from './support/scratch-database.ts';
import type { Bench } from './types.ts';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(3));
};

function coreSpeed(seconds: number) {
  const script = compile(longScript(200));
  const context = { 'customer.tier': 'gold', 'customer.name': 'Ana' };
  const answers: Answer[] = [];
  for (
    let e = evaluate(script, context, answers);
    e.status !== 'ended';
    e = evaluate(script, context, answers)
  )
    answers.push({ stepId: e.current, value: e.current === 's0' ? 4 : null });
  const path = evaluate(script, context, answers).path;
  let steps = 0;
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) steps += evaluate(script, context, answers).path.length;
  const ours = steps / seconds;
  const byId = script.byId;
  let walked = 0;
  const ceilingUntil = performance.now() + seconds * 1000;
  while (performance.now() < ceilingUntil) for (const id of path) if (byId.get(id)) walked++;
  return { ours, ceiling: walked / seconds, pathLength: path.length };
}

async function endToEnd(
  database: Database,
  customers: number,
  samples: number,
  progress: (m: string) => void,
) {
  await migrate(database);
  const { db } = database;
  const uow = createUnitOfWork(db, createLocalBus(), systemClock);
  const base = { db, uow, clock: systemClock, newId };
  const workspaces = createWorkspaceService(base);
  const workspace = await workspaces.create({
    slug: 'bench',
    name: 'Bench',
    timeZone: 'America/Bogota',
    defaultLanguage: 'es',
    defaultCountry: 'CO',
  });
  const t0 = performance.now();
  await generate(database, workspace.id, { customers, timelinePerCustomer: 0 }, progress);
  progress('order lines and invoices');
  const products = ['tiquete_aereo', 'hotel', 'seguro_viaje', 'tour_chicamocha', 'parapente', 'traslado'];
  await database.exec(`
    insert into scripting_order_lines (id, workspace_id, customer_id, product, at, source)
    select gen_random_uuid(), '${workspace.id}'::uuid, c.id, p.product, now() - (abs(hashtext(c.id::text || p.product)) % 700) * interval '1 day', 'demo'
    from customers c cross join unnest(array['${products.join("','")}']) as p(product)
    where c.workspace_id = '${workspace.id}'::uuid
      and abs(hashtext(c.id::text || p.product)) % 100 < case p.product when 'tiquete_aereo' then 60 when 'seguro_viaje' then 35 else 25 end`);
  await database.exec(`
    insert into scripting_invoices (id, workspace_id, customer_id, number, issued_on, due_on, amount, paid, currency, created_at, updated_at)
    select gen_random_uuid(), '${workspace.id}'::uuid, c.id, 'FV-' || c.id, current_date - 60, current_date - 30, 350000, 0, 'COP', now(), now()
    from customers c where c.workspace_id = '${workspace.id}'::uuid and abs(hashtext(c.id::text)) % 100 < 15`);
  // What autovacuum does soon after a bulk load: the visibility map lets the covering index answer alone.
  await database.exec('vacuum analyze scripting_order_lines');
  await database.exec('analyze');
  const generateSeconds = (performance.now() - t0) / 1000;

  const customersModule = createCustomers({ ...base, workspaces });
  const interactions = createInteractionService(base);
  const scripting = createScripting({
    ...base,
    customers: customersModule,
    recordTimelineEntry,
    interactions,
    users: { get: async () => ({ name: 'Agente' }) },
    // No help center here: the demo's answer steps keep their stored text.
    knowledge: { answers: async () => new Map(), articleIdOf: async () => null },
    workspaces,
    // Choosing a script and offers never sends mail; no run finishes here.
    email: { startConversation: () => Promise.reject(new Error('the benchmark sends no e-mail')) },
  });
  progress('scripts, rules, promotions and training');
  await scripting.seedDemo(workspace.id);
  const interactionIds: { id: string; customerId: string }[] = [];
  for (let k = 0; k < samples; k++) {
    const c = customerId(1 + Math.floor(((k * 7919) % customers) + 0));
    const { interaction } = await interactions.create(
      workspace.id,
      {
        channel: 'voice',
        direction: 'inbound',
        customerId: c,
        attributes: { reason: k % 2 ? 'cancelacion' : 'queja' },
      },
      null,
    );
    interactionIds.push({ id: interaction.id, customerId: c });
  }
  progress(`timing ${samples} choices of script and offers`);
  const { runs } = scripting.services;
  const measure = async (run: (k: number) => Promise<unknown>) => {
    for (let k = 0; k < Math.min(50, samples); k++) await run(k);
    const out: number[] = [];
    for (let k = 0; k < samples; k++) {
      const t = performance.now();
      await run(k);
      out.push(performance.now() - t);
    }
    return out;
  };
  const choose = await measure((k) => runs.suggest(workspace.id, interactionIds[k]!.id));
  const pk = await measure((k) =>
    customersModule.getCustomerSummary(workspace.id, interactionIds[k]!.customerId),
  );
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from scripting_order_lines`,
  );
  return { choose, pk, generateSeconds, orderLines: count?.n ?? 0 };
}

const bench: Bench = async ({ full, progress }) => {
  progress('pure core on a 200-step script');
  const core = coreSpeed(full ? 5 : 2);
  const customers = full ? 1_000_000 : 100_000;
  const serverUrl = process.env.DATABASE_URL ?? null;
  const target = serverUrl ? await scratchDatabase(serverUrl, 'scripting') : null;
  const database = await openDatabase({ databaseUrl: target?.url ?? null, dataDir: null, poolSize: 4 });
  try {
    const m = await endToEnd(database, customers, full ? 2000 : 300, progress);
    return {
      name: 'scripting',
      figures: {
        core_steps_per_s: Math.round(core.ours),
        choose_script_and_offers_p99_ms: percentile(m.choose, 99),
        choose_script_and_offers_p50_ms: percentile(m.choose, 50),
      },
      peer: {
        walk_ceiling_steps_per_s: Math.round(core.ceiling),
        customer_summary_p99_ms: percentile(m.pk, 99),
        customer_summary_p50_ms: percentile(m.pk, 50),
      },
      ratios: {
        core_vs_bare_walk: Number((core.ours / core.ceiling).toFixed(3)),
        choose_vs_summary_p99: Number((percentile(m.choose, 99) / percentile(m.pk, 99)).toFixed(2)),
        choose_vs_summary_p50: Number((percentile(m.choose, 50) / percentile(m.pk, 50)).toFixed(2)),
      },
      context: {
        engine: serverUrl ? 'PostgreSQL' : 'PGlite (embedded)',
        customers,
        order_lines: m.orderLines,
        path_length: core.pathLength,
        generate_s: Number(m.generateSeconds.toFixed(1)),
      },
    };
  } finally {
    await database.close();
    await target?.drop();
  }
};

export default bench;
