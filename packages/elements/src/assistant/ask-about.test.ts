import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { fakeServer, settle } from '../../test/fixtures'
import type { InsetAskAboutDetail } from '../events'
import { defineInsetElements } from '../register'

beforeAll(() => defineInsetElements())
afterEach(() => {
  document.body.replaceChildren()
})

/** A `sales` dashboard with the id `sales`, on the page. */
function dashboard(server: ReturnType<typeof fakeServer>) {
  const element = document.createElement('inset-dashboard')
  element.id = 'sales'
  element.inset = server.inset()
  element.dashboardId = 'sales'
  document.body.append(element)
  return element
}

const askButtons = (element: HTMLElement) =>
  element.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part="tile-ask-about"]') ?? []

describe('"Ask about this" on a tile', () => {
  it('is offered while an assistant is linked, and makes the tile its context', async () => {
    const server = fakeServer(undefined, { answer: [['done', {}]] })
    const board = dashboard(server)
    await settle(board, () => board.shadowRoot?.querySelector('.tile-actions') !== null)
    await settle(board, () => board.snapshot?.state === 'ready')
    expect(askButtons(board)).toHaveLength(0)

    const assistant = document.createElement('inset-assistant')
    assistant.setAttribute('for', 'sales')
    document.body.append(assistant)
    await settle(board, () => askButtons(board).length === 1)
    const button = askButtons(board)[0]!
    expect(button.tagName).toBe('BUTTON')
    expect(button.getAttribute('aria-label')).toBe('Ask about this')

    const heard: InsetAskAboutDetail[] = []
    board.addEventListener('inset-ask-about', (event) => heard.push(event.detail))
    button.click()
    expect(heard).toEqual([
      { dashboardId: 'sales', tileId: 'revenue', title: 'Revenue', filters: {} },
    ])
    expect(assistant.snapshot?.context).toMatchObject({ tileId: 'revenue', tileTitle: 'Revenue' })

    const root = assistant.shadowRoot!
    const chip = () => root.querySelector('[data-context-tile]')
    const suggestions = () =>
      [...root.querySelectorAll('.suggestion')].map((suggestion) => suggestion.textContent)
    await settle(assistant, () => chip() !== null)
    expect(chip()?.textContent).toBe('About: Revenue')
    expect(root.activeElement).toBe(root.querySelector('input'))
    expect(suggestions()).toEqual(['Break this down by region', 'What about EU only?'])

    await assistant.ask('and by channel?')
    const asked = server.requests.find((request) => request.path === '/v1/assistant')
    expect(asked?.body).toMatchObject({ context: { dashboardId: 'sales', tileId: 'revenue' } })
    expect(suggestions()).toEqual([])

    chip()!.querySelector('button')!.click()
    await settle(assistant, () => chip() === null)
    expect(assistant.snapshot?.context).not.toHaveProperty('tileId')

    assistant.remove()
    await settle(board, () => askButtons(board).length === 0)
  })

  it('is offered without an assistant when the host asks for it (ask-about-tiles)', async () => {
    const board = dashboard(fakeServer())
    board.setAttribute('ask-about-tiles', '')
    expect(board.askAboutTiles).toBe(true)
    await settle(board, () => askButtons(board).length === 1)
    const heard: string[] = []
    board.addEventListener('inset-ask-about', (event) => heard.push(event.detail.tileId))
    askButtons(board)[0]!.click()
    expect(heard).toEqual(['revenue'])
    board.askAboutTiles = false
    await settle(board, () => askButtons(board).length === 0)
  })
})
