/**
 * Compiles allowed-origin patterns: exact origins, `*` (any), a port wildcard
 * (`http://localhost:*`, which also matches no port) or a subdomain wildcard (`https://*.example.com`).
 *
 * @example
 * const allowed = compileOrigins(['http://localhost:*'])
 * allowed('http://localhost:5173') // true
 */
export function compileOrigins(patterns: readonly string[]): (origin: string) => boolean {
  if (patterns.includes('*')) return () => true
  const expressions = patterns.map((pattern) => {
    const escaped = pattern
      .toLowerCase()
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/:\*$/, '(?::\\d{1,5})?')
      .replace('//*\\.', '//(?:[a-z0-9-]+\\.)+')
    return new RegExp(`^${escaped}$`)
  })
  return (origin) => {
    const normalized = origin.toLowerCase()
    return expressions.some((expression) => expression.test(normalized))
  }
}
