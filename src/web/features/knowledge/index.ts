/**
 * The knowledge screens: the articles list, the editor with preview and versions, and suggested answers
 * (a standalone page and the `SuggestedAnswers` component the agent desk embeds).
 */
import type { RouteObject } from 'react-router';
import './i18n.ts';

/** The knowledge routes, for the app's router. */
export const knowledgeRoutes: RouteObject[] = [
  {
    path: 'knowledge',
    lazy: async () => ({ Component: (await import('./KnowledgePage.tsx')).KnowledgePage }),
  },
  {
    path: 'knowledge/suggest',
    lazy: async () => ({ Component: (await import('./SuggestPage.tsx')).SuggestPage }),
  },
  {
    path: 'knowledge/new',
    lazy: async () => ({ Component: (await import('./ArticleEditorPage.tsx')).ArticleEditorPage }),
  },
  {
    path: 'knowledge/articles/:id',
    lazy: async () => ({ Component: (await import('./ArticleEditorPage.tsx')).ArticleEditorPage }),
  },
];

export { useKnowledgeT } from './i18n.ts';
export { SuggestedAnswers, type SuggestedAnswersProps } from './SuggestedAnswers.tsx';
