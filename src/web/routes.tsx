/** Every route of the app; sections and admin pages come from the same table as the navigation. */
import { lazy } from 'react';
import { Outlet, type RouteObject } from 'react-router';
import { ForgotPasswordPage } from './features/auth/ForgotPasswordPage.tsx';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage.tsx';
import { RequireSession } from './features/auth/session.tsx';
import { ComingSoonPage } from './features/coming-soon/ComingSoonPage.tsx';
import { HomePage } from './features/home/HomePage.tsx';
import { scriptingRoutes } from './features/scripting/index.ts';
import { AppLayout } from './shell/AppLayout.tsx';
import { ADMIN_PAGES, ADMIN_PERMISSIONS, type AdminPageKey, SECTIONS } from './shell/nav.ts';
import { NotFoundPage, RequirePermission } from './shell/RequirePermission.tsx';

// Admin and profile screens load on first visit: most users of the desk never open them.
const ProfilePage = lazy(() =>
  import('./features/profile/ProfilePage.tsx').then((m) => ({ default: m.ProfilePage })),
);
const AdminIndex = lazy(() =>
  import('./features/admin/AdminIndex.tsx').then((m) => ({ default: m.AdminIndex })),
);
const ADMIN_SCREENS = {
  users: lazy(() => import('./features/admin/users/UsersPage.tsx').then((m) => ({ default: m.UsersPage }))),
  roles: lazy(() => import('./features/admin/roles/RolesPage.tsx').then((m) => ({ default: m.RolesPage }))),
  workspace: lazy(() =>
    import('./features/admin/workspace/WorkspacePage.tsx').then((m) => ({ default: m.WorkspacePage })),
  ),
  apiTokens: lazy(() =>
    import('./features/admin/api-tokens/ApiTokensPage.tsx').then((m) => ({ default: m.ApiTokensPage })),
  ),
  audit: lazy(() => import('./features/admin/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage }))),
} satisfies Record<AdminPageKey, unknown>;

const sectionRoutes: RouteObject[] = SECTIONS.flatMap((section) => {
  if (section.key === 'home' || section.key === 'admin') return [];
  return [
    {
      path: section.path.slice(1),
      element: (
        <RequirePermission anyOf={section.anyOf}>
          <ComingSoonPage section={section.key} />
        </RequirePermission>
      ),
    },
  ];
});

const adminRoutes: RouteObject[] = ADMIN_PAGES.map((page) => {
  const Screen = ADMIN_SCREENS[page.key];
  return {
    path: page.path.replace('/admin/', ''),
    element: (
      <RequirePermission anyOf={page.anyOf}>
        <Screen />
      </RequirePermission>
    ),
  };
});

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'profile', element: <ProfilePage /> },
      ...sectionRoutes,
      ...scriptingRoutes,
      {
        path: 'admin',
        element: (
          <RequirePermission anyOf={ADMIN_PERMISSIONS}>
            <Outlet />
          </RequirePermission>
        ),
        children: [{ index: true, element: <AdminIndex /> }, ...adminRoutes],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** Pages reachable without a session; a 401 there must not bounce to the login page. */
export const PUBLIC_PATHS = ['/login', '/forgot-password', '/reset-password'];
