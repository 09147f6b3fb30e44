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

/** What a search needs of its workspace besides the query, read once and shared by its searches. */
export interface SearchData {
  stats: CorpusStats[];
  synonyms: Synonym[];
  settings: SearchSettings;
  /**
   * Document frequencies of vocabulary terms (stems) looked up while this data is current, per language
   * (0 for a term no article uses): the thesaurus's lookups, asked of the database once per term.
   */
  frequencies: { es: Map<string, number>; en: Map<string, number> };
}

const TTL_MS = 5_000;

/** A workspace's own search settings; null keeps the product's default. */
export interface SearchSettings {
  translationWeight: number | null;
}

export function createContext(deps: KnowledgeDeps) {
  const searchData = new Map<string, { value: SearchData; until: number; refreshing: boolean }>();
  /** Bumped by `forget`: a read that began before a change must not store what it read. */
  const epochs = new Map<string, number>();

  async function load(workspaceId: string): Promise<SearchData> {
    const [stats, synonyms, [setting]] = await Promise.all([
      corpusStats(deps.db, workspaceId),
      deps.db
        .select({ phrase: kbSynonyms.phrase, alternatives: kbSynonyms.alternatives })
        .from(kbSynonyms)
        .where(eq(kbSynonyms.workspaceId, workspaceId)),
      deps.db
        .select({ translationWeight: kbSettings.translationWeight })
        .from(kbSettings)
        .where(eq(kbSettings.workspaceId, workspaceId)),
    ]);
    const settings = { translationWeight: setting?.translationWeight ?? null };
    return { stats, synonyms, settings, frequencies: { es: new Map(), en: new Map() } };
  }

  /** Reads the workspace's data and keeps it, unless the workspace changed meanwhile. */
  async function read(workspaceId: string): Promise<SearchData> {
    const epoch = epochs.get(workspaceId) ?? 0;
    const value = await load(workspaceId);
    if ((epochs.get(workspaceId) ?? 0) === epoch)
      searchData.set(workspaceId, {
        value,
        until: deps.clock.now().getTime() + TTL_MS,
        refreshing: false,
      });
    return value;
  }

  /**
   * Corpus statistics, synonyms and looked-up document frequencies of a workspace, cached a few seconds.
   * This process's changes clear it at once (`forget`); once the few seconds are over, the next search
   * still gets the kept data while it is read again in the background, so no search waits for the
   * statistics' scan of the articles, and another process's change shows within that time and one search.
   * Never inside a transaction.
   */
  async function searchContext(workspaceId: string): Promise<SearchData> {
    const hit = searchData.get(workspaceId);
    if (!hit) return read(workspaceId);
    if (hit.until <= deps.clock.now().getTime() && !hit.refreshing) {
      hit.refreshing = true;
      read(workspaceId).catch(() => {
        // The kept data stays in use; the next search after this one tries again.
        hit.refreshing = false;
      });
    }
    return hit.value;
  }

  const forget = (workspaceId: string) => {
    epochs.set(workspaceId, (epochs.get(workspaceId) ?? 0) + 1);
    searchData.delete(workspaceId);
  };

  return { ...deps, searchContext, forget };
}

export type Context = ReturnType<typeof createContext>;
