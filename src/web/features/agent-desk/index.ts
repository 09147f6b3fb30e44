/**
 * The agent desk: state and capacity, offers, chats in tabs, the customer panel, call-backs.
 * Its strings register in the `desk` namespace when this module loads.
 */
import type { RouteObject } from 'react-router';
import './i18n.ts';

/**
 * The desk's route, for the app's router (the page checks nothing itself: the section needs `desk.use`).
 * @example children: [...deskRoutes]
 */
export const deskRoutes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import('./DeskPage.tsx')).DeskPage }) },
];
