import type { EmbedClaims } from '../auth/claims'
import { ServerError } from '../errors'
import type { DatasetModel, RlsRule } from './model'

/** One row-level-security predicate: `column IN values` (always bound parameters). */
export interface RlsPredicate {
  column: string
  /** An empty list matches no row. */
  values: Array<string | number>
}

function claimValue(claims: EmbedClaims, claim: string): unknown {
  if (claim === 'tenant') return claims.tenant
  if (claim === 'sub') return claims.sub
  const name = claim.slice('attrs.'.length)
  return Object.hasOwn(claims.attrs, name) ? claims.attrs[name] : undefined
}

function typed(rule: RlsRule, value: unknown): string | number {
  if (rule.type === 'number') {
    const number = typeof value === 'number' ? value : Number(value)
    if (typeof value === 'boolean' || !Number.isFinite(number)) {
      throw new ServerError('forbidden', `Token claim "${rule.claim}" must hold numbers`)
    }
    return number
  }
  return String(value)
}

/**
 * The predicates row-level security adds to every query of a dataset for these claims.
 * A claim the token lacks is an error, never all rows.
 *
 * @example
 * rlsPredicates(orders, claims) // [{ column: 'tenant_id', values: ['acme'] }, { column: 'region', values: ['EU'] }]
 */
export function rlsPredicates(dataset: DatasetModel, claims: EmbedClaims): RlsPredicate[] {
  return dataset.rls.map((rule) => {
    const value = claimValue(claims, rule.claim)
    if (value === undefined || value === null || value === '') {
      throw new ServerError(
        'forbidden',
        `Row-level security of dataset "${dataset.name}" needs the token claim "${rule.claim}", which is missing`,
      )
    }
    const values = Array.isArray(value) ? value : [value]
    return { column: rule.column, values: values.map((item) => typed(rule, item)) }
  })
}
