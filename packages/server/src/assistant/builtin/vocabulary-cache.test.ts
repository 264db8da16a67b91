import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../config/load-config'
import { demoConfig } from '../../demo/demo-config'
import { buildSemanticModel, type DatasetModel } from '../../semantic/model'
import { vocabularyFor } from './vocabulary-cache'
import { tokenize } from './words'

const orders = buildSemanticModel(parseConfig(demoConfig())).datasets.orders as DatasetModel
const knowsName = (values: Record<string, string[]>, name: string) =>
  vocabularyFor(orders, values).match(tokenize(name), 0)?.term.kind === 'value'

describe('vocabularyFor', () => {
  it('shares one vocabulary between askers who see the same values', () => {
    const alice = { tenant: ['acme'], region: ['EU', 'NA'] }
    expect(vocabularyFor(orders, alice)).toBe(vocabularyFor(orders, { ...alice }))
  })

  it('never shares across scopes: a name one asker sees is unknown to another', () => {
    expect(knowsName({ tenant: ['acme'] }, 'acme')).toBe(true)
    expect(knowsName({ tenant: ['globex'] }, 'acme')).toBe(false)
    expect(knowsName({ tenant: ['globex'] }, 'globex')).toBe(true)
    expect(vocabularyFor(orders, { tenant: ['acme'] })).not.toBe(
      vocabularyFor(orders, { tenant: ['globex'] }),
    )
  })
})
