// The products of the host-JS section: ours, measured from the built dist of each package, and the
// peers' published packages pinned in bench/package.json, each with what it loads at run time
// beyond the package (so a loader is never mistaken for the whole cost).

/** Lazy chunks `<inset-dashboard>` starts once its token is in: all of them load before the first chart. */
export const FIRST_CHART_CHUNKS = ['chart-tile', 'filter-bar', 'tile-actions']

const whole = (specifier, after = '') =>
  `import * as entry from ${JSON.stringify(specifier)}\nglobalThis.__bench = entry\n${after}`

export const OURS = [
  { id: 'core', label: '@inset/core', pkg: '@inset/core', source: whole('@inset/core') },
  {
    id: 'core-tabs',
    label: '@inset/core/tabs (only for shareAcrossTabs)',
    pkg: '@inset/core',
    source: whole('@inset/core/tabs'),
  },
  {
    id: 'elements',
    label: '@inset/elements (core external)',
    pkg: '@inset/elements',
    source: whole('@inset/elements', 'entry.defineInsetElements()'),
    external: ['@inset/core'],
    lazyRows: true,
  },
  {
    id: 'elements-core',
    label: '@inset/elements + core',
    pkg: '@inset/elements',
    source: whole('@inset/elements', 'entry.defineInsetElements()'),
    firstChart: true,
  },
  {
    id: 'cdn',
    label: '@inset/elements/cdn (attribute-only embed)',
    pkg: '@inset/elements',
    source: whole('@inset/elements/cdn'),
    firstChart: true,
  },
  ...['react', 'vue', 'svelte', 'angular'].flatMap((name) => [
    {
      id: name,
      label: `@inset/${name} (own code)`,
      pkg: `@inset/${name}`,
      source: whole(`@inset/${name}`),
      external: ['@inset/core', '@inset/elements'],
    },
    {
      id: `${name}-all`,
      label: `@inset/${name} + elements + core`,
      pkg: `@inset/${name}`,
      source: whole(`@inset/${name}`),
      firstChart: true,
    },
  ]),
]

/** `heavy` peers take a minute to bundle on 2 cores: `--quick` lists them as skipped. */
export const PEERS = [
  {
    id: 'superset',
    pkg: '@superset-ui/embedded-sdk',
    runtime: 'iframe: the Superset app (its whole frontend) loads inside it',
  },
  { id: 'looker', pkg: '@looker/embed-sdk', runtime: 'iframe: the Looker app' },
  { id: 'powerbi', pkg: 'powerbi-client', runtime: 'iframe: app.powerbi.com report embed' },
  {
    id: 'powerbi-react',
    pkg: 'powerbi-client-react',
    runtime: 'iframe (as powerbi-client, which it bundles)',
  },
  {
    id: 'thoughtspot',
    pkg: '@thoughtspot/visual-embed-sdk',
    runtime: 'iframe: the ThoughtSpot app',
  },
  { id: 'luzmo', pkg: '@luzmo/embed', runtime: 'iframe: the Luzmo dashboard app' },
  {
    id: 'metabase',
    pkg: '@metabase/embedding-sdk-react',
    runtime:
      'remote bundle: a loader; the SDK (app/embedding-sdk.js) is fetched from the Metabase server',
  },
  {
    id: 'metabase-056',
    pkg: 'metabase-sdk-056',
    label: '@metabase/embedding-sdk-react 0.56 (whole SDK)',
    runtime: 'none beyond the package (renders in the page)',
    heavy: true,
  },
  {
    id: 'sisense',
    pkg: '@sisense/sdk-ui',
    runtime: 'none beyond the package (renders in the page)',
    heavy: true,
  },
  {
    id: 'stripe',
    pkg: '@stripe/connect-js',
    runtime:
      'remote bundle: connect.js from connect-js.stripe.com, which renders the components in iframes',
  },
  {
    id: 'tableau',
    pkg: '@tableau/embedding-api',
    runtime: 'iframe: the Tableau viz from the Tableau server',
  },
].map((peer) => ({ ...peer, source: whole(peer.pkg) }))
