import { describe, expect, it } from 'vitest'
import { demoClaims } from '../../test/tokens'
import { ServerError } from '../errors'
import type { DatasetModel } from './model'
import { rlsPredicates } from './rls'

const dataset = (rls: DatasetModel['rls']) => ({ name: 'orders', rls }) as DatasetModel

describe('rlsPredicates', () => {
  it('binds tenant, sub and attributes as lists of values, in rule order', () => {
    const predicates = rlsPredicates(
      dataset([
        { column: 'tenant_id', claim: 'tenant', type: 'string' },
        { column: 'owner', claim: 'sub', type: 'string' },
        { column: 'region', claim: 'attrs.region', type: 'string' },
      ]),
      demoClaims('bob'),
    )
    expect(predicates).toEqual([
      { column: 'tenant_id', values: ['globex'] },
      { column: 'owner', values: ['bob'] },
      { column: 'region', values: ['EU'] },
    ])
  })

  it('turns scalars into one-value lists and numbers into strings for string columns', () => {
    const claims = demoClaims('alice', { attrs: { team: 7, flag: true, list: ['a', 2] } })
    expect(
      rlsPredicates(
        dataset([
          { column: 'team', claim: 'attrs.team', type: 'string' },
          { column: 'flag', claim: 'attrs.flag', type: 'string' },
          { column: 'list', claim: 'attrs.list', type: 'string' },
        ]),
        claims,
      ),
    ).toEqual([
      { column: 'team', values: ['7'] },
      { column: 'flag', values: ['true'] },
      { column: 'list', values: ['a', '2'] },
    ])
  })

  it('reads numbers for number columns, from numbers or numeric strings, and refuses the rest', () => {
    const rule = [{ column: 'shop', claim: 'attrs.shop', type: 'number' as const }]
    expect(
      rlsPredicates(dataset(rule), demoClaims('alice', { attrs: { shop: [3, '4'] } })),
    ).toEqual([{ column: 'shop', values: [3, 4] }])
    for (const bad of [true, 'x', ['1', 'NaN'], 'Infinity']) {
      const error = (() => {
        try {
          rlsPredicates(dataset(rule), demoClaims('alice', { attrs: { shop: bad as never } }))
        } catch (e) {
          return e
        }
      })()
      expect(error).toBeInstanceOf(ServerError)
      expect(error).toMatchObject({
        code: 'forbidden',
        message: 'Token claim "attrs.shop" must hold numbers',
      })
    }
  })

  it('refuses a missing, null or empty claim with 403, never all rows', () => {
    const rule = [{ column: 'region', claim: 'attrs.region', type: 'string' as const }]
    for (const attrs of [{}, { region: null }, { region: '' }, { other: 'EU' }]) {
      expect(() =>
        rlsPredicates(dataset(rule), demoClaims('bob', { attrs: attrs as never })),
      ).toThrow(
        'Row-level security of dataset "orders" needs the token claim "attrs.region", which is missing',
      )
    }
    // Inherited properties are not claims.
    expect(() =>
      rlsPredicates(
        dataset([{ column: 'x', claim: 'attrs.toString', type: 'string' }]),
        demoClaims('bob'),
      ),
    ).toThrow(/attrs.toString/)
    // An empty list is kept: it matches no row.
    expect(rlsPredicates(dataset(rule), demoClaims('bob', { attrs: { region: [] } }))).toEqual([
      { column: 'region', values: [] },
    ])
  })

  it('has no predicates for a dataset without rules', () => {
    expect(rlsPredicates(dataset([]), demoClaims('alice'))).toEqual([])
  })
})
