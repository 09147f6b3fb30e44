/**
 * Knowledge: articles in Spanish and English with versions and translations, search (BM25F in SQL with
 * stemming, accent folding, typo tolerance and synonyms), learning from use, the public help center,
 * suggested answers for agents, and the `kb` command. Other modules use only what this file exports.
 */
import type { WorkspaceService } from '../workspaces/index.ts';
import { articleAnswers, articleIdOf } from './answers.ts';
import { articleRoutes } from './articles-routes.ts';
import { createArticleService } from './articles-service.ts';
import { attachmentRoutes } from './attachments-routes.ts';
import { createAttachmentService } from './attachments-service.ts';
import { createContext, type KnowledgeDeps } from './context.ts';
import { seedDemoKnowledge } from './demo.ts';
import { helpRoutes } from './help-routes.ts';
import { createHelpService } from './help-service.ts';
import { createLearningService } from './learning-service.ts';
import { searchRoutes } from './search-routes.ts';
import { createSearchService } from './search-service.ts';
import { settingsRoutes } from './settings-routes.ts';
import { loadThesauri } from './thesaurus-data.ts';

export type { KnowledgeAnswer } from './answers.ts';
export type { ArticleInput } from './articles-service.ts';
export { kbCommand } from './command.ts';
export type { KnowledgeDeps } from './context.ts';
export type { SearchHit, SearchResult } from './search-service.ts';

/**
 * Wires the knowledge module: services, the API routes (to mount under /api/v1) and the public help
 * center routes (to mount at the root: `/help/…` and `/api/v1/public/knowledge/…`).
 * @example
 * const knowledge = createKnowledge({ db, uow, clock, newId, workspaces });
 * for (const routes of knowledge.routes) await api.register(routes);
 * await app.register(knowledge.publicRoutes);
 * const { hits } = await knowledge.suggest(workspaceId, 'el cliente necesita instrucciones de lavado');
 */
export function createKnowledge(deps: KnowledgeDeps & { workspaces: Pick<WorkspaceService, 'findBySlug'> }) {
  const ctx = createContext(deps);
  const articles = createArticleService(ctx);
  const search = createSearchService(ctx);
  const learning = createLearningService(ctx);
  const help = createHelpService(ctx);
  const attachments = createAttachmentService(ctx);
  return {
    /**
     * The top 3 answers with their passages for what a customer wrote or an agent typed.
     * @example await knowledge.suggest(ws, 'instrucciones de lavado de sábanas de franela', 'es')
     */
    suggest: (workspaceId: string, text: string, language?: 'es' | 'en') =>
      search.search(workspaceId, {
        query: text,
        ...(language ? { language } : {}),
        audience: 'agent',
        source: 'agent',
        limit: 3,
      }),
    /**
     * Whether the workspace's help center has published public articles in this language (the chat
     * widget shows its search box then).
     * @example await knowledge.hasPublicArticles(ws, 'es') // true
     */
    hasPublicArticles: async (workspaceId: string, language: 'es' | 'en') =>
      (await help.articles(workspaceId, language, undefined, 1)).length > 0,
    /**
     * Articles as scripted answers (title and body as plain text, with their status); unknown ids are left out.
     * @example (await knowledge.answers(ws, [articleId])).get(articleId)?.text
     */
    answers: (workspaceId: string, ids: string[]) => articleAnswers(deps.db, workspaceId, ids),
    /**
     * The id of the article an import gave `externalId` (`demo-lost-baggage-es`), or null.
     * @example await knowledge.articleIdOf(ws, 'demo-lost-baggage-es')
     */
    articleIdOf: (workspaceId: string, externalId: string) => articleIdOf(deps.db, workspaceId, externalId),
    /** Reads the default thesauri ahead of the first search (the server calls it as it starts). */
    warm: loadThesauri,
    /** Seeds the Servicenter help center (articles in Spanish and English, synonyms) into a workspace. */
    seedDemo: (workspaceId: string) => seedDemoKnowledge(deps, workspaceId),
    services: { articles, search, learning, help, attachments },
    routes: [
      articleRoutes(ctx, articles),
      attachmentRoutes(articles, attachments),
      searchRoutes(search, learning, deps.clock),
      settingsRoutes(ctx),
    ],
    publicRoutes: helpRoutes({ workspaces: deps.workspaces, help, search, learning, attachments }),
  };
}

export type Knowledge = ReturnType<typeof createKnowledge>;
