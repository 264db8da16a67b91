// The sections of the report, in order of value: a run that stops early keeps the first ones.
// Each module is imported when its section starts, so one that cannot load (a package's dist
// missing) fails its own section only. `countsOnly` sections measure counts, not time: they run
// last, beside the background work of earlier sections (the server's tile-query benchmark).
import { waitForDist } from '../lib/wait-for-dist.mjs'

// The dists every section may import; another engineer's rebuild empties one for a few seconds.
const DISTS = ['core', 'elements', 'node', 'server'].map((name) => [name, 'index.js'])
const lazy = (load, name) => async (context) => {
  await Promise.all(DISTS.map(([pkg, file]) => waitForDist(pkg, file)))
  return (await load())[name](context)
}

export const SECTIONS = [
  {
    id: 'host-js',
    title: 'Host JS to a first chart',
    run: lazy(() => import('./host-js.mjs'), 'runHostJs'),
  },
  { id: 'server', title: 'Server', run: lazy(() => import('./server.mjs'), 'runServer') },
  {
    id: 'token-traffic',
    title: 'Token traffic in Chromium',
    run: lazy(() => import('./token-traffic.mjs'), 'runTokenTraffic'),
    countsOnly: true,
  },
  {
    id: 'first-chart',
    title: 'Time to first chart',
    run: lazy(() => import('./first-chart.mjs'), 'runFirstChart'),
  },
  {
    id: 'memory',
    title: 'Memory',
    run: lazy(() => import('./memory.mjs'), 'runMemory'),
    countsOnly: true,
  },
]
