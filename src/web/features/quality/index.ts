/**
 * The quality screens: `/quality` (supervisors: evaluations, scorecards, calibration, trends; agents:
 * their own evaluations) and `/quality/evaluate/:interactionId` (the transcript beside the scorecard).
 */
import type { RouteObject } from 'react-router';
import './i18n.ts';

/** The quality routes, for the app's router; supervisors and agents (their own evaluations). */
export const qualityRoutes: RouteObject[] = [
  { path: 'quality', lazy: async () => ({ Component: (await import('./QualityPage.tsx')).QualityPage }) },
  {
    path: 'quality/evaluate/:interactionId',
    lazy: async () => ({ Component: (await import('./EvaluatePage.tsx')).EvaluatePage }),
  },
];
