/** What every knowledge service shares: dependencies and a short-lived cache of per-workspace search data. */
import { eq } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import type { UnitOfWork } from '../../platform/events/unit-of-work.ts';
import { kbSettings, kbSynonyms } from './schema.ts';
import { type CorpusStats, corpusStats } from './search-sql.ts';
import type { Synonym } from './text.ts';

export interface KnowledgeDeps {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  newId: IdGenerator;
}

const TTL_MS = 5_000;

/** A workspace's own search settings; null keeps the product's default. */
export interface SearchSettings {
  translationWeight: number | null;
}

export function createContext(deps: KnowledgeDeps) {
  const searchData = new Map<
    string,
    { value: { stats: CorpusStats[]; synonyms: Synonym[]; settings: SearchSettings }; until: number }
  >();

  /**
   * Corpus statistics, synonyms and search settings of a workspace, cached a few seconds (another process's change shows
   * within that time; this process's changes clear it at once). Never inside a transaction.
   */
  async function searchContext(workspaceId: string) {
    const now = deps.clock.now().getTime();
    const hit = searchData.get(workspaceId);
    if (hit && hit.until > now) return hit.value;
    const stats = await corpusStats(deps.db, workspaceId);
    const synonyms = await deps.db
      .select({ phrase: kbSynonyms.phrase, alternatives: kbSynonyms.alternatives })
      .from(kbSynonyms)
      .where(eq(kbSynonyms.workspaceId, workspaceId));
    const [row] = await deps.db
      .select({ translationWeight: kbSettings.translationWeight })
      .from(kbSettings)
      .where(eq(kbSettings.workspaceId, workspaceId));
    const value = { stats, synonyms, settings: { translationWeight: row?.translationWeight ?? null } };
    searchData.set(workspaceId, { value, until: now + TTL_MS });
    return value;
  }

  const forget = (workspaceId: string) => searchData.delete(workspaceId);

  return { ...deps, searchContext, forget };
}

export type Context = ReturnType<typeof createContext>;
