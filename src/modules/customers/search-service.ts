/**
 * Finding customers: by name, company, e-mail, phone, external id or any identity, typo-tolerant. An e-mail,
 * a phone or an external id is looked up exactly; every word of any text must match, give or take a typo
 * (corrected against the dictionary of search words, so "Jose Rodriges" finds "José Rodríguez") or by its
 * Spanish or English stem ("hoteles" finds "Hotel": the dictionary keeps each word's stems, and a query word
 * stands for the words sharing one), through the full-text index over the accent-folded search text. Matches with the words in order come first, then by the trigram word similarity of the
 * whole query. Without a query, customers are listed by name.
 */
import { and, asc, eq, gt, isNull, or, type SQL, sql } from 'drizzle-orm';
import { isUuid } from '../../platform/clock.ts';
import { queryRows } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError } from '../../platform/errors.ts';
import { encodePageCursor, type PageRequest } from '../../platform/http/pagination.ts';
import type { Context } from './context.ts';
import { parseFieldText } from './custom-fields.ts';
import { identityQuery } from './normalise.ts';
import { customerIdentities, customerMemberships, customers } from './schema.ts';
import { alternativesFor, tsQueries, wordsOf } from './spelling.ts';
import { identitiesOf, identityMatch, organisationsOf } from './store.ts';

export interface ListQuery {
  q?: string;
  kind?: 'person' | 'organisation';
  tier?: string;
  tag?: string;
  ownerId?: string;
  organisationId?: string;
  /** A custom field's value, as `key=value`. */
  field?: string;
}

export interface CustomerListItem {
  id: string;
  kind: 'person' | 'organisation';
  name: string;
  tier: string;
  score: number;
  tags: string[];
  email: string | null;
  phone: string | null;
  organisations: string[];
  erased: boolean;
}

/** Matches ranked per query at most: a one-word query can match a tenth of a million customers. */
const RANKED = 2000;

interface Hit {
  id: string;
  kind: 'person' | 'organisation';
  name: string;
  tier: string;
  score: number;
  tags: string[];
  erased_at: Date | string | null;
  rank?: number;
}

