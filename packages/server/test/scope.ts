// The hard row-level-security check of every result the suites see: each row's tenant, region and
// country must lie inside what the asker's token allows, decided here from the token's own claims
// (decoded, not through the server) and a country → region table written in this file. The first
// foreign row fails the test with the row in the message. Numbers of aggregates are checked
// against the oracle (./oracle.ts) instead.
import type { CellValue, ColumnMeta } from '@inset/core'
import { decodeJwt } from 'jose'

/** What a token may see: its tenant and the regions of `attrs.region`. */
export interface Scope {
  tenant: string
  regions: readonly string[]
}

// The sample data's countries per region (written out here, not imported from the generator).
export const REGION_OF_COUNTRY: Record<string, string> = {
  DE: 'EU',
  FR: 'EU',
  GB: 'EU',
  NL: 'EU',
  ES: 'EU',
  IT: 'EU',
  SE: 'EU',
  US: 'NA',
  CA: 'NA',
  MX: 'NA',
  JP: 'APAC',
  AU: 'APAC',
  SG: 'APAC',
  IN: 'APAC',
  KR: 'APAC',
}

export const ALICE_SCOPE: Scope = { tenant: 'acme', regions: ['EU', 'NA', 'APAC'] }
export const BOB_SCOPE: Scope = { tenant: 'globex', regions: ['EU'] }

/** The scope a demo-style token grants, read from its payload. */
export function scopeOfToken(token: string): Scope {
  const claims = decodeJwt(token) as { tenant?: unknown; attrs?: { region?: unknown } }
  const region = claims.attrs?.region
  return {
    tenant: String(claims.tenant),
    regions: Array.isArray(region)
      ? region.map(String)
      : region === undefined
        ? []
        : [String(region)],
  }
}

/** The scope's SQL condition over `orders`, for the oracle. */
export function scopeSql(scope: Scope): string {
  const quote = (value: string) => `'${value.replaceAll("'", "''")}'`
  return `tenant_id = ${quote(scope.tenant)} AND region IN (${scope.regions.map(quote).join(', ')})`
}

/** Fails on the first row whose tenant, region or country lies outside the scope. */
export function assertRowsInScope(
  result: { columns: readonly Pick<ColumnMeta, 'name'>[]; rows: readonly CellValue[][] },
  scope: Scope,
  where = 'result',
): void {
  const position = (names: string[]) => result.columns.findIndex((c) => names.includes(c.name))
  const tenant = position(['tenant', 'tenant_id'])
  const region = position(['region'])
  const country = position(['country'])
  for (const [i, row] of result.rows.entries()) {
    const foreign =
      (tenant >= 0 && row[tenant] !== scope.tenant) ||
      (region >= 0 && !scope.regions.includes(String(row[region]))) ||
      (country >= 0 && !scope.regions.includes(REGION_OF_COUNTRY[String(row[country])] ?? '?'))
    if (foreign) {
      throw new Error(
        `RLS leak in ${where}: row ${i} ${JSON.stringify(row)} is outside tenant ${scope.tenant}, regions ${scope.regions.join('/')}`,
      )
    }
  }
}
