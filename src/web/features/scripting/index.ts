/**
 * The scripting screens: the scripts list (`/scripts`), the runner component `ScriptRunner` that the agent
 * desk embeds, and its standalone page (`/scripts/run/:interactionId`).
 */
import type { RouteObject } from 'react-router';
import './i18n.ts';

export { ScriptRunner } from './ScriptRunner.tsx';

/** The scripting routes, for the app's router. */
export const scriptingRoutes: RouteObject[] = [
  { path: 'scripts', lazy: async () => ({ Component: (await import('./ScriptsPage.tsx')).ScriptsPage }) },
  {
    path: 'scripts/run/:interactionId',
    lazy: async () => ({ Component: (await import('./RunnerPage.tsx')).RunnerPage }),
  },
];
