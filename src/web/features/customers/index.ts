/**
 * The customers screens: search, the customer 360 page, create and edit, duplicates review and import.
 * Routes are relative to the app's root layout; each page checks `customers.read` / `customers.write`.
 */
import type { RouteObject } from 'react-router';
import './i18n.ts';

/**
 * The customers routes, for the app's router.
 * @example { path: '/', element: <AppLayout />, children: [...customerRoutes, …] }
 */
export const customerRoutes: RouteObject[] = [
  {
    path: 'customers',
    lazy: async () => ({ Component: (await import('./CustomerSearchPage.tsx')).CustomerSearchPage }),
  },
  {
    path: 'customers/new',
    lazy: async () => ({ Component: (await import('./CustomerFormPage.tsx')).CustomerFormPage }),
  },
  {
    path: 'customers/duplicates',
    lazy: async () => ({ Component: (await import('./DuplicatesPage.tsx')).DuplicatesPage }),
  },
  {
    path: 'customers/import',
    lazy: async () => ({ Component: (await import('./ImportPage.tsx')).ImportPage }),
  },
  {
    path: 'customers/:id',
    lazy: async () => ({ Component: (await import('./CustomerPage.tsx')).CustomerPage }),
  },
  {
    path: 'customers/:id/edit',
    lazy: async () => ({ Component: (await import('./CustomerFormPage.tsx')).CustomerFormPage }),
  },
];

export { useCustomersT } from './i18n.ts';
