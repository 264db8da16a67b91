import { HttpClient, provideHttpClient } from '@angular/common/http'
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing'
import {
  createEnvironmentInjector,
  EnvironmentInjector,
  inject,
  runInInjectionContext,
  signal,
} from '@angular/core'
import { TestBed } from '@angular/core/testing'
import { InsetError } from '@inset/core'
import { createFakeServer } from '@inset/test-utils/fake-server'
import { describe, expect, it, vi } from 'vitest'
import { SERVER } from '../test/harness'
import { INSET, injectInset, provideInset } from './index'

describe('provideInset', () => {
  it('makes one instance per injector, when first injected, and destroys it with the injector', async () => {
    const server = createFakeServer()
    const parent = TestBed.inject(EnvironmentInjector)
    let made = 0
    const injector = createEnvironmentInjector(
      [
        provideInset(() => {
          made++
          return { serverUrl: SERVER, fetchToken: server.fetchToken, fetch: server.fetch }
        }),
      ],
      parent,
    )
    expect(made).toBe(0)
    const inset = runInInjectionContext(injector, injectInset)
    expect(injector.get(INSET)).toBe(inset)
    expect(made).toBe(1)
    const dashboard = inset.dashboard('sales-overview')
    injector.destroy()
    expect(dashboard.getSnapshot().state).toBe('destroyed')
    await expect(inset.tokens.getToken()).rejects.toBeInstanceOf(InsetError)
  })

  it('calls fetchToken in its injection context; an observable (HttpClient) is its first value', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideInset({
          serverUrl: SERVER,
          fetchToken: ({ reason }) =>
            inject(HttpClient).get<{ token: string }>('/api/inset-token', { params: { reason } }),
        }),
      ],
    })
    const http = TestBed.inject(HttpTestingController)
    const token = TestBed.inject(INSET).tokens.getToken()
    await vi.waitFor(() =>
      http.expectOne('/api/inset-token?reason=initial').flush({ token: 'jwt-1' }),
    )
    await expect(token).resolves.toBe('jwt-1')
    http.verify()
  })

  it('retries a request that got no response (status 0) and refuses one answered 401', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideInset({
          serverUrl: SERVER,
          fetchToken: () => inject(HttpClient).get<{ token: string }>('/api/inset-token'),
        }),
      ],
    })
    const http = TestBed.inject(HttpTestingController)
    const inset = TestBed.inject(INSET)
    const token = inset.tokens.getToken()
    await vi.waitFor(() =>
      http.expectOne('/api/inset-token').error(new ProgressEvent('error'), { status: 0 }),
    )
    await vi.waitFor(() => http.expectOne('/api/inset-token').flush({ token: 'jwt-2' }))
    await expect(token).resolves.toBe('jwt-2')

    inset.tokens.invalidate()
    const refused = inset.tokens.getToken()
    await vi.waitFor(() =>
      http.expectOne('/api/inset-token').flush('no', { status: 401, statusText: 'Unauthorized' }),
    )
    await expect(refused).rejects.toMatchObject({ code: 'auth' })
  })

  it('follows a theme signal: the instance theme, the one every element reads', () => {
    const server = createFakeServer()
    const theme = signal<'light' | 'dark'>('light')
    TestBed.configureTestingModule({
      providers: [provideInset({ serverUrl: SERVER, fetchToken: server.fetchToken, theme })],
    })
    const inset = TestBed.inject(INSET)
    TestBed.tick()
    expect(inset.theme).toEqual({ mode: 'light' })
    theme.set('dark')
    TestBed.tick()
    expect(inset.theme).toEqual({ mode: 'dark' })
  })
})

describe('injectInset', () => {
  it('throws a typed error without provideInset, and asserts its injection context', () => {
    expect(() => TestBed.runInInjectionContext(injectInset)).toThrow(InsetError)
    expect(() => injectInset()).toThrow(/injection context/)
  })
})
