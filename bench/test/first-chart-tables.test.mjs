import { describe, expect, it } from 'vitest'
import { parseTables } from '../src/sections/first-chart.mjs'

describe('parseTables', () => {
  it('keeps each table the elements bench prints apart, with the line above it as caption', () => {
    const stdout = [
      'first chart and all tiles, 3 runs each',
      '| load | connect → first chart |',
      '| --- | --- |',
      '| one request | 172 ms (156–193) |',
      '',
      'where the time goes',
      '| load | token answered |',
      '| --- | --- |',
      '| one request | 20 ms |',
    ].join('\n')
    expect(parseTables(stdout)).toEqual([
      {
        caption: 'first chart and all tiles, 3 runs each',
        header: ['load', 'connect → first chart'],
        rows: [['one request', '172 ms (156–193)']],
      },
      {
        caption: 'where the time goes',
        header: ['load', 'token answered'],
        rows: [['one request', '20 ms']],
      },
    ])
  })
})
