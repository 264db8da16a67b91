import { describe, expect, it } from 'vitest'
import { assistantStrings } from './assistant/assistant-strings'
import { addDefaultStrings, defaultInsetStrings, setInsetStrings, t } from './strings'

describe('the strings table', () => {
  it("keeps a host's translation of the assistant's strings set before its chunk arrived", () => {
    setInsetStrings({ assistantTitle: 'Interrogez vos données', retry: 'Réessayer' })
    expect(t().assistantIntro).toBeUndefined()
    addDefaultStrings(assistantStrings)
    expect(t().assistantTitle).toBe('Interrogez vos données')
    expect(t().assistantIntro).toBe(assistantStrings.assistantIntro)
    expect(t().retry).toBe('Réessayer')
    expect(t().askAbout).toBe(defaultInsetStrings.askAbout)
  })
})
