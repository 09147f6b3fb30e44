/** Typed calls to every /api/v1 endpoint the web app uses. */
import { request, setCsrfToken } from './client.ts';
import type {
  ApiToken,
  AuditEntry,
  CreatedApiToken,
  Language,
  Me,
  NewUser,
  Page,
  Role,
  User,
  UserChanges,
  WorkspaceChanges,
  WorkspaceSettings,
} from './types.ts';

const V1 = '/api/v1';

function remember(me: Me): Me {
  setCsrfToken(me.csrfToken);
  return me;
}

export const auth = {
  login: (input: { email: string; password: string; workspace?: string }) =>
    request<Me>('POST', `${V1}/auth/login`, { body: input, allowUnauthorized: true }).then(remember),
  logout: () => request<void>('POST', `${V1}/auth/logout`, { allowUnauthorized: true }),
  requestPasswordReset: (input: { email: string; workspace?: string }) =>
    request<void>('POST', `${V1}/auth/password-reset`, { body: input }),
  confirmPasswordReset: (input: { token: string; password: string }) =>
    request<void>('POST', `${V1}/auth/password-reset/confirm`, { body: input }),
};

export const me = {
  /** The session probe: a 401 here means "not logged in", not "go to login". */
  get: () => request<Me>('GET', `${V1}/me`, { allowUnauthorized: true }).then(remember),
  update: (changes: { name?: string; language?: Language }) =>
    request<Me>('PATCH', `${V1}/me`, { body: changes }).then(remember),
  changePassword: (input: { currentPassword: string; newPassword: string }) =>
    request<void>('POST', `${V1}/me/password`, { body: input }),
};

export const users = {
  list: (params: { q?: string; limit?: number; cursor?: string | null }) =>
    request<Page<User>>('GET', `${V1}/users`, { query: params }),
  get: (id: string) => request<User>('GET', `${V1}/users/${encodeURIComponent(id)}`),
  create: (input: NewUser) => request<User>('POST', `${V1}/users`, { body: input }),
  update: (id: string, changes: UserChanges) =>
    request<User>('PATCH', `${V1}/users/${encodeURIComponent(id)}`, { body: changes }),
};

export const roles = {
  list: () => request<{ items: Role[] }>('GET', `${V1}/roles`),
  create: (input: { key: string; name: string; permissions: string[] }) =>
    request<Role>('POST', `${V1}/roles`, { body: input }),
  update: (key: string, changes: { name?: string; permissions?: string[] }) =>
    request<Role>('PATCH', `${V1}/roles/${encodeURIComponent(key)}`, { body: changes }),
  permissions: () => request<{ items: string[] }>('GET', `${V1}/permissions`),
};

export const workspace = {
  get: () => request<WorkspaceSettings>('GET', `${V1}/workspace`),
  update: (changes: WorkspaceChanges) =>
    request<WorkspaceSettings>('PATCH', `${V1}/workspace`, { body: changes }),
};

export const apiTokens = {
  list: () => request<{ items: ApiToken[] }>('GET', `${V1}/api-tokens`),
  create: (input: { name: string }) => request<CreatedApiToken>('POST', `${V1}/api-tokens`, { body: input }),
  revoke: (id: string) => request<void>('DELETE', `${V1}/api-tokens/${encodeURIComponent(id)}`),
};

export const audit = {
  list: (params: { limit?: number; cursor?: string | null }) =>
    request<Page<AuditEntry>>('GET', `${V1}/audit`, { query: params }),
};

/** TanStack Query keys, in one place so invalidation matches what the screens read. */
export const queryKeys = {
  me: ['me'] as const,
  users: ['users'] as const,
  usersPage: (q: string, cursor: string | null) => ['users', { q, cursor }] as const,
  roles: ['roles'] as const,
  permissions: ['permissions'] as const,
  workspace: ['workspace'] as const,
  apiTokens: ['api-tokens'] as const,
  audit: ['audit'] as const,
  auditPage: (cursor: string | null) => ['audit', { cursor }] as const,
};
