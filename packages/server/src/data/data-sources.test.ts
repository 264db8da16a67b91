import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKENDS, openTestSource } from '../../test/backends'
import { type DataSource, QueryAbortedError } from './data-source'

const SLOW: Record<DataSource['dialect'], string> = {
  duckdb: 'SELECT COUNT(*) FROM range(100000000000) a',
  postgres: 'SELECT pg_sleep(30)',
}

describe.each(BACKENDS)('%s data source', (_name, backend, skipReason) => {
  let source: DataSource
  beforeAll(async () => {
    if (skipReason) return
    source = await openTestSource(backend, 'main', 2)
  })
  afterAll(async () => {
    await source?.close()
  })

  it.skipIf(skipReason)(
    'returns JSON-ready values: numbers for bigints, ISO strings for dates',
    async () => {
      const rows = await source.query(
        `SELECT CAST($1 AS BIGINT) AS a, CAST('2025-03-01' AS DATE) AS b, CAST(1.5 AS DOUBLE PRECISION) AS c, SUM(x) AS d, CAST(NULL AS VARCHAR) AS e
       FROM (SELECT CAST(2 AS INTEGER) AS x UNION ALL SELECT 3) t`,
        [9_007_199_254_740_991],
      )
      expect(rows).toEqual([[9_007_199_254_740_991, '2025-03-01', 1.5, 5, null]])
    },
  )

  it.skipIf(skipReason)('bulk-loads column arrays', async () => {
    await source.execute(
      'CREATE TABLE bulk_test (id INTEGER, name VARCHAR, day DATE, amount DOUBLE PRECISION)',
    )
    await source.bulkInsert(
      'bulk_test',
      [
        { name: 'id', type: 'integer' },
        { name: 'name', type: 'varchar' },
        { name: 'day', type: 'date' },
        { name: 'amount', type: 'double' },
      ],
      [
        [1, 2, 3],
        ["o'brien", 'b', 'c'],
        ['2025-01-01', '2025-01-02', '2025-12-31'],
        [1.25, 2.5, 3.75],
      ],
    )
    expect(await source.query('SELECT id, name, day, amount FROM bulk_test ORDER BY id')).toEqual([
      [1, "o'brien", '2025-01-01', 1.25],
      [2, 'b', '2025-01-02', 2.5],
      [3, 'c', '2025-12-31', 3.75],
    ])
  })

  it.skipIf(skipReason)(
    'answers a repeated statement anew after its table was replaced, with new values bound',
    async () => {
      const count = 'SELECT COUNT(*), MAX(label) FROM replaced_test WHERE kind = $1'
      await source.execute('CREATE TABLE replaced_test (kind VARCHAR, label VARCHAR)')
      await source.execute(`INSERT INTO replaced_test VALUES ('a', 'x'), ('a', 'y'), ('b', 'z')`)
      expect(await source.query(count, ['a'])).toEqual([[2, 'y']])
      expect(await source.query(count, ['b'])).toEqual([[1, 'z']])
      // Same text, same connection pool: the table is dropped and made again with other columns.
      await source.execute('DROP TABLE replaced_test')
      await source.execute('CREATE TABLE replaced_test (label VARCHAR, kind VARCHAR, n INTEGER)')
      await source.execute(`INSERT INTO replaced_test VALUES ('q', 'a', 1)`)
      for (let i = 0; i < 4; i++) expect(await source.query(count, ['a'])).toEqual([[1, 'q']])
      expect(await source.query(count, ['b'])).toEqual([[0, null]])
    },
  )

  it.skipIf(skipReason)(
    'interrupts a running statement when its signal aborts',
    async () => {
      const controller = new AbortController()
      const running = source.query(SLOW[source.dialect], [], { signal: controller.signal })
      await new Promise((resolve) => setImmediate(resolve))
      if (source.dialect === 'postgres') {
        // Wait until the statement really runs, so the abort has to cancel it in the server.
        const active = `SELECT COUNT(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'SELECT pg_sleep%'`
        while (((await source.query(active))[0]?.[0] as number) === 0)
          await new Promise((resolve) => setImmediate(resolve))
      }
      controller.abort()
      await expect(running).rejects.toBeInstanceOf(QueryAbortedError)
      // The connection is usable afterwards.
      expect(await source.query('SELECT 1')).toEqual([[1]])
    },
    20_000,
  )

  it.skipIf(skipReason)(
    'stops a statement aborted before it got to run (while it is prepared or dispatched)',
    async () => {
      for (const wait of [undefined, () => Promise.resolve(), () => Promise.resolve()]) {
        const controller = new AbortController()
        const running = source.query(SLOW[source.dialect], [], { signal: controller.signal })
        await wait?.()
        controller.abort()
        await expect(running).rejects.toBeInstanceOf(QueryAbortedError)
      }
      expect(await source.query('SELECT 1')).toEqual([[1]])
    },
    20_000,
  )
})
