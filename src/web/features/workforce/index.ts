/**
 * The workforce screens: history and plans (`/workforce`) and one plan's forecast, staffing, adjustments
 * and publishing (`/workforce/plans/:id`), its roster (`…/roster`), an agent's own schedule
 * (`/workforce/me`) and adherence (`/workforce/adherence`). Each page checks `wfm.read` / `wfm.manage`.
 */
import type { RouteObject } from 'react-router';
import './i18n.ts';
import './schedule-i18n.ts';

/**
 * The workforce routes, for the app's router.
 * @example { path: '/', element: <AppLayout />, children: [...workforceRoutes, …] }
 */
export const workforceRoutes: RouteObject[] = [
  {
    path: 'workforce',
    lazy: async () => ({ Component: (await import('./WorkforcePage.tsx')).WorkforcePage }),
  },
  {
    path: 'workforce/plans/:id',
    lazy: async () => ({ Component: (await import('./PlanPage.tsx')).PlanPage }),
  },
  {
    path: 'workforce/plans/:id/roster',
    lazy: async () => ({ Component: (await import('./RosterPage.tsx')).RosterPage }),
  },
  {
    path: 'workforce/me',
    lazy: async () => ({ Component: (await import('./MySchedulePage.tsx')).MySchedulePage }),
  },
  {
    path: 'workforce/adherence',
    lazy: async () => ({ Component: (await import('./AdherencePage.tsx')).AdherencePage }),
  },
];
