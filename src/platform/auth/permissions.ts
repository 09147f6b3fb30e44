/** The built-in roles and the permissions they hold. Roles are data; this is their seed. */
import { PERMISSIONS, type Permission } from '../../lib/permissions.ts';

export { isPermission, PERMISSIONS, type Permission } from '../../lib/permissions.ts';

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
