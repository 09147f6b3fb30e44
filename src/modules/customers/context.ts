/**
 * What every customers service shares: its dependencies and short-lived caches of per-workspace settings
 * (default country, custom-field definitions, value rule) that hot paths such as identity lookup read.
 * Another process's change shows within the cache's few seconds; this process's changes clear it at once.
 */
import { asc, eq } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import type { Logger } from '../../platform/logging.ts';
import type { WorkspaceService } from '../workspaces/index.ts';
import type { FieldDefinition } from './custom-fields.ts';
import { customerFieldDefinitions, customerSettings } from './schema.ts';
import { loadWords } from './search-words.ts';
import { buildDictionary, type Dictionary } from './spelling.ts';
import { DEFAULT_VALUE_RULE, floorCutoffs, type TierCutoffs, type ValueRule } from './value.ts';

export interface CustomersDeps {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  newId: IdGenerator;
  workspaces: Pick<WorkspaceService, 'get' | 'list' | 'findBySlug'>;
  /** Checks that an owner is a user of the workspace (rejects when not); absent, owners are not checked. */
  users?: { get(workspaceId: string, id: string): Promise<{ name: string }> };
  /** Where uploaded CSV files wait for their import; the system's temporary directory by default. */
  importDir?: string;
  logger?: Logger;
}

export interface ValueSettings {
  rule: ValueRule;
  cutoffs: TierCutoffs;
  computedAt: Date | null;
}

const TTL_MS = 5_000;

export function createContext(deps: CustomersDeps) {
  const { db, clock } = deps;
  const caches = {
    country: new Map<string, { value: string; until: number }>(),
    fields: new Map<string, { value: FieldDefinition[]; until: number }>(),
    value: new Map<string, { value: ValueSettings; until: number }>(),
  };
  const dictionaries = new Map<string, { value: Dictionary; until: number }>();

  async function cached<T>(
    map: Map<string, { value: T; until: number }>,
    key: string,
    load: () => Promise<T>,
  ) {
    const now = clock.now().getTime();
    const hit = map.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = await load();
    map.set(key, { value, until: now + TTL_MS });
    return value;
  }

  /** The workspace's search words, for correcting typos in queries (never inside a transaction). */
  const dictionary = (workspaceId: string) =>
    cached(dictionaries, workspaceId, async () => buildDictionary(await loadWords(db, workspaceId)));

  /** The workspace's default country, for phone numbers written without a country code (never inside a transaction). */
  const country = (workspaceId: string) =>
    cached(caches.country, workspaceId, async () => (await deps.workspaces.get(workspaceId)).defaultCountry);

  /** Custom-field definitions; inside a transaction, pass it as `via` (PGlite has one connection). */
  const fields = (workspaceId: string, via: Db = db) =>
    cached(caches.fields, workspaceId, async () => {
      const ws = scoped(via, workspaceId);
      const rows = await via
        .select({
          key: customerFieldDefinitions.key,
          label: customerFieldDefinitions.label,
          type: customerFieldDefinitions.type,
          options: customerFieldDefinitions.options,
          required: customerFieldDefinitions.required,
        })
        .from(customerFieldDefinitions)
        .where(ws.where(customerFieldDefinitions))
        .orderBy(asc(customerFieldDefinitions.position), asc(customerFieldDefinitions.key));
      return rows;
    });

  /** The value rule and cut-offs; inside a transaction, pass it as `via`. */
  const valueSettings = (workspaceId: string, via: Db = db) =>
    cached(caches.value, workspaceId, async (): Promise<ValueSettings> => {
      const ws = scoped(via, workspaceId);
      const [row] = await via
        .select({
          rule: customerSettings.valueRule,
          cutoffs: customerSettings.tierCutoffs,
          computedAt: customerSettings.cutoffsComputedAt,
        })
        .from(customerSettings)
        .where(ws.where(customerSettings, eq(customerSettings.workspaceId, workspaceId)));
      if (!row)
        return { rule: DEFAULT_VALUE_RULE, cutoffs: floorCutoffs(DEFAULT_VALUE_RULE), computedAt: null };
      return {
        rule: row.rule,
        cutoffs: row.cutoffs.length > 0 ? row.cutoffs : floorCutoffs(row.rule),
        computedAt: row.computedAt,
      };
    });

  function forget(workspaceId: string): void {
    for (const map of Object.values(caches)) map.delete(workspaceId);
    dictionaries.delete(workspaceId);
  }

  return { ...deps, country, fields, valueSettings, dictionary, forget };
}

export type Context = ReturnType<typeof createContext>;
