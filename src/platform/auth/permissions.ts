/** The catalogue of permissions and the built-in roles that hold them. Roles are data; this is their seed. */
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

export const BUILT_IN_ROLES: Record<string, { name: string; permissions: readonly Permission[] }> = {
  admin: { name: 'Administrator', permissions: PERMISSIONS },
  supervisor: {
    name: 'Supervisor',
    permissions: [
      'users.read',
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
      'scripts.manage',
    ],
  },
  agent: {
    name: 'Agent',
    permissions: [
      'desk.use',
      'customers.read',
      'customers.write',
      'knowledge.read',
      'wfm.read',
      'interactions.read',
      'interactions.write',
    ],
  },
  sales_rep: {
    name: 'Sales representative',
    permissions: ['sales.use', 'customers.read', 'customers.write', 'knowledge.read'],
  },
  technician: { name: 'Technician', permissions: ['field.use', 'customers.read', 'knowledge.read'] },
  partner: { name: 'Partner', permissions: ['partner.portal', 'knowledge.read'] },
};

export const ROLE_KEYS = Object.keys(BUILT_IN_ROLES);
