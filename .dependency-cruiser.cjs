/** Module boundaries (see docs/architecture.md). Run with `npm run boundaries`. */
module.exports = {
  forbidden: [
    {
      name: 'platform-knows-no-module',
      comment: 'src/platform holds what knows no domain: it never imports a module.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(modules|seed|cli|web)/' },
    },
    {
      name: 'modules-meet-through-index',
      comment:
        'Code outside a module reaches it only through its index.ts, or its cli.ts (the same without HTTP routes, for commands).',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/([^/]+)/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/(index|cli)\\.ts$'],
      },
    },
    {
      name: 'outside-code-uses-module-index',
      comment:
        'The composition root, the command line and the seed use modules through their index.ts (or cli.ts: commands that need no HTTP routes).',
      severity: 'error',
      from: { path: '^src/(app\\.ts|main\\.ts|cli/|seed/)' },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/(index|cli)\\.ts$' },
    },
    {
      name: 'lib-is-standalone',
      comment: 'src/lib holds pure helpers that import neither platform nor modules.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^src/(platform|modules|app|main|cli|seed|web)' },
    },
    {
      name: 'pure-core-does-no-io',
      comment:
        'Pure cores (routing core, queueing math, forecasting, calendars) import no I/O, database or framework.',
      severity: 'error',
      from: {
        path: [
          '^src/modules/routing/core/',
          '^src/modules/wfm/(erlang|staffing|accuracy)',
          '^src/modules/wfm/forecast/',
          '^src/modules/wfm/(plan|event-history|intraday|adherence|roster-check|roster-spec|roster-types|roster-preferences)\\.ts$',
          '^src/modules/workspaces/calendar\\.ts$',
          '^src/modules/routing/hours\\.ts$',
          '^src/modules/knowledge/(text|ranking|passages|jsonl|metrics|markdown-folder|help-pages|stem-cache|stop-words|thesaurus)\\.ts$',
          '^src/modules/analytics/metrics/',
          '^src/modules/analytics/quality/',
          '^src/modules/analytics/report-schedule\\.ts$',
          '^src/modules/chat/(origins|reference|rate-window|settings|tokens)\\.ts$',
          '^src/modules/customers/(value|merge-plan|spelling|nightly|search-text|custom-fields|normalise)\\.ts$',
          '^src/modules/email/(automated|threading|ack-policy|templates|content)\\.ts$',
          '^src/modules/scripting/core/',
          '^src/lib/',
        ],
        pathNot: '\\.test\\.ts$',
      },
      to: {
        path: [
          '^src/platform/',
          '^(node:)?(fs|net|http|https|child_process|dgram|worker_threads)$',
          'node_modules/(fastify|drizzle-orm|pg|@electric-sql|ws|nats)',
        ],
      },
    },
    {
      name: 'server-does-not-import-web',
      comment: 'The browser app and the widget are built separately.',
      severity: 'error',
      from: { path: '^src/(platform|modules|app|main|cli|seed)' },
      to: { path: '^src/(web|widget)/' },
    },
    {
      name: 'web-does-not-import-server',
      comment: 'The browser app talks to the server over HTTP only.',
      severity: 'error',
      from: { path: '^src/(web|widget)/' },
      to: { path: '^src/(platform|modules|app|main|cli|seed)', pathNot: '\\.d\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/web/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    exclude: { path: '\\.test\\.ts$' },
  },
};
