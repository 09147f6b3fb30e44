/**
 * Articles as scripted answers: what a script step embeds and shows the agent. An article's answer is its
 * title and its body as plain text (the text its suggested passages are cut from), so every contact that
 * reaches the step hears the same, current answer.
 */
import { eq } from 'drizzle-orm';
import { isUuid } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/connect.ts';
import { scoped } from '../../platform/db/scope.ts';
import { kbArticles } from './schema.ts';
import { loadArticles, type Status } from './store.ts';
import { markdownToText } from './text.ts';

export interface KnowledgeAnswer {
  id: string;
  language: 'es' | 'en';
  title: string;
  text: string;
  /** Only a published article's answer is current; a script falls back to its stored text otherwise. */
  status: Status;
}

/**
 * The answers of some articles by id; unknown ids (and strings that are not ids) are left out.
 * @example (await articleAnswers(db, ws, [id])).get(id)?.text // 'Si fue en un vuelo, repórtelo …'
 */
export async function articleAnswers(
  db: Db,
  workspaceId: string,
  ids: string[],
): Promise<Map<string, KnowledgeAnswer>> {
  const articles = await loadArticles(db, workspaceId, [...new Set(ids.filter(isUuid))]);
  return new Map(
    articles.map((a) => [
      a.id,
      { id: a.id, language: a.language, title: a.title, text: markdownToText(a.body), status: a.status },
    ]),
  );
}

/**
 * The id of the article an import gave `externalId`, or null.
 * @example await articleIdOf(db, ws, 'demo-lost-baggage-es')
 */
export async function articleIdOf(db: Db, workspaceId: string, externalId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: kbArticles.id })
    .from(kbArticles)
    .where(scoped(db, workspaceId).where(kbArticles, eq(kbArticles.externalId, externalId)));
  return row?.id ?? null;
}
