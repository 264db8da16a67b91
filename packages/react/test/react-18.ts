// Setup of the `react18` test project: every `react` and `react-dom` the tests load (ours through
// Vite's alias, Testing Library's through Node's require) is React 18.3 instead of the dev React 19.
import Module, { createRequire } from 'node:module'
import { dirname } from 'node:path'

const require = createRequire(import.meta.url)
export const REACT_18 = {
  react: dirname(require.resolve('react-18/package.json')),
  'react-dom': dirname(require.resolve('react-dom-18/package.json')),
}

const resolver = Module as unknown as {
  _resolveFilename(request: string, ...rest: unknown[]): string
}
const resolve = resolver._resolveFilename
resolver._resolveFilename = function (request, ...rest) {
  const match = /^(react|react-dom)(\/.*)?$/.exec(request)
  const target = match ? REACT_18[match[1] as keyof typeof REACT_18] + (match[2] ?? '') : request
  return resolve.call(this, target, ...rest)
}
