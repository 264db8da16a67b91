import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { fakeServer, salesDefinition, settle } from '../../test/fake-server'
import type { InsetDashboardElement } from '../dashboard/dashboard-element'
import { defineInsetElements } from '../register'
import type { InsetAssistantElement } from './assistant-element'

function dashboard(server: ReturnType<typeof fakeServer>, id = 'sales'): InsetDashboardElement {
  const element = document.createElement('inset-dashboard')
  element.id = id
  element.inset = server.inset()
  element.dashboardId = 'sales'
  return element
}

function assistant(target: string): InsetAssistantElement {
  const element = document.createElement('inset-assistant')
  element.setAttribute('for', target)
  return element
}

/** The filters the assistant shows as its context ("Region: EU, NA"). */
const chips = (element: HTMLElement) =>
  [...(element.shadowRoot?.querySelectorAll('[data-context-filter]') ?? [])].map(
    (chip) => chip.textContent,
  )

beforeAll(() => defineInsetElements())
afterEach(() => {
  document.body.replaceChildren()
})

describe('<inset-assistant for>', () => {
  it("takes the linked dashboard's initial filters, defaults included, in either order", async () => {
    let release = () => {}
    const definitionGate = new Promise<void>((resolve) => {
      release = resolve
    })
    const server = fakeServer(salesDefinition(['EU', 'NA']), { definitionGate })
    // Linked before the dashboard's definition (and so its defaults) arrived.
    const first = dashboard(server, 'first')
    const early = assistant('first')
    document.body.append(first, early)
    await settle(early, () => early.snapshot !== undefined)
    expect(early.snapshot?.context).toEqual({ dashboardId: 'sales', filters: {} })
    release()
    await settle(early, () => chips(early).length > 0)
    expect(early.snapshot?.context).toEqual({
      dashboardId: 'sales',
      filters: { region: ['EU', 'NA'] },
    })
    expect(chips(early)).toEqual(['Region: EU, NA'])

    // Linked to a dashboard that is ready already.
    const late = assistant('first')
    document.body.append(late)
    await settle(late, () => chips(late).length > 0)
    expect(late.snapshot?.context.filters).toEqual({ region: ['EU', 'NA'] })

    first.setFilters({ region: ['APAC'] })
    await settle(late, () => chips(late)[0] === 'Region: APAC')
    expect(chips(early)).toEqual(['Region: APAC'])
    expect(early.snapshot?.context.filters).toEqual({ region: ['APAC'] })
  })

  it('says "Showing the first N rows" under an answer whose result was truncated', async () => {
    const result = (truncated: boolean) => ({
      columns: [
        { name: 'product', label: 'Product', type: 'string', role: 'dimension' },
        { name: 'orders', label: 'Orders', type: 'number', role: 'measure' },
      ],
      rows: [
        ['Suite', 9],
        ['Router', 7],
        ['Plan', 4],
      ],
      meta: { rowCount: 3, durationMs: 1, ...(truncated && { truncated }) },
    })
    const answer = (truncated: boolean): Array<[string, unknown]> => [
      ['text', { delta: 'Suite leads.' }],
      ['result', result(truncated)],
      ['done', {}],
    ]
    const element = document.createElement('inset-assistant')
    element.inset = fakeServer(undefined, { answer: answer(true) }).inset()
    document.body.append(element)
    await element.ask('Top 3 products by orders')
    const root = element.shadowRoot!
    const notes = () =>
      [...root.querySelectorAll('.msg.assistant')].map(
        (m) => m.querySelector('.note')?.textContent ?? null,
      )
    await settle(element, () => root.querySelectorAll('.msg.assistant tbody tr').length === 3)
    expect(notes()).toEqual(['Showing the first 3 rows'])

    element.inset = fakeServer(undefined, { answer: answer(false) }).inset()
    await element.ask('All products by orders')
    await settle(element, () => root.querySelectorAll('.msg.assistant tbody tr').length === 3)
    expect(notes()).toEqual([null])
  })
})
