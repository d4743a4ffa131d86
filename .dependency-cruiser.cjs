/**
 * Layer rules of DESIGN.md, checked in CI (`npm run layers`):
 *   shared   → nothing of ours (shared/node/: Node-only helpers for electron/ and server/)
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
      comment: 'shared/ runs in the renderer too: no Node built-ins (except in shared/node/).',
      severity: 'error',
      from: { path: '^shared/', pathNot: ['\\.test\\.ts$', '^shared/node/'] },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-node-only-for-node-processes',
      comment:
        'shared/node/ is for the desktop core and the server; the renderer and the rest of shared/ never load it.',
      severity: 'error',
      from: { path: '^(renderer/|shared/(?!node/))' },
      to: { path: '^shared/node/' },
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
