/**
 * Checks a customer form before anything is written, reporting every problem at once with its field path:
 * identities, time zone, custom fields, owner and organisations.
 */
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { AppError } from '../../platform/errors.ts';
import type { Context } from './context.ts';
import { type ImportIdentity, isTimeZone } from './csv-mapping.ts';
import { applyCustomFields } from './custom-fields.ts';
import { normaliseIdentity } from './normalise.ts';
import { customers } from './schema.ts';
import type { CustomFieldValue, CustomFieldValues, FieldProblem, IdentityKind } from './types.ts';

export type PathedIdentity = ImportIdentity & { path: string };

export interface ProfileInput {
  externalId?: string | null;
  ownerId?: string | null;
  timeZone?: string | null;
  customFields?: Record<string, CustomFieldValue | null>;
  email?: string;
  phone?: string;
  identities?: { kind: IdentityKind; value: string }[];
  organisationIds?: string[];
}

export interface CheckedProfile {
  identities: PathedIdentity[];
  customFields: CustomFieldValues | undefined;
}

/** Throws a 400 listing every invalid field, or a 409 for an external id another customer holds. */
export async function checkProfile(
  ctx: Context,
  db: Db,
  workspaceId: string,
  input: ProfileInput,
  current: { id: string | null; customFields: CustomFieldValues },
): Promise<CheckedProfile> {
  const problems: FieldProblem[] = [];
  const country = await ctx.country(workspaceId);
  const identities: PathedIdentity[] = [];
  const add = (kind: IdentityKind, value: string, path: string) => {
    const n = normaliseIdentity(kind, value, country);
    if (n.ok) identities.push({ kind, value: n.value, display: n.display, matchKey: n.matchKey, path });
    else problems.push({ path, message: n.message });
  };
  if (input.email !== undefined) add('email', input.email, '/email');
  if (input.phone !== undefined) add('phone', input.phone, '/phone');
  for (const [n, i] of (input.identities ?? []).entries()) add(i.kind, i.value, `/identities/${n}/value`);

  if (input.timeZone && !isTimeZone(input.timeZone))
    problems.push({ path: '/timeZone', message: 'unknown time zone' });

  let customFields: CustomFieldValues | undefined;
  if (input.customFields !== undefined || current.id === null) {
    const applied = applyCustomFields(
      await ctx.fields(workspaceId),
      current.customFields,
      input.customFields ?? {},
    );
    problems.push(...applied.problems);
    customFields = applied.values;
  }

  if (input.ownerId && ctx.users) {
    const found = await ctx.users.get(workspaceId, input.ownerId).then(
      () => true,
      () => false,
    );
    if (!found) problems.push({ path: '/ownerId', message: 'is not a user of this workspace' });
  }

  if (input.organisationIds?.length)
    problems.push(...(await organisationProblems(db, workspaceId, input.organisationIds)));

  if (problems.length > 0)
    throw new AppError(
      'validation.failed',
      400,
      `${problems[0]!.path.slice(1)}: ${problems[0]!.message}`,
      problems,
    );

  if (input.externalId) {
    const ws = scoped(db, workspaceId);
    const [taken] = await db
      .select({ id: customers.id })
      .from(customers)
      .where(
        ws.where(
          customers,
          eq(customers.externalId, input.externalId),
          current.id ? ne(customers.id, current.id) : undefined,
        ),
      );
    if (taken) {
      throw new AppError(
        'customers.external_id_taken',
        409,
        `Another customer has external id ${input.externalId}`,
        [{ path: '/externalId', message: 'belongs to another customer', customerId: taken.id }],
      );
    }
  }
  return { identities, customFields };
}

async function organisationProblems(db: Db, workspaceId: string, ids: string[]): Promise<FieldProblem[]> {
  const ws = scoped(db, workspaceId);
  const found = await db
    .select({ id: customers.id })
    .from(customers)
    .where(
      ws.where(
        customers,
        and(inArray(customers.id, ids), eq(customers.kind, 'organisation'), isNull(customers.mergedInto)),
      ),
    );
  const known = new Set(found.map((f) => f.id));
  return ids.flatMap((id, i) =>
    known.has(id)
      ? []
      : [{ path: `/organisationIds/${i}`, message: 'is not an organisation of this workspace' }],
  );
}
