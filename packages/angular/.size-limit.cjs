// The binding's own code as an app ships it: linked (scripts/size-build.mjs), ngDevMode off,
// with core, elements and Angular left out.
module.exports = [
  {
    name: "@inset/angular (the binding's own code, linked; core, elements and Angular external)",
    path: '.size/inset-angular.mjs',
    import: '*',
    limit: '2 KB',
    gzip: true,
    ignore: ['@inset/core', '@inset/elements', '@angular/core', '@angular/common'],
    modifyEsbuildConfig: (config) => ({
      ...config,
      define: { ...config.define, ngDevMode: 'false' },
    }),
  },
]
