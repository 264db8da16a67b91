import { Component, Injector } from '@angular/core'
import { TestBed } from '@angular/core/testing'
import { createFakeServer } from '@inset/test-utils/fake-server'
import { describe, expect, it, vi } from 'vitest'
import { provideFakeInset } from '../test/harness'
import { injectAssistant, injectDashboard } from './index'

@Component({ template: `{{ chat.messages().length }}` })
class Chat {
  readonly sales = injectDashboard('sales-overview', { filters: { region: ['EU'] } })
  readonly chat = injectAssistant({ dashboard: this.sales })
}

describe('injectAssistant', () => {
  it('follows a dashboard from injectDashboard and streams the answer into messages', async () => {
    const server = createFakeServer()
    TestBed.configureTestingModule({ providers: [provideFakeInset(server)] })
    const fixture = TestBed.createComponent(Chat)
    fixture.autoDetectChanges()
    const { chat, sales } = fixture.componentInstance
    await vi.waitFor(() => expect(sales.state()).toBe('ready'))
    expect(chat.context()).toEqual({ dashboardId: 'sales-overview', filters: { region: ['EU'] } })

    await chat.ask('What is the revenue?')
    expect(chat.messages().map((message) => [message.role, message.text])).toEqual([
      ['user', 'What is the revenue?'],
      ['assistant', 'Revenue is 600.'],
    ])
    const [ask] = server.requests.filter((request) => request.path === '/v1/assistant')
    expect(ask?.body).toMatchObject({
      question: 'What is the revenue?',
      context: { dashboardId: 'sales-overview', filters: { region: ['EU'] } },
    })
    await fixture.whenStable()
    expect(fixture.nativeElement.textContent).toBe('2')

    // The dashboard's filters change: the conversation stays, the context follows.
    sales.setFilters({ region: ['NA'] })
    await vi.waitFor(() => expect(chat.context().filters).toEqual({ region: ['NA'] }))
    expect(chat.messages()).toHaveLength(2)

    const controller = chat.controller
    fixture.destroy()
    expect(controller.getSnapshot().state).toBe('destroyed')
  })

  it('asks with its own context, and asserts its injection context', async () => {
    const server = createFakeServer()
    TestBed.configureTestingModule({ providers: [provideFakeInset(server)] })
    const chat = injectAssistant({
      context: { dashboardId: 'sales-overview' },
      injector: TestBed.inject(Injector),
    })
    TestBed.tick()
    await chat.ask('Revenue?')
    expect(chat.state()).toBe('idle')
    expect(chat.messages()[1]?.text).toBe('Revenue is 600.')
    expect(() => injectAssistant()).toThrow(/injection context/)
  })
})
