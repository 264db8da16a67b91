import { setDashboardFilters } from '@inset/test-utils/harness'
import { fixtureEvents as events, expect, openDashboard, test } from './fixtures'
import { FIXTURE_ANSWER, FIXTURE_SUGGESTIONS } from './sse-fixture'

test.describe('<inset-assistant> rendering a streamed answer (SSE stand-in)', () => {
  test('streams the text, shows the query in words, the result as a chart with a table, and follow-ups', async ({
    page,
    site,
    demo,
  }) => {
    const { chat } = await openDashboard(page, site, demo, { assistant: 'fixture' })
    await expect(
      chat.getByRole('group', { name: 'Suggested questions' }).getByRole('button'),
    ).toHaveText(['Revenue by region', 'Top products by orders'])
    // Follow the dashboard's filters: narrow the dashboard to EU, the chip and the request follow.
    await setDashboardFilters(page, { region: ['EU'] })
    await expect(chat.locator('[data-context-filter="region"]')).toHaveText('Region: EU')

    await chat.getByRole('textbox', { name: 'Your question' }).fill('Which region sells most?')
    await chat.getByRole('button', { name: 'Ask' }).click()
    const answer = chat.locator('li.msg.assistant')
    // While streaming: partial text, busy, a Stop button.
    await expect(answer).toHaveAttribute('aria-busy', 'true')
    await expect(answer.locator('.bubble-text')).toContainText(FIXTURE_ANSWER[0]!.trim())
    await expect(chat.getByRole('button', { name: 'Stop' })).toBeVisible()
    await expect(answer).toHaveAttribute('data-status', 'done')
    await expect(answer.locator('.bubble-text')).toHaveText(FIXTURE_ANSWER.join(''))
    await expect(answer.locator('.query')).toHaveText(
      'What I looked at: Revenue by region, over all dates',
    )
    await expect(answer.getByRole('img')).toHaveAttribute(
      'aria-label',
      /^Bar chart of Revenue by region, over all dates, 3 points/,
    )
    await expect(answer.locator('canvas').first()).toBeVisible()
    await answer.getByRole('button', { name: 'Show data as table' }).click()
    await expect(answer.locator('tbody tr')).toHaveText([
      /NA\s*\$412,346/,
      /EU\s*\$301,200/,
      /APAC\s*\$98,765/,
    ])
    await expect(
      chat.getByRole('group', { name: 'Suggested questions' }).getByRole('button'),
    ).toHaveText(FIXTURE_SUGGESTIONS)

    const request = site.assistantRequests.at(-1) as {
      question: string
      context: Record<string, unknown>
    }
    expect(request.question).toBe('Which region sells most?')
    expect(request.context).toMatchObject({
      dashboardId: 'sales-overview',
      filters: { region: ['EU'] },
    })
    const [answered] = (await events(page, 'inset-answer')) as Array<Record<string, unknown>>
    expect(answered).toMatchObject({
      question: 'Which region sells most?',
      text: FIXTURE_ANSWER.join(''),
      description: 'Revenue by region, over all dates',
      query: { dataset: 'orders', measures: ['revenue'], dimensions: ['region'] },
    })
    const states = (await events(page, 'inset-state-change')) as Array<{
      source: string
      state: string
    }>
    expect(states.filter((s) => s.source === 'assistant').map((s) => s.state)).toEqual([
      'streaming',
      'idle',
    ])

    // A follow-up sends the conversation so far.
    await chat.getByRole('button', { name: FIXTURE_SUGGESTIONS[0]! }).click()
    await expect(chat.locator('li.msg.assistant[data-status="done"]')).toHaveCount(2)
    const followUp = site.assistantRequests.at(-1) as { context: { history: unknown[] } }
    expect(followUp.context.history).toEqual([
      { role: 'user', content: 'Which region sells most?' },
      { role: 'assistant', content: FIXTURE_ANSWER.join('') },
    ])
    await chat.getByRole('button', { name: 'New conversation' }).click()
    await expect(chat.locator('li.msg')).toHaveCount(0)
  })

  test('links a dashboard added after it and unlinks one that leaves, without a question', async ({
    page,
    site,
    demo,
  }) => {
    const { chat } = await openDashboard(page, site, demo, { assistant: 'fixture' })
    const chips = chat.locator('[part="context"] .chip')
    await expect(chips).toHaveText(['No filters'])
    await page.locator('inset-dashboard').evaluate((el) => el.remove())
    await expect(chips).toHaveCount(0)

    // The host renders another dashboard with the same id, narrowed to NA from the start.
    await page.evaluate(() => {
      const el = document.createElement('inset-dashboard')
      el.dashboardId = 'sales-overview'
      el.filters = { region: ['NA'] }
      el.inset = (
        window as unknown as { inset: HTMLElementTagNameMap['inset-dashboard']['inset'] }
      ).inset
      el.id = 'sales'
      document.getElementById('main')!.prepend(el)
    })
    await expect(chat.locator('[data-context-filter="region"]')).toHaveText('Region: NA')
    await chat.getByRole('textbox', { name: 'Your question' }).fill('Which region sells most?')
    await chat.getByRole('button', { name: 'Ask' }).click()
    await expect(chat.locator('li.msg.assistant')).toHaveAttribute('data-status', 'done')
    const request = site.assistantRequests.at(-1) as { context: Record<string, unknown> }
    expect(request.context).toMatchObject({
      dashboardId: 'sales-overview',
      filters: { region: ['NA'] },
    })
  })
})
