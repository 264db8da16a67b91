import type { DashboardDefinition } from '@inset/core'
import { beforeAll, describe, expect, it } from 'vitest'
import { addDefaultStrings } from '../strings'
import { assistantStrings } from './assistant-strings'
import { tileSuggestions } from './tile-suggestions'

// The assistant's strings, as its view adds them when the lazily loaded chunk renders.
beforeAll(() => addDefaultStrings(assistantStrings))

const select = (id: string, options: string[]) =>
  ({
    id,
    type: 'select',
    label: id[0]!.toUpperCase() + id.slice(1),
    dimension: id,
    multiple: true,
    options,
  }) as const

/** The demo's `sales-overview`, as far as the suggestions read it. */
const definition: DashboardDefinition = {
  id: 'sales-overview',
  title: 'Sales overview',
  filters: [
    { id: 'date', type: 'date_range', label: 'Date', dimension: 'order_date' },
    select('region', ['APAC', 'EU', 'NA']),
    select('channel', ['online', 'partner', 'retail']),
    select('category', ['Accessories', 'Hardware']),
  ],
  tiles: [
    { id: 'revenue', title: 'Revenue', kind: 'kpi', layout: { w: 6, h: 1 } },
    {
      id: 'revenue-by-category',
      title: 'Revenue by category',
      kind: 'breakdown',
      layout: { w: 6, h: 3 },
      crossFilter: 'category',
    },
  ],
}

describe('questions offered about a tile', () => {
  it('breaks a breakdown down by another dimension, asks for shares and one value only', () => {
    expect(tileSuggestions('revenue-by-category', definition)).toEqual([
      'Break this down by region',
      'What is the share of each?',
      'What about online only?',
    ])
  })

  it('asks no share of a KPI, and never breaks a tile down by its own dimension', () => {
    expect(tileSuggestions('revenue', definition)).toEqual([
      'Break this down by region',
      'What about online only?',
    ])
    const own = { ...definition, filters: [select('category', ['Hardware'])] }
    expect(tileSuggestions('revenue-by-category', own)).toEqual(['What is the share of each?'])
  })

  it('offers nothing for a tile it does not know', () => {
    expect(tileSuggestions('nope', definition)).toEqual([])
    expect(tileSuggestions('revenue', undefined)).toEqual([])
  })
})
