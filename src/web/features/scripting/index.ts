/**
 * The scripting screens: the scripts list, the selection rules, the designer and each script's report (admin pages, `/admin/scripts…`), the runner
 * component `ScriptRunner` that the agent desk embeds, and its standalone page (`/scripts/run/:interactionId`).
 */
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import './i18n.ts';

export { ScriptRunner } from './ScriptRunner.tsx';

/** The scripts list, an admin page. */
export const ScriptsAdminPage = lazy(() =>
  import('./ScriptsPage.tsx').then((m) => ({ default: m.ScriptsPage })),
);

/** The designer, an admin page for a new script, a script, or one of its versions. */
export const ScriptDesignerPage = lazy(() =>
  import('./DesignerPage.tsx').then((m) => ({ default: m.DesignerPage })),
);
export const DESIGNER_PATHS = ['scripts/new', 'scripts/:id', 'scripts/:id/v/:version'];

/** A script's report (where runs stop, conversion by path), for whoever reads reports. */
export const ScriptReportPage = lazy(() =>
  import('./ReportPage.tsx').then((m) => ({ default: m.ReportPage })),
);
export const REPORT_PATH = 'scripts/:id/report';

/** The selection rules, an admin page beside the scripts list. */
export const ScriptRulesPage = lazy(() => import('./RulesPage.tsx').then((m) => ({ default: m.RulesPage })));
export const RULES_PATH = 'scripts/rules';

/** The scripting routes outside admin, for the app's router. */
export const scriptingRoutes: RouteObject[] = [
  {
    path: 'scripts/run/:interactionId',
    lazy: async () => ({ Component: (await import('./RunnerPage.tsx')).RunnerPage }),
  },
];