export function createSearchService(ctx: Context) {
  const { db } = ctx;

  async function filters(workspaceId: string, query: ListQuery): Promise<(SQL | undefined)[]> {
    const out: (SQL | undefined)[] = [isNull(customers.mergedInto)];
    if (query.kind) out.push(eq(customers.kind, query.kind));
    if (query.tier) out.push(eq(customers.tier, query.tier));
    if (query.ownerId) out.push(eq(customers.ownerId, query.ownerId));
    if (query.tag) out.push(sql`${customers.tags} @> array[${query.tag}]::text[]`);
    if (query.organisationId) {
      const ws = scoped(db, workspaceId);
      out.push(
        sql`exists (select 1 from ${customerMemberships} where ${ws.where(
          customerMemberships,
          eq(customerMemberships.organisationId, query.organisationId),
        )} and ${customerMemberships.personId} = ${customers.id})`,
      );
    }
    if (query.field) out.push(await fieldFilter(workspaceId, query.field));
    return out;
  }

  async function fieldFilter(workspaceId: string, field: string): Promise<SQL> {
    const at = field.indexOf('=');
    const key = field.slice(0, at);
    const def = (await ctx.fields(workspaceId)).find((f) => f.key === key);
    if (at < 1 || !def) {
      throw new AppError('validation.failed', 400, `field: unknown custom field "${key}"`, [
        { path: '/field', message: `unknown custom field "${key}"` },
      ]);
    }
    const value = parseFieldText(def, field.slice(at + 1)) ?? '';
    return sql`${customers.customFields} @> ${JSON.stringify({ [key]: value })}::jsonb`;
  }

  /** Customers by name, or the best matches of a query; a page at a time. */
  async function list(workspaceId: string, query: ListQuery, page: PageRequest) {
    const q = query.q?.trim();
    const ws = scoped(db, workspaceId);
    const conditions = await filters(workspaceId, query);
    let hits: Hit[];
    let cursorOf: (h: Hit) => unknown[];
    if (!q) {
      const [name, id] = page.after ?? [];
      const after =
        typeof name === 'string' && typeof id === 'string' && isUuid(id)
          ? or(gt(customers.name, name), and(eq(customers.name, name), gt(customers.id, id)))
          : undefined;
      hits = await db
        .select({
          id: customers.id,
          kind: customers.kind,
          name: customers.name,
          tier: customers.tier,
          score: customers.score,
          tags: customers.tags,
          erased_at: customers.erasedAt,
        })
        .from(customers)
        .where(ws.where(customers, ...conditions, after))
        .orderBy(asc(customers.name), asc(customers.id))
        .limit(page.limit + 1);
      cursorOf = (h) => [h.name, h.id];
    } else {
      hits = await ranked(workspaceId, q, conditions, page);
      cursorOf = (h) => [h.rank, h.id];
    }
    const items = hits.slice(0, page.limit);
    const last = items[items.length - 1];
    return {
      items: await describe(workspaceId, items),
      nextCursor: hits.length > page.limit && last ? encodePageCursor(cursorOf(last)) : null,
    };
  }

  async function ranked(workspaceId: string, q: string, conditions: (SQL | undefined)[], page: PageRequest) {
    const ws = scoped(db, workspaceId);
    const identities = identityQuery(q, await ctx.country(workspaceId));
    const exact = identities.length
      ? sql`(customers.external_id = ${q} or customers.id in (select ${customerIdentities.customerId} from ${customerIdentities}
          where ${ws.where(customerIdentities, identityMatch(identities))}))`
      : sql`customers.external_id = ${q}`;
    const dictionary = await ctx.dictionary(workspaceId);
    const queries = tsQueries(alternativesFor(wordsOf(q).slice(0, 6), dictionary));
    // Every word, give or take a typo; or the dictionary words sharing the query words' Spanish or English
    // stems (a subquery: the workspace's dictionary is read once, not per row).
    const words = queries
      ? sql`customers.search_vector @@ to_tsquery('pg_catalog.simple', ${queries.all})`
      : sql`false`;
    const inOrder = queries
      ? sql`search_vector @@ to_tsquery('pg_catalog.simple', ${queries.phrase})`
      : sql`false`;
    const stems = sql`customers.search_vector @@ (select atiende_stem_query(${workspaceId}::uuid, ${q}))`;
    const [rank, id] = page.after ?? [];
    const after =
      typeof rank === 'number' && typeof id === 'string' && isUuid(id)
        ? sql`and (rank < ${rank} or (rank = ${rank} and id > ${id}::uuid))`
        : sql``;
    return queryRows<Hit>(
      db,
      sql`with hits as (
            select customers.id, customers.kind, customers.name, customers.tier, customers.score, customers.tags,
              customers.erased_at, customers.search_text, customers.search_vector, ${exact} as exact
            from customers
            where ${ws.where(customers, ...conditions)} and (${exact} or ${words} or ${stems})
            limit ${RANKED}
          )
          select * from (
            select id, kind, name, tier, score, tags, erased_at,
              round(((case when exact then 2 else 0 end) + (case when ${inOrder} then 1 else 0 end)
                + word_similarity(atiende_fold(${q}), atiende_fold(search_text)))::numeric, 6)::float8 as rank
            from hits
          ) ranked
          where true ${after}
          order by rank desc, id
          limit ${page.limit + 1}`,
    );
  }

  /** Adds each customer's first e-mail and phone and their organisations' names. */
  async function describe(workspaceId: string, hits: Hit[]): Promise<CustomerListItem[]> {
    const ids = hits.map((h) => h.id);
    const [identities, organisations] = await Promise.all([
      identitiesOf(db, workspaceId, ids),
      organisationsOf(db, workspaceId, ids),
    ]);
    return hits.map((h) => ({
      id: h.id,
      kind: h.kind,
      name: h.name,
      tier: h.tier,
      score: Number(h.score),
      tags: h.tags,
      email: identities.find((i) => i.customerId === h.id && i.kind === 'email')?.display ?? null,
      phone:
        identities.find((i) => i.customerId === h.id && (i.kind === 'phone' || i.kind === 'whatsapp'))
          ?.display ?? null,
      organisations: organisations.filter((o) => o.personId === h.id).map((o) => o.name),
      erased: h.erased_at !== null,
    }));
  }

  return { list };
}

export type SearchService = ReturnType<typeof createSearchService>;
