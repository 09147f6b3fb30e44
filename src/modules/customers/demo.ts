/**
 * Servicenter's demo customers: a few thousand people and the hotels, agencies and companies of Santander
 * they belong to, with Colombian mobile numbers, e-mails, purchase histories that spread them over the value
 * tiers, past contacts on several channels, notes, consents and a handful of duplicates to review. Written
 * with multi-row inserts in one transaction, deterministic (seeded), a few seconds on PGlite.
 */
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import type { Context } from './context.ts';
import {
  FIRST_NAMES_F,
  FIRST_NAMES_M,
  MAIL_DOMAINS,
  MOBILE_PREFIXES,
  ORGANISATION_KINDS,
  ORGANISATION_NAMES,
  SURNAMES,
  TOWNS,
} from './demo-data.ts';
import { history, type IdentityRow, makeDuplicates, type Row, random } from './demo-history.ts';
import { detectDuplicates } from './duplicates-detect.ts';
import type { FieldsService } from './fields-service.ts';
import { foldText, normaliseEmail, normalisePhone } from './normalise.ts';
import {
  customerIdentities,
  customerMemberships,
  customerPurchases,
  customers,
  customerTimeline,
} from './schema.ts';
import { searchText } from './search-text.ts';
import { rememberWords } from './search-words.ts';
import type { ValueService } from './value-service.ts';

const DAY = 86_400_000;
const CHUNK = 1_000;

export interface DemoOptions {
  people?: number;
  organisations?: number;
  ownerIds?: string[];
}

