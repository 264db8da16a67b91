import type { QueryResult, StructuredQuery } from '@inset/core'
import { describe, expectTypeOf, it } from 'vitest'
import {
  type ConfigError,
  createInsetServer,
  type DemoServer,
  type InsetConfig,
  type InsetServer,
  loadConfig,
  type QueryContext,
  runStructuredQuery,
  startDemoServer,
} from './index'

describe('public API types', () => {
  it('startDemoServer resolves to url, port, close, secret, apiKey and config', () => {
    expectTypeOf(startDemoServer)
      .parameter(0)
      .toEqualTypeOf<Parameters<typeof startDemoServer>[0]>()
    expectTypeOf(startDemoServer).returns.resolves.toEqualTypeOf<DemoServer>()
    expectTypeOf<DemoServer['url']>().toEqualTypeOf<string>()
    expectTypeOf<DemoServer['port']>().toEqualTypeOf<number>()
    expectTypeOf<DemoServer['close']>().toEqualTypeOf<() => Promise<void>>()
    expectTypeOf<DemoServer['config']>().toEqualTypeOf<InsetConfig>()
    expectTypeOf(startDemoServer).toBeCallableWith({ port: 0, rows: 1000, seed: 1, logger: false })
    expectTypeOf(startDemoServer).toBeCallableWith({ dataSource: { postgresUrl: 'postgres://x' } })
  })

  it('createInsetServer and loadConfig', () => {
    expectTypeOf(loadConfig).returns.resolves.toEqualTypeOf<InsetConfig>()
    expectTypeOf(createInsetServer).returns.resolves.toEqualTypeOf<InsetServer>()
    expectTypeOf<InsetServer['listen']>().returns.resolves.toEqualTypeOf<{
      url: string
      port: number
    }>()
    expectTypeOf<ConfigError['issues']>().toEqualTypeOf<Array<{ path: string; message: string }>>()
  })

  it('runStructuredQuery takes a context, a StructuredQuery and a signal', () => {
    expectTypeOf(runStructuredQuery).parameter(0).toEqualTypeOf<QueryContext>()
    expectTypeOf(runStructuredQuery).toBeCallableWith({} as QueryContext, {} as StructuredQuery, {
      signal: new AbortController().signal,
    })
    expectTypeOf(runStructuredQuery).returns.resolves.toEqualTypeOf<QueryResult>()
  })
})
