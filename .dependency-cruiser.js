/** Architecture rules, checked by `npm test` (see docs/architecture.md). */
const lib = (name) => `^libs/${name}/`;

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'No import cycles anywhere.', from: {}, to: { circular: true } },
    {
      name: 'workflow-is-pure',
      severity: 'error',
      comment: 'libs/workflow holds machines only: it may import xstate and libs/shared, nothing else. Specs and their support in testing/ (which production code may not import, see not-to-tests) may use test libraries.',
      from: { path: lib('workflow'), pathNot: ['\\.spec\\.ts$', '^libs/workflow/src/testing/'] },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer'], pathNot: '^node_modules/xstate/' },
    },
    {
      name: 'workflow-imports-only-shared',
      severity: 'error',
      from: { path: lib('workflow') },
      to: { path: '^libs/', pathNot: ['^libs/workflow/', '^libs/shared/'] },
    },
    {
      name: 'calendar-is-pure',
      severity: 'error',
      comment: 'The legal calendar is date arithmetic: no framework, no other lib.',
      from: { path: lib('calendar'), pathNot: '\\.spec\\.ts$' },
      to: { path: ['^node_modules/', '^libs/'], pathNot: '^libs/calendar/' },
    },
    {
      name: 'no-orm-outside-persistence',
      severity: 'error',
      comment: 'Only libs/persistence (and the composition root) talks to TypeORM and the database drivers.',
      from: { path: '^libs/', pathNot: '^libs/persistence/' },
      to: { path: '^node_modules/(typeorm|pg|better-sqlite3)/' },
    },
    {
      name: 'persistence-only-from-apps',
      severity: 'error',
      comment: 'Libraries declare ports; persistence implements them and only the application wires it in.',
      from: { path: '^libs/', pathNot: '^libs/persistence/' },
      to: { path: '^libs/persistence/' },
    },
    { name: 'libs-never-import-apps', severity: 'error', from: { path: '^libs/' }, to: { path: '^apps/' } },
    {
      name: 'import-libs-from-their-root',
      severity: 'error',
      comment: "Another lib is imported through its index.ts (@app/<lib>), never by a deep path.",
      from: { path: '^(libs|apps)/([^/]+)/' },
      to: { path: '^libs/([^/]+)/src/.+', pathNot: ['^libs/$2/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'not-to-tests',
      severity: 'error',
      comment: 'Production code never imports specs or test support.',
      from: { pathNot: ['\\.(spec|int-spec|e2e-spec)\\.ts$', '^test/', '/testing/'] },
      to: { path: ['\\.(spec|int-spec|e2e-spec)\\.ts$', '^test/', '/testing/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^apps/web/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default', 'types'] },
  },
};
