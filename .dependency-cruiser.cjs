/** Module boundaries (/work/shared/CONVENTIONS.md, modules): a module is entered only through its index.ts. */
module.exports = {
  forbidden: [
    {
      name: 'only-through-index',
      severity: 'error',
      comment: 'Another module is used only through its index.ts.',
      from: { path: '^server/modules/([^/]+)/' },
      to: { path: '^server/modules/', pathNot: ['^server/modules/$1/', '^server/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'platform-does-not-know-modules',
      severity: 'error',
      comment: 'The platform is below the modules; it never imports them.',
      from: { path: '^server/platform/' },
      to: { path: '^server/modules/' },
    },
    {
      name: 'features-do-not-import-features',
      severity: 'error',
      from: { path: '^web/features/([^/]+)/' },
      to: { path: '^web/features/', pathNot: '^web/features/$1/' },
    },
    {
      name: 'web-takes-only-types-from-server',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^server/', pathNot: '\\.schemas\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    exclude: { path: '(^|/)node_modules/' },
  },
};
