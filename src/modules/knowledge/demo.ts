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
  let created = 0;
  for (const a of DEMO_ARTICLES) {
    const common = {
      status: 'published' as const,
      visibility: a.visibility ?? ('public' as const),
      tags: a.tags,
    };
    const es = await articles.create(workspaceId, null, {
      ...common,
      ...a.es,
      language: 'es',
      category: a.category.es,
      externalId: `demo-${a.key}-es`,
    });
    await articles.create(workspaceId, null, {
      ...common,
      ...a.en,
      language: 'en',
      category: a.category.en,
      externalId: `demo-${a.key}-en`,
      translationOf: es.id,
    });
    created += 2;
  }
  await insertSynonyms(deps.db, deps.clock, deps.newId, workspaceId);
  return created;
}

async function insertSynonyms(db: Db, clock: Clock, newId: IdGenerator, workspaceId: string) {
  const now = clock.now();
  await db
    .insert(kbSynonyms)
    .values(DEMO_SYNONYMS.map((s) => ({ ...s, id: newId(), workspaceId, createdAt: now, updatedAt: now })))
    .onConflictDoNothing();
}