export function createDemo(ctx: Context, deps: { fields: FieldsService; value: ValueService }) {
  return async function seed(
    workspaceId: string,
    progress: (step: string) => void = () => {},
    options: DemoOptions = {},
  ) {
    const r = random(20260105);
    const now = ctx.clock.now();
    const people = options.people ?? 3000;
    const owners = options.ownerIds ?? [];
    progress(`${people.toLocaleString('es-CO')} demo customers`);
    for (const field of [
      {
        key: 'segmento',
        label: 'Segmento',
        type: 'choice' as const,
        options: ['vacacional', 'corporativo', 'agencia', 'aventura'],
      },
      { key: 'ciudad', label: 'Ciudad', type: 'text' as const },
      { key: 'viajes_al_ano', label: 'Viajes al año', type: 'number' as const },
    ]) {
      await deps.fields.create(workspaceId, field, null);
    }
    const rows: Row[] = [];
    const identities: IdentityRow[] = [];
    const names = new Map<string, string>();
    const usedPhones = new Set<string>();
    const addIdentity = (
      customerId: string,
      kind: IdentityRow['kind'],
      n: { value: string; display: string; matchKey: string },
    ) =>
      identities.push({
        id: ctx.newId(),
        customerId,
        kind,
        value: n.value,
        display: n.display,
        matchKey: n.matchKey,
        createdAt: now,
      });
    const phone = () => {
      for (;;) {
        const n = normalisePhone(`${r.pick(MOBILE_PREFIXES)}${String(1_000_000 + r.int(9_000_000))}`, 'CO');
        if (n.ok && !usedPhones.has(n.value)) {
          usedPhones.add(n.value);
          return n;
        }
      }
    };
    const customer = (kind: 'person' | 'organisation', name: string, extra: Partial<Row>): string => {
      const id = ctx.newId();
      names.set(id, name);
      rows.push({
        id,
        workspaceId,
        kind,
        name,
        customerSince: new Date(now.getTime() - r.int(6 * 365) * DAY),
        createdAt: now,
        updatedAt: now,
        ...extra,
      });
      return id;
    };

    const orgIds: string[] = [];
    const orgNames = new Set<string>();
    const usedEmails = new Set<string>();
    const orgCount = options.organisations ?? Math.max(10, Math.round(people / 25));
    for (let i = 0; i < orgCount; i++) {
      const [prefix, segment] = r.pick(ORGANISATION_KINDS);
      const town = r.pick(TOWNS);
      let name = `${prefix} ${r.pick(ORGANISATION_NAMES)} ${town}`;
      if (orgNames.has(name)) name = `${name} ${i}`;
      orgNames.add(name);
      const id = customer('organisation', name, {
        externalId: `ORG-${String(1000 + i)}`,
        ownerId: owners.length ? r.pick(owners) : null,
        tags: [segment],
        customFields: { segmento: segment, ciudad: town },
        language: 'es',
      });
      orgIds.push(id);
      const domain = `${foldText(name).replace(/[^a-z0-9]+/g, '')}.com.co`;
      addIdentity(
        id,
        'email',
        normaliseEmail(`reservas@${domain}`) as { value: string; display: string; matchKey: string },
      );
      addIdentity(id, 'phone', phone());
    }

    const personIds: string[] = [];
    const memberships: (typeof customerMemberships.$inferInsert)[] = [];
    for (let i = 0; i < people; i++) {
      const female = r.next() < 0.5;
      const first = r.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M);
      const [s1, s2] = [r.pick(SURNAMES), r.pick(SURNAMES)];
      const name = `${first} ${s1} ${s2}`;
      const consents =
        r.next() < 0.06
          ? {
              whatsapp: {
                marketingOptIn: false,
                doNotContact: true,
                at: now.toISOString(),
                source: 'llamada',
              },
            }
          : r.next() < 0.4
            ? {
                email: {
                  marketingOptIn: true,
                  doNotContact: false,
                  at: now.toISOString(),
                  source: 'formulario web',
                },
              }
            : {};
      const id = customer('person', name, {
        externalId: `CLI-${String(100000 + i)}`,
        language: r.next() < 0.93 ? 'es' : 'en',
        tags: r.next() < 0.2 ? ['frecuente'] : [],
        customFields: {
          segmento: r.pick(['vacacional', 'vacacional', 'aventura', 'corporativo']),
          ciudad: r.pick(TOWNS),
          viajes_al_ano: 1 + r.int(6),
        },
        consents,
      });
      personIds.push(id);
      let email =
        `${foldText(first)}.${foldText(s1)}${r.int(100)}`.replace(/[^a-z0-9.]/g, '') +
        `@${r.pick(MAIL_DOMAINS)}`;
      while (usedEmails.has(email)) email = `${r.int(10)}${email}`;
      usedEmails.add(email);
      addIdentity(id, 'email', normaliseEmail(email) as { value: string; display: string; matchKey: string });
      const mobile = phone();
      addIdentity(id, 'phone', mobile);
      if (r.next() < 0.45) addIdentity(id, 'whatsapp', mobile);
      if (r.next() < 0.08)
        addIdentity(id, 'webchat', {
          value: `v_${id.replace(/-/g, '').slice(-16)}`,
          display: `v_${id.replace(/-/g, '').slice(-16)}`,
          matchKey: `webchat:v_${id}`,
        });
      if (r.next() < 0.2 && orgIds.length) {
        memberships.push({
          workspaceId,
          personId: id,
          organisationId: r.pick(orgIds),
          role: r.pick(['Gerente', 'Compras', 'Recepción', 'Asesor', null]),
          createdAt: now,
        });
      }
    }

    const duplicates = makeDuplicates(rows, identities, personIds, now, ctx.newId);
    const { purchases, timeline } = history(r, [...orgIds, ...personIds], orgIds.length, now, ctx.newId);
    const byCustomer = new Map<string, IdentityRow[]>();
    for (const x of identities) byCustomer.set(x.customerId, [...(byCustomer.get(x.customerId) ?? []), x]);
    for (const row of rows) {
      const own = byCustomer.get(row.id) ?? [];
      row.searchText = searchText({
        name: row.name,
        externalId: row.externalId ?? null,
        identities: own,
        tags: row.tags ?? [],
        customFields: row.customFields ?? {},
      });
    }
    await ctx.db.transaction(async (t) => {
      const tx = t as unknown as Db;
      const ws = scoped(tx, workspaceId);
      for (let i = 0; i < rows.length; i += CHUNK)
        await tx.insert(customers).values(rows.slice(i, i + CHUNK));
      for (let i = 0; i < identities.length; i += CHUNK)
        await ws.insertMany(customerIdentities, identities.slice(i, i + CHUNK));
      for (let i = 0; i < memberships.length; i += CHUNK)
        await tx
          .insert(customerMemberships)
          .values(memberships.slice(i, i + CHUNK))
          .onConflictDoNothing();
      for (let i = 0; i < purchases.length; i += CHUNK)
        await ws.insertMany(customerPurchases, purchases.slice(i, i + CHUNK));
      for (let i = 0; i < timeline.length; i += CHUNK)
        await ws.insertMany(customerTimeline, timeline.slice(i, i + CHUNK));
      await rememberWords(
        tx,
        workspaceId,
        rows.map((row) => row.id!),
      );
      await detectDuplicates(tx, workspaceId, duplicates, { now, newId: ctx.newId, byName: true });
    });
    progress('customer value tiers');
    return deps.value.recomputeWorkspace(workspaceId);
  };
}

export type DemoSeed = ReturnType<typeof createDemo>;

/**
 * Seeds the demo customers of a workspace, owned by its sales representatives when there are some.
 * @example await seedDemoCustomers(services, workspace.id, (step) => io.stdout(`Seeding ${step}…\n`));
 */
export async function seedDemoCustomers(
  services: {
    customers: { seedDemo: DemoSeed };
    identity?: {
      users: {
        list(
          workspaceId: string,
          page: { limit: number; after: null },
        ): Promise<{ items: { id: string; role: string }[] }>;
      };
    };
  },
  workspaceId: string,
  progress: (step: string) => void = () => {},
  options: DemoOptions = {},
) {
  const users = services.identity
    ? (await services.identity.users.list(workspaceId, { limit: 200, after: null })).items
    : [];
  const ownerIds = users.filter((u) => u.role === 'sales_rep' || u.role === 'supervisor').map((u) => u.id);
  return services.customers.seedDemo(workspaceId, progress, { ownerIds, ...options });
}
