import { describe, expect, it } from 'vitest'
import { closestWords, correct, editDistance } from './fuzzy'

describe('fuzzy matching', () => {
  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(editDistance('regoin', 'region')).toBe(1)
    expect(editDistance('revnue', 'revenue')).toBe(1)
    expect(editDistance('abc', 'cba')).toBe(2)
    expect(editDistance('same', 'same')).toBe(0)
  })

  it('corrects only when one known word is close enough for the length', () => {
    expect(correct('chanel', ['channel', 'country'])).toBe('channel')
    // Four letters: a dropped letter or a swap, never a substitution.
    expect(correct('ordr', ['order'])).toBe('order')
    expect(correct('acne', ['acme'])).toBeUndefined()
    expect(correct('abc', ['abcd'])).toBeUndefined()
    // A tie goes to a dropped letter.
    expect(correct('monthy', ['month', 'monthly'])).toBe('monthly')
    // Two words as close: not sure.
    expect(correct('abcde', ['abcdf', 'abcdx'])).toBeUndefined()
    // …unless exactly one of them is a name of the data.
    expect(correct('abcde', ['abcdf', 'abcdx'], new Set(['abcdx']))).toBe('abcdx')
  })

  it('finds every closest word for "did you mean"', () => {
    expect(closestWords('catgry', ['category', 'country', 'channel'], 2)).toEqual({
      words: ['category'],
      distance: 2,
    })
    expect(closestWords('zzzz', ['category'], 2)).toBeUndefined()
  })
})
