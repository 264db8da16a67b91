// Under CI the PostgreSQL variants of every suite must run: without INSET_TEST_PG_URL they would
// be skipped, and a green run would say nothing about PostgreSQL. (Locally they skip with the
// reason in their names; the variable is part of this package's turbo test hash, so a cached run
// without PostgreSQL is never replayed for one with it.)
import { describe, expect, it } from 'vitest'
import { pgRequiredButMissing } from './backends'

describe('PostgreSQL in CI', () => {
  it('is given (INSET_TEST_PG_URL) whenever CI is set', () => {
    expect(
      pgRequiredButMissing(process.env),
      'CI is set but INSET_TEST_PG_URL is not: the PostgreSQL variants would be skipped. Run through scripts/test-all.sh or set it.',
    ).toBe(false)
  })

  it('tells a CI run without a URL from the other cases', () => {
    expect(pgRequiredButMissing({ CI: 'true' })).toBe(true)
    expect(pgRequiredButMissing({ CI: '1', INSET_TEST_PG_URL: 'postgres://x' })).toBe(false)
    expect(pgRequiredButMissing({})).toBe(false)
    expect(pgRequiredButMissing({ CI: 'false' })).toBe(false)
    expect(pgRequiredButMissing({ CI: '' })).toBe(false)
  })
})
