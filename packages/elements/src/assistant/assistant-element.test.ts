import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { fakeServer, salesDefinition, settle } from '../../test/fixtures'
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

  it('links a dashboard that appears after it, and unlinks it when it leaves, without leaks', async () => {
    // The observers watching something now, and the Inset listeners each dashboard holds.
    const watching = new Set<MutationObserver>()
    const { observe, disconnect } = MutationObserver.prototype
    vi.spyOn(MutationObserver.prototype, 'observe').mockImplementation(function (
      this: MutationObserver,
      ...args
    ) {
      watching.add(this)
      observe.apply(this, args)
    })
    vi.spyOn(MutationObserver.prototype, 'disconnect').mockImplementation(function (
      this: MutationObserver,
    ) {
      watching.delete(this)
      disconnect.apply(this)
    })
    const held = new Map<EventTarget, number>()
    let owner: EventTarget = HTMLElement.prototype
    while (!Object.hasOwn(owner, 'addEventListener')) owner = Object.getPrototypeOf(owner)
    const { addEventListener, removeEventListener } = owner
    vi.spyOn(owner, 'addEventListener').mockImplementation(function (this: EventTarget, ...args) {
      if (String(args[0]).startsWith('inset-')) held.set(this, (held.get(this) ?? 0) + 1)
      addEventListener.apply(this, args)
    })
    vi.spyOn(owner, 'removeEventListener').mockImplementation(function (
      this: EventTarget,
      ...args
    ) {
      if (String(args[0]).startsWith('inset-')) held.set(this, (held.get(this) ?? 0) - 1)
      removeEventListener.apply(this, args)
    })
    try {
      const server = fakeServer(salesDefinition(['EU']))
      const element = assistant('late')
      document.body.append(element)
      // No dashboard and no connection of its own: it waits, watching the page for the id.
      await settle(element, () => element.shadowRoot?.querySelector('.chat') !== null)
      expect(element.snapshot).toBeUndefined()
      expect(watching.size).toBe(1)

      const removed: InsetDashboardElement[] = []
      for (let cycle = 0; cycle < 6; cycle++) {
        // Every other cycle, the id is given once the element is in the page.
        const target = dashboard(server, cycle % 2 ? 'late' : 'other')
        document.body.append(target)
        if (target.id === 'other') target.id = 'late'
        // Linked without a question: it takes the dashboard's connection and filters.
        await settle(element, () => chips(element)[0] === 'Region: EU')
        expect(element.snapshot?.context).toEqual({
          dashboardId: 'sales',
          filters: { region: ['EU'] },
        })
        expect(held.get(target)).toBeGreaterThan(0)

        target.remove()
        removed.push(target)
        // It used the dashboard's connection (nothing was copied): it waits for the next one.
        await settle(element, () => chips(element).length === 0)
        expect(element.snapshot).toBeUndefined()
      }
      expect(watching.size).toBe(1)
      // A dashboard that left holds no listener of the assistant.
      expect(removed.map((target) => held.get(target))).toEqual(removed.map(() => 0))

      element.remove()
      await settle(element, () => watching.size === 0)
    } finally {
      vi.restoreAllMocks()
    }
  })
})
