/**
 * The e-mail channel's screens: mailbox and template administration, and the conversation with its
 * composer for the desk. Its strings register in the `email` namespace when this module loads.
 */
import type { RouteObject } from 'react-router';
import './i18n.ts';

/**
 * The conversation page under the desk's path, for the app's router.
 * @example { path: 'desk', children: [...deskRoutes, ...emailDeskRoutes] }
 */
export const emailDeskRoutes: RouteObject[] = [
  { path: 'email/:id', lazy: async () => ({ Component: (await import('./EmailPage.tsx')).EmailPage }) },
];
