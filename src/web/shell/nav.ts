/** What the navigation offers, and to whom: one table drives the menu, the routes and the `g` shortcuts. */
import type { Permission } from '../api/types.ts';

export type SectionKey =
  | 'home'
  | 'desk'
  | 'supervisor'
  | 'customers'
  | 'knowledge'
  | 'workforce'
  | 'reports'
  | 'sales'
  | 'field'
  | 'partner'
  | 'admin';

export type AdminPageKey =
  | 'users'
  | 'roles'
  | 'workspace'
  | 'apiTokens'
  | 'audit'
  | 'customerFields'
  | 'customerValue'
  | 'queues'
  | 'agentProfiles'
  | 'scripts'
  | 'mailboxes'
  | 'emailTemplates'
  | 'webChannels';

export interface Section {
  key: SectionKey;
  path: string;
  /** The user needs at least one of these; an empty list means everyone. */
  anyOf: readonly Permission[];
  /** Second key of the `g <key>` shortcut. */
  shortcut: string;
  /** Built yet? Sections that are not show a "coming soon" page. */
  available: boolean;
}

export interface AdminPage {
  key: AdminPageKey;
  path: string;
  anyOf: readonly Permission[];
  shortcut?: string;
}

export const ADMIN_PAGES: readonly AdminPage[] = [
  { key: 'users', path: '/admin/users', anyOf: ['users.manage', 'users.read'], shortcut: 'u' },
  { key: 'roles', path: '/admin/roles', anyOf: ['roles.manage'] },
  { key: 'workspace', path: '/admin/workspace', anyOf: ['workspace.manage'] },
  { key: 'apiTokens', path: '/admin/api-tokens', anyOf: ['api_tokens.manage'] },
  { key: 'audit', path: '/admin/audit', anyOf: ['audit.read'] },
  { key: 'customerFields', path: '/admin/customer-fields', anyOf: ['workspace.manage'] },
  { key: 'customerValue', path: '/admin/customer-value', anyOf: ['workspace.manage'] },
  { key: 'queues', path: '/admin/queues', anyOf: ['routing.manage'], shortcut: 'q' },
  { key: 'agentProfiles', path: '/admin/agent-profiles', anyOf: ['routing.manage'] },
  { key: 'scripts', path: '/admin/scripts', anyOf: ['scripts.manage'] },
  { key: 'mailboxes', path: '/admin/mailboxes', anyOf: ['workspace.manage'] },
  { key: 'emailTemplates', path: '/admin/email-templates', anyOf: ['workspace.manage'] },
  { key: 'webChannels', path: '/admin/web-channels', anyOf: ['workspace.manage'] },
];

/** Having any of these shows the Admin section. */
export const ADMIN_PERMISSIONS: readonly Permission[] = [
  'workspace.manage',
  'users.manage',
  'roles.manage',
  'audit.read',
  'api_tokens.manage',
  'routing.manage',
  'scripts.manage',
];

export const SECTIONS: readonly Section[] = [
  { key: 'home', path: '/', anyOf: [], shortcut: 'h', available: true },
  { key: 'desk', path: '/desk', anyOf: ['desk.use'], shortcut: 'd', available: true },
  { key: 'supervisor', path: '/supervisor', anyOf: ['supervise'], shortcut: 's', available: true },
  { key: 'customers', path: '/customers', anyOf: ['customers.read'], shortcut: 'c', available: true },
  { key: 'knowledge', path: '/knowledge', anyOf: ['knowledge.read'], shortcut: 'k', available: true },
  { key: 'workforce', path: '/workforce', anyOf: ['wfm.read'], shortcut: 'w', available: true },
  { key: 'reports', path: '/reports', anyOf: ['reports.read'], shortcut: 'r', available: true },
  { key: 'sales', path: '/sales', anyOf: ['sales.use'], shortcut: 'v', available: false },
  { key: 'field', path: '/field', anyOf: ['field.use'], shortcut: 'f', available: false },
  { key: 'partner', path: '/partner', anyOf: ['partner.portal'], shortcut: 'p', available: false },
  { key: 'admin', path: '/admin', anyOf: ADMIN_PERMISSIONS, shortcut: 'a', available: true },
];

/**
 * Whether a holder of `permissions` may use something guarded by `anyOf`.
 * @example allows(['desk.use'], ['desk.use', 'supervise']) // true
 */
export function allows(permissions: readonly string[], anyOf: readonly Permission[]): boolean {
  return anyOf.length === 0 || anyOf.some((permission) => permissions.includes(permission));
}

/** The sections a holder of `permissions` sees, in menu order. */
export function visibleSections(permissions: readonly string[]): Section[] {
  return SECTIONS.filter((section) => allows(permissions, section.anyOf));
}

/** The admin sub-pages a holder of `permissions` sees, in menu order. */
export function visibleAdminPages(permissions: readonly string[]): AdminPage[] {
  if (!allows(permissions, ADMIN_PERMISSIONS)) return [];
  return ADMIN_PAGES.filter((page) => allows(permissions, page.anyOf));
}
