/** The demo workspace's users and what the navigation must show each of them. */

export const DEMO_PASSWORD = 'demo1234';

export interface DemoUser {
  role: string;
  email: string;
  /** Top-level navigation entries, in order. */
  sections: string[];
  /** Admin sub-pages, in order; empty when the Admin section is hidden. */
  adminPages: string[];
  /** A page this role must not open. */
  forbidden: string;
}

const ALL_SECTIONS = [
  'home',
  'desk',
  'supervisor',
  'customers',
  'knowledge',
  'workforce',
  'reports',
  'sales',
  'field',
  'partner',
  'admin',
];

export const DEMO_USERS: DemoUser[] = [
  {
    role: 'admin',
    email: 'admin@servicenter.co',
    sections: ALL_SECTIONS,
    adminPages: [
      'users',
      'roles',
      'workspace',
      'apiTokens',
      'audit',
      'customerFields',
      'customerValue',
      'queues',
      'agentProfiles',
      'scripts',
      'mailboxes',
      'emailTemplates',
      'webChannels',
    ],
    forbidden: '/nowhere',
  },
  {
    role: 'supervisor',
    email: 'supervisor@servicenter.co',
    sections: ['home', 'desk', 'supervisor', 'customers', 'knowledge', 'workforce', 'reports', 'admin'],
    adminPages: ['users', 'queues', 'agentProfiles', 'scripts'],
    forbidden: '/admin/roles',
  },
  {
    role: 'agent',
    email: 'agente@servicenter.co',
    sections: ['home', 'desk', 'customers', 'knowledge', 'workforce'],
    adminPages: [],
    forbidden: '/admin/users',
  },
  {
    role: 'sales_rep',
    email: 'ventas@servicenter.co',
    sections: ['home', 'customers', 'knowledge', 'sales'],
    adminPages: [],
    forbidden: '/desk',
  },
  {
    role: 'technician',
    email: 'tecnico@servicenter.co',
    sections: ['home', 'customers', 'knowledge', 'field'],
    adminPages: [],
    forbidden: '/sales',
  },
  {
    role: 'partner',
    email: 'socio@servicenter.co',
    sections: ['home', 'knowledge', 'partner'],
    adminPages: [],
    forbidden: '/customers',
  },
];

/** Which sections a set of permissions opens, by the rules the brief gives (independent of the app's code). */
export function sectionsFor(permissions: string[]): string[] {
  const has = (...any: string[]) => any.some((permission) => permissions.includes(permission));
  const rules: [string, boolean][] = [
    ['home', true],
    ['desk', has('desk.use')],
    ['supervisor', has('supervise')],
    ['customers', has('customers.read')],
    ['knowledge', has('knowledge.read')],
    ['workforce', has('wfm.read')],
    ['reports', has('reports.read')],
    ['sales', has('sales.use')],
    ['field', has('field.use')],
    ['partner', has('partner.portal')],
    [
      'admin',
      has(
        'workspace.manage',
        'users.manage',
        'roles.manage',
        'audit.read',
        'api_tokens.manage',
        'routing.manage',
      ),
    ],
  ];
  return rules.filter(([, shown]) => shown).map(([key]) => key);
}
