import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, idColumn, updatedAt, workspaceColumn } from '../../platform/db/columns.ts';

export const users = pgTable(
  'users',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    language: text('language').$type<'es' | 'en'>().notNull(),
    active: boolean('active').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: at('locked_until'),
    lastLoginAt: at('last_login_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_workspace_email').on(t.workspaceId, t.email), index('users_email').on(t.email)],
);

export const roles = pgTable(
  'roles',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    builtIn: boolean('built_in').notNull(),
    permissions: text('permissions').array().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('roles_workspace_key').on(t.workspaceId, t.key)],
);

/** Server-side login sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [uniqueIndex('sessions_token').on(t.tokenHash), index('sessions_user').on(t.workspaceId, t.userId)],
);

/** API tokens for integrations: shown once, stored hashed, acting with their owner's permissions. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_token').on(t.tokenHash), index('api_tokens_workspace').on(t.workspaceId)],
);

export const passwordResets = pgTable(
  'password_resets',
  {
    id: idColumn(),
    workspaceId: workspaceColumn(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
  },
  (t) => [uniqueIndex('password_resets_token').on(t.tokenHash)],
);
