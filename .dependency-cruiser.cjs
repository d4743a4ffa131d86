/**
 * Layer rules of DESIGN.md, checked in CI (`npm run layers`):
 *   shared   → nothing of ours
 *   renderer → shared
 *   electron → shared
 *   server   → shared
 *   and only electron/main + electron/preload may import 'electron'.
 */
module.exports = {
  forbidden: [
    {
      name: 'shared-imports-nothing-of-ours',
      comment: 'shared/ is used by every process; it must not depend on any of them.',
      severity: 'error',
      from: { path: '^shared/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(electron|renderer|server|test|bin)/' },
    },
    {
      name: 'shared-no-node',
      comment: 'shared/ runs in the renderer too: no Node built-ins.',
      severity: 'error',
      from: { path: '^shared/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-only-shared',
      comment: 'The renderer talks to the core only through the ClubApi contract in shared/.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(electron|server|test|bin)/' },
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      from: { path: '^renderer/', pathNot: '\\.test\\.tsx?$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'electron-only-shared',
      severity: 'error',
      // Tests may use the shared test helpers under test/support.
      from: { path: '^electron/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(renderer|server|test)/' },
    },
    {
      name: 'server-only-shared',
      severity: 'error',
      from: { path: '^server/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(renderer|electron|test)/' },
    },
    {
      name: 'electron-module-only-in-main-and-preload',
      comment: 'Everything but electron/main and electron/preload must run under plain Node.',
      severity: 'error',
      from: { pathNot: '^electron/(main|preload)/' },
      to: {
        path: '^electron$',
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'unknown', 'undetermined'],
      },
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
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
