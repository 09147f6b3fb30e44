/**
 * Synthetic customers for the customers benchmark, generated inside the database with
 * INSERT … SELECT generate_series (no rows travel through Node): Colombian-looking names, one e-mail and one
 * mobile number each, and timeline entries spread over two years. Ids are UUIDv7-shaped and sequential, so
 * the benchmark can name a random existing customer by its number.
 */
import { sql } from 'drizzle-orm';
import { DEMO_NAMES } from '../../src/modules/customers/index.ts';
import { type Database, queryRows } from '../../src/platform/db/connect.ts';

// The demo's own name pools, so the benchmark searches names shaped like the demo's.
const FIRST = DEMO_NAMES.firstNames;
const SURNAMES = DEMO_NAMES.surnames;
const CHANNELS = DEMO_NAMES.channels;

const array = (values: readonly string[]) => `array[${values.map((v) => `'${v}'`).join(',')}]`;

/** The id of customer number `i` (1-based). */
export const customerId = (i: number) => `01900000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;

/** Independent pseudo-random picks per customer number, the same on PostgreSQL and PGlite. */
const pick = (list: readonly string[], salt: string) =>
  `(${array(list)})[1 + abs(hashtext('${salt}' || i)) % ${list.length}]`;

export interface Sizes {
  customers: number;
  timelinePerCustomer: number;
}

/**
 * Fills the tables for one workspace, dropping the secondary indexes first and building them after (much
 * faster than maintaining them row by row), in chunks so progress can be shown.
 */
export async function generate(
  database: Database,
  workspaceId: string,
  sizes: Sizes,
  progress: (m: string) => void,
): Promise<void> {
  const exec = (text: string) => database.exec(text);
  const tables = ['customers', 'customer_identities', 'customer_timeline'];
  const defs = await queryRows<{ indexname: string; indexdef: string }>(
    database.db,
    sql`select indexname, indexdef from pg_indexes
        where tablename in ('customers', 'customer_identities', 'customer_timeline') and indexname not like '%_pkey'`,
  );
  for (const d of defs) await exec(`drop index if exists "${d.indexname}"`);
  const chunk = 100_000;
  const ws = `'${workspaceId}'::uuid`;
  const id = (prefix: string, expr: string) =>
    `('${prefix}-0000-7000-8000-' || lpad(to_hex(${expr}), 12, '0'))::uuid`;
  const name = `${pick(FIRST, 'f')} || ' ' || ${pick(SURNAMES, 's')} || ' ' || ${pick(SURNAMES, 't')}`;
  const email = `split_part(atiende_fold(${name}), ' ', 1) || '.' || split_part(atiende_fold(${name}), ' ', 2) || i || '@correo.co'`;
  const phone = `'+573' || lpad((100000000 + i)::text, 9, '0')`;
  for (let from = 1; from <= sizes.customers; from += chunk) {
    const to = Math.min(sizes.customers, from + chunk - 1);
    progress(`customers ${from.toLocaleString('en-US')}–${to.toLocaleString('en-US')}`);
    await exec(`
      insert into customers (id, workspace_id, kind, name, external_id, customer_since, score, tier, search_text, created_at, updated_at)
      select ${id('01900000', 'i')}, ${ws}, 'person', ${name}, 'EXT-' || i, now() - (i % 2000) * interval '1 day',
             (i % 100)::float8, case when i % 33 = 0 then 'platinum' when i % 10 = 0 then 'gold' else 'standard' end,
             ${name} || ' ' || trim(regexp_replace(split_part(${email}, '@', 1), '[^[:alpha:]]+', ' ', 'g')) || ' EXT-' || i, now(), now()
      from generate_series(${from}, ${to}) as i`);
    await exec(`
      insert into customer_search_words (workspace_id, word)
      select distinct ${ws}, w from customers, regexp_split_to_table(atiende_fold(search_text), '[^[:alpha:]]+') as w
      where customers.id between ${id('01900000', String(from))} and ${id('01900000', String(to))} and length(w) >= 2
      on conflict do nothing`);
    await exec(`
      insert into customer_identities (id, workspace_id, customer_id, kind, value, display, match_key, created_at)
      select ${id('01920000', 'i * 2 + k')}, ${ws}, ${id('01900000', 'i')},
             case k when 0 then 'email' else 'phone' end,
             case k when 0 then ${email} else ${phone} end,
             case k when 0 then ${email} else '+57 3' || lpad((100000000 + i)::text, 9, '0') end,
             case k when 0 then 'email:' || ${email} else 'phone:' || ${phone} end, now()
      from generate_series(${from}, ${to}) as i, generate_series(0, 1) as k`);
    await exec(`
      insert into customer_timeline (id, workspace_id, customer_id, at, kind, channel, summary, payload)
      select ${id('01910000', 'i * 100 + j')}, ${ws}, ${id('01900000', 'i')},
             now() - (abs(hashtext('a' || i || '.' || j)) % 1051200) * interval '1 minute',
             case when j % 7 = 0 then 'note' else 'interaction' end,
             (${array(CHANNELS)})[1 + (i + j) % ${CHANNELS.length}], 'Contacto ' || j || ' sobre la reserva', '{}'::jsonb
      from generate_series(${from}, ${to}) as i, generate_series(1, ${sizes.timelinePerCustomer}) as j`);
  }
  progress('building indexes');
  await exec(`set maintenance_work_mem = '512MB'`).catch(() => {});
  for (const d of defs) await exec(d.indexdef);
  for (const t of tables) await exec(`analyze ${t}`);
}
