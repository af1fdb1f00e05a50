/**
 * Layer rules (DESIGN.md "Architecture"), checked on every `npm run lint`:
 * shared/ is pure; renderer/ and hub/ see shared/ only; only electron/main and electron/preload
 * import 'electron'.
 */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'shared/ is used by main, renderer and hub alike: it imports no other layer',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(electron|renderer|hub|test|bench|scripts|assets)/' },
    },
    {
      name: 'shared-has-no-node-api',
      comment: 'shared/ runs in the renderer and the browser too: no Node built-ins',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-sees-shared-only',
      comment: 'the renderer reaches the services only through the API contract',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(electron|hub|test|bench|scripts)/' },
    },
    {
      name: 'renderer-has-no-node-api',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'electron-only-in-main-and-preload',
      comment: "services, CLI, renderer, shared and hub stay Electron-free so Node can run and test them",
      severity: 'error',
      from: { pathNot: '^electron/(main|preload)/' },
      to: { path: '(^|/)node_modules/electron/' },
    },
    {
      name: 'hub-sees-shared-only',
      severity: 'error',
      from: { path: '^hub/' },
      to: { path: '^(electron|renderer|test|bench)/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|tools|release)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      // Packages' "exports" maps, as Node and Vite read them: 'react-router/dom' exists only there.
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
