/** Types of the server's JSON contract under /api/v1, as the web app uses them. */

export type Language = 'es' | 'en';
export const LANGUAGES: readonly Language[] = ['es', 'en'];

export { isPermission, PERMISSIONS, type Permission } from '../../lib/permissions.ts';

export const BUILT_IN_ROLES = ['admin', 'supervisor', 'agent', 'sales_rep', 'technician', 'partner'] as const;
export type BuiltInRole = (typeof BUILT_IN_ROLES)[number];

export interface WorkspaceSummary {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  defaultLanguage: Language;
  defaultCountry: string;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  role: string;
  language: Language;
  permissions: string[];
  csrfToken: string;
  workspace: WorkspaceSummary;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: string;
  language: Language;
  active: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface NewUser {
  email: string;
  name: string;
  role: string;
  password: string;
  language?: Language;
}

export interface UserChanges {
  name?: string;
  role?: string;
  language?: Language;
  active?: boolean;
}

export interface Role {
  key: string;
  name: string;
  builtIn: boolean;
  permissions: string[];
}

/** One opening interval; day 0 is Sunday, times are 'HH:MM' in the workspace's time zone. */
export interface OpeningInterval {
  day: number;
  open: string;
  close: string;
}

export interface Holiday {
  date: string;
  name: string;
}

export interface BusinessHours {
  weekly: OpeningInterval[];
  holidays: Holiday[];
}

export interface WorkspaceSettings extends WorkspaceSummary {
  businessHours: BusinessHours;
}

export type WorkspaceChanges = Partial<Omit<WorkspaceSettings, 'id' | 'slug'>>;

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface CreatedApiToken {
  id: string;
  name: string;
  token: string;
}

export interface AuditEntry {
  id: string;
  type: string;
  actorId: string | null;
  actorEmail: string | null;
  at: string;
  payload: unknown;
}

export interface DomainEvent {
  type: string;
  at: string;
  subject: string;
  subjectId: string | null;
  payload: unknown;
}
