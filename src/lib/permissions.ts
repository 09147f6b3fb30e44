/** The catalogue of permissions: what a role can hold. Shared by the server and the web app. */
export const PERMISSIONS = [
  'workspace.manage',
  'users.read',
  'users.manage',
  'roles.manage',
  'audit.read',
  'api_tokens.manage',
  'desk.use',
  'supervise',
  'reports.read',
  'customers.read',
  'customers.write',
  'knowledge.read',
  'knowledge.manage',
  'wfm.read',
  'wfm.manage',
  'routing.manage',
  'interactions.read',
  'interactions.write',
  'sales.use',
  'field.use',
  'partner.portal',
  'scripts.manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const isPermission = (p: string): p is Permission => (PERMISSIONS as readonly string[]).includes(p);
