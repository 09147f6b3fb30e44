import type { Permission } from './permissions.ts';

/** Who is calling: resolved once per request from a session cookie or an API token. */
export interface Principal {
  userId: string;
  workspaceId: string;
  email: string;
  role: string;
  permissions: ReadonlySet<Permission>;
  via: 'session' | 'token';
  /** Present for sessions: the value cookie-authenticated writes must echo in `x-csrf-token`. */
  csrfToken: string | null;
  sessionId: string | null;
}

/** What the HTTP layer needs from whoever keeps users and sessions. */
export interface Authenticator {
  fromSessionToken(token: string): Promise<Principal | null>;
  fromApiToken(token: string): Promise<Principal | null>;
}

/** Who may access a route: anyone, any logged-in user, or holders of a permission. */
export type Access = 'public' | 'authenticated' | Permission;
