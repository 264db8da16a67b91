import { Component, reflectComponentType } from '@angular/core'
import { TestBed } from '@angular/core/testing'
import {
  elementProperties,
  eventKey,
  INSET_ELEMENTS,
  InsetAssistantElement,
  type InsetDashboardElement,
  type InsetEvent,
} from '@inset/elements'
import { createFakeServer } from '@inset/test-utils/fake-server'
import { describe, expect, it, vi } from 'vitest'
import { provideFakeInset, ready } from '../test/harness'
import { InsetAssistant, InsetDashboard } from './index'

@Component({
  imports: [InsetAssistant, InsetDashboard],
  template: `
    <inset-dashboard id="sales" dashboardId="sales-overview" [filters]="{ region: ['EU'] }" />
    <inset-assistant
      for="sales"
      (answer)="answers.push($event)"
      (stateChange)="states.push($event.detail.state)"
    />
  `,
})
class Host {
  readonly answers: InsetEvent<'inset-answer'>[] = []
  readonly states: string[] = []
}

describe('InsetAssistant', () => {
  it('links to a dashboard by id, follows the provider theme, and reports answers and its state', async () => {
    const server = createFakeServer()
    TestBed.configureTestingModule({ providers: [provideFakeInset(server, 'dark')] })
    const fixture = TestBed.createComponent(Host)
    fixture.detectChanges()
    const assistant = document.querySelector('inset-assistant') as InsetAssistantElement
    const dashboard = document.getElementById('sales') as InsetDashboardElement
    expect(assistant).toBeInstanceOf(InsetAssistantElement)
    expect(assistant.for).toBe('sales')
    await ready(dashboard)
    // One theme channel: the provider's theme is the instance's, which every element follows.
    expect(assistant.theme).toBeUndefined()
    expect(assistant.inset?.theme).toEqual({ mode: 'dark' })
    expect(assistant.inset).toBe(dashboard.inset)
    await vi.waitFor(() => expect(assistant.dataset['scheme']).toBe('dark'))

    await assistant.ask('What is the revenue?')
    const { answers, states } = fixture.componentInstance
    expect(answers.map((event) => event.detail)).toMatchObject([
      { question: 'What is the revenue?', text: 'Revenue is 600.' },
    ])
    expect(states).toContain('streaming')
    const asked = server.requests.find((request) => request.path === '/v1/assistant')
    expect(asked?.body).toMatchObject({
      context: { dashboardId: 'sales-overview', filters: { region: ['EU'] } },
    })
    // One token for the dashboard and the assistant together.
    expect(server.tokenCalls).toHaveLength(1)
  })

  it('declares exactly the inputs and outputs of the elements table', () => {
    const mirror = reflectComponentType(InsetAssistant)!
    expect(mirror.selector).toBe('inset-assistant')
    expect(mirror.inputs.map((input) => input.propName).sort()).toEqual(
      elementProperties('inset-assistant', { connection: false }).sort(),
    )
    expect(mirror.outputs.map((output) => output.templateName).sort()).toEqual(
      INSET_ELEMENTS['inset-assistant'].events.map(eventKey).sort(),
    )
  })
})
