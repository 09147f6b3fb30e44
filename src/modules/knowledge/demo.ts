/** Seeds the Servicenter help center: articles in Spanish and English, linked as translations, and synonyms. */
import type { Clock, IdGenerator } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { createArticleService } from './articles-service.ts';
import { createContext, type KnowledgeDeps } from './context.ts';
import { DEMO_ARTICLES, DEMO_SYNONYMS } from './demo-data.ts';
import { kbSynonyms } from './schema.ts';

/**
 * Creates the demo articles (published) and synonyms in a workspace.
 * @example await seedDemoKnowledge({ db, uow, clock, newId }, workspace.id)
 */
export async function seedDemoKnowledge(deps: KnowledgeDeps, workspaceId: string): Promise<number> {
  const articles = createArticleService(createContext(deps));
  const common = (a: (typeof DEMO_ARTICLES)[number]) => ({
    status: 'published' as const,
    visibility: a.visibility ?? ('public' as const),
    tags: a.tags,
  });
  // Two transactions (Spanish, then English linked to it), each indexed once: seeding stays quick.
  await articles.upsertMany(
    workspaceId,
    null,
    DEMO_ARTICLES.map((a) => ({
      ...common(a),
      ...a.es,
      language: 'es',
      category: a.category.es,
      externalId: `demo-${a.key}-es`,
    })),
  );
  const spanish = new Map(
    (await articles.list(workspaceId, { language: 'es' }, 1000)).map((a) => [a.externalId, a.id]),
  );
  await articles.upsertMany(
    workspaceId,
    null,
    DEMO_ARTICLES.map((a) => {
      const translationOf = spanish.get(`demo-${a.key}-es`);
      return {
        ...common(a),
        ...a.en,
        language: 'en' as const,
        category: a.category.en,
        externalId: `demo-${a.key}-en`,
        ...(translationOf ? { translationOf } : {}),
      };
    }),
  );
  await insertSynonyms(deps.db, deps.clock, deps.newId, workspaceId);
  return DEMO_ARTICLES.length * 2;
}

async function insertSynonyms(db: Db, clock: Clock, newId: IdGenerator, workspaceId: string) {
  const now = clock.now();
  await db
    .insert(kbSynonyms)
    .values(DEMO_SYNONYMS.map((s) => ({ ...s, id: newId(), workspaceId, createdAt: now, updatedAt: now })))
    .onConflictDoNothing();
}
