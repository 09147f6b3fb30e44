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
   * Document frequencies of vocabulary terms (stems) looked up since `since` (ms), per language (0 for a
   * term no article uses): the thesaurus's lookups, asked of the database once per term. They outlive the
   * refreshes that find the same corpus statistics, for at most `FREQUENCIES_MS`.
   */
  frequencies: { es: Map<string, number>; en: Map<string, number>; since: number };
}

const TTL_MS = 5_000;
/**
 * How long looked-up document frequencies are kept while the corpus's statistics stay the same. A change
 * in this process clears them at once; another process's change shows in the statistics (article counts,
 * field lengths), or at the latest after this long when it kept them.
 */
const FREQUENCIES_MS = 60_000;

/** Whether two readings of the corpus statistics are the same (same languages, counts and lengths). */
export const sameStats = (a: readonly CorpusStats[], b: readonly CorpusStats[]): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

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
    const since = deps.clock.now().getTime();
    return { stats, synonyms, settings, frequencies: { es: new Map(), en: new Map(), since } };
  }

  /** Reads the workspace's data and keeps it, unless the workspace changed meanwhile. */
  async function read(workspaceId: string): Promise<SearchData> {
    const epoch = epochs.get(workspaceId) ?? 0;
    const kept = searchData.get(workspaceId)?.value;
    const value = await load(workspaceId);
    if ((epochs.get(workspaceId) ?? 0) !== epoch) return value;
    const now = deps.clock.now().getTime();
    if (kept && now - kept.frequencies.since < FREQUENCIES_MS && sameStats(kept.stats, value.stats))
      value.frequencies = kept.frequencies;
    searchData.set(workspaceId, { value, until: now + TTL_MS, refreshing: false });
    return value;
  }

  /**
   * Corpus statistics, synonyms and looked-up document frequencies of a workspace, cached a few seconds
   * (the frequencies longer, while the statistics stay the same).
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
