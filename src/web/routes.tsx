/** Every route of the app; sections and admin pages come from the same table as the navigation. */
import { lazy } from 'react';
import { Outlet, type RouteObject } from 'react-router';
import { deskRoutes } from './features/agent-desk/index.ts';
import { ForgotPasswordPage } from './features/auth/ForgotPasswordPage.tsx';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage.tsx';
import { RequireSession } from './features/auth/session.tsx';
import { ComingSoonPage } from './features/coming-soon/ComingSoonPage.tsx';
import { customerRoutes } from './features/customers/index.ts';
import { emailDeskRoutes } from './features/email/index.ts';
import { HomePage } from './features/home/HomePage.tsx';
import { knowledgeRoutes } from './features/knowledge/index.ts';
import { qualityRoutes } from './features/quality/index.ts';
import {
  DESIGNER_PATHS,
  REPORT_PATH,
  RULES_PATH,
  ScriptDesignerPage,
  ScriptReportPage,
  ScriptRulesPage,
  ScriptsAdminPage,
  scriptingRoutes,
} from './features/scripting/index.ts';
import { workforceRoutes } from './features/workforce/index.ts';
import { AppLayout } from './shell/AppLayout.tsx';
import { ADMIN_PAGES, ADMIN_PERMISSIONS, type AdminPageKey, SECTIONS, type SectionKey } from './shell/nav.ts';
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
  customerFields: lazy(() =>
    import('./features/customers/FieldsAdminPage.tsx').then((m) => ({ default: m.FieldsAdminPage })),
  ),
  customerValue: lazy(() =>
    import('./features/customers/ValueRulePage.tsx').then((m) => ({ default: m.ValueRulePage })),
  ),
  queues: lazy(() =>
    import('./features/routing-admin/QueuesPage.tsx').then((m) => ({ default: m.QueuesPage })),
  ),
  agentProfiles: lazy(() =>
    import('./features/routing-admin/AgentProfilesPage.tsx').then((m) => ({ default: m.AgentProfilesPage })),
  ),
  scripts: ScriptsAdminPage,
  mailboxes: lazy(() =>
    import('./features/email/MailboxesPage.tsx').then((m) => ({ default: m.MailboxesPage })),
  ),
  emailTemplates: lazy(() =>
    import('./features/email/TemplatesPage.tsx').then((m) => ({ default: m.TemplatesPage })),
  ),
  webChannels: lazy(() =>
    import('./features/chat-admin/index.ts').then((m) => ({ default: m.ChannelsPage })),
  ),
} satisfies Record<AdminPageKey, unknown>;

/** Sections whose screens are one page. */
const SECTION_SCREENS: Partial<Record<SectionKey, ReturnType<typeof lazy>>> = {
  supervisor: lazy(() =>
    import('./features/supervisor/index.ts').then((m) => ({ default: m.WallboardPage })),
  ),
  reports: lazy(() => import('./features/supervisor/index.ts').then((m) => ({ default: m.ReportsPage }))),
};

/** Sections with pages of their own under the section's path. */
const SECTION_ROUTES: Partial<Record<SectionKey, RouteObject[]>> = {
  customers: customerRoutes,
  desk: [{ path: 'desk', children: [...deskRoutes, ...emailDeskRoutes] }],
  workforce: workforceRoutes,
  knowledge: knowledgeRoutes,
};

const sectionRoutes: RouteObject[] = SECTIONS.flatMap((section): RouteObject[] => {
  if (section.key === 'home' || section.key === 'admin') return [];
  const children = SECTION_ROUTES[section.key];
  if (children) {
    return [
      {
        element: (
          <RequirePermission anyOf={section.anyOf}>
            <Outlet />
          </RequirePermission>
        ),
        children,
      },
    ];
  }
  const Screen = SECTION_SCREENS[section.key];
  return [
    {
      path: section.path.slice(1),
      element: (
        <RequirePermission anyOf={section.anyOf}>
          {Screen ? <Screen /> : <ComingSoonPage section={section.key} />}
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

const designerRoutes: RouteObject[] = [
  ...DESIGNER_PATHS.map((path) => ({ path, Screen: ScriptDesignerPage, anyOf: ['scripts.manage'] as const })),
  { path: RULES_PATH, Screen: ScriptRulesPage, anyOf: ['scripts.manage'] as const },
  { path: REPORT_PATH, Screen: ScriptReportPage, anyOf: ['reports.read'] as const },
].map(({ path, Screen, anyOf }) => ({
  path,
  element: (
    <RequirePermission anyOf={[...anyOf]}>
      <Screen />
    </RequirePermission>
  ),
}));

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
        element: (
          <RequirePermission anyOf={['supervise', 'desk.use']}>
            <Outlet />
          </RequirePermission>
        ),
        children: qualityRoutes,
      },
      {
        path: 'admin',
        element: (
          <RequirePermission anyOf={ADMIN_PERMISSIONS}>
            <Outlet />
          </RequirePermission>
        ),
        children: [{ index: true, element: <AdminIndex /> }, ...adminRoutes, ...designerRoutes],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** Pages reachable without a session; a 401 there must not bounce to the login page. */
export const PUBLIC_PATHS = ['/login', '/forgot-password', '/reset-password'];
