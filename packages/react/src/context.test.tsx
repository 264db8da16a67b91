import { createInset, type Inset } from '@inset/core'
import { createFakeServer } from '@inset/fake-server'
import { act, render, renderHook } from '@testing-library/react'
import { StrictMode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { SERVER } from '../test/render'
import { InsetError, InsetProvider, useInset } from './index'

function Probe({ found }: { found: (inset: Inset) => void }) {
  found(useInset())
  return null
}

describe('<InsetProvider>', () => {
  it('destroys the instance it made on unmount, but not one it was given', async () => {
    const server = createFakeServer()
    const made: Inset[] = []
    const given = createInset({
      serverUrl: SERVER,
      fetchToken: server.fetchToken,
      fetch: server.fetch,
    })
    const { unmount } = render(
      <StrictMode>
        <InsetProvider serverUrl={SERVER} fetchToken={server.fetchToken} fetch={server.fetch}>
          <Probe found={(inset) => made.push(inset)} />
        </InsetProvider>
        <InsetProvider inset={given}>
          <Probe found={(inset) => expect(inset).toBe(given)} />
        </InsetProvider>
      </StrictMode>,
    )
    expect(new Set(made).size).toBe(1)
    unmount()
    await act(async () => {})
    await expect(made[0]!.tokens.getToken()).rejects.toMatchObject({ code: 'auth' })
    await expect(given.tokens.getToken()).resolves.toBe('token-1')
    given.destroy()
  })

  it('makes a new instance when serverUrl changes', () => {
    const server = createFakeServer()
    const seen: Inset[] = []
    const tree = (serverUrl: string) => (
      <InsetProvider serverUrl={serverUrl} fetchToken={server.fetchToken} fetch={server.fetch}>
        <Probe found={(inset) => seen.push(inset)} />
      </InsetProvider>
    )
    const { rerender, unmount } = render(tree(SERVER))
    rerender(tree(SERVER))
    rerender(tree('https://other.test'))
    expect(seen.map((inset) => inset.serverUrl)).toEqual([SERVER, SERVER, 'https://other.test'])
    expect(seen[0]).toBe(seen[1])
    unmount()
  })

  it('refuses a bad configuration with a typed error', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() =>
      render(<InsetProvider serverUrl="inset.test" fetchToken={async () => 'token'} />),
    ).toThrow(expect.objectContaining({ code: 'bad_request' }))
  })
})

describe('useInset', () => {
  it('throws a typed error without a provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    let thrown: unknown
    try {
      renderHook(() => useInset())
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(InsetError)
    expect(thrown).toMatchObject({ code: 'bad_request', message: /InsetProvider/ })
  })
})
