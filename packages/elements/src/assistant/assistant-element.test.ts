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
})
