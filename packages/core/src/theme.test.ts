import { describe, expect, it } from 'vitest'
import { InsetError } from './errors'
import { darkColors, lightColors, resolveColorScheme, themeToCssVariables } from './theme'

describe('themeToCssVariables', () => {
  it('gives the light defaults for an empty theme', () => {
    const variables = themeToCssVariables()
    expect(variables['--inset-color-primary']).toBe(lightColors.primary)
    expect(variables['--inset-color-background']).toBe(lightColors.background)
    expect(variables).toMatchObject({
      '--inset-color-scheme': 'light',
      '--inset-font-family': 'inherit',
      '--inset-radius': '8px',
      '--inset-space': '12px',
      '--inset-font-size': '14px',
      '--inset-chart-1': '#2563eb',
    })
    expect(Object.keys(variables)).toHaveLength(5 + 8 + 6)
  })

  it('applies colors in both modes and darkColors over them in dark mode', () => {
    const theme = { colors: { primary: '#7c3aed', text: '#111' }, darkColors: { text: '#eee' } }
    expect(themeToCssVariables(theme, 'light')).toMatchObject({
      '--inset-color-primary': '#7c3aed',
      '--inset-color-text': '#111',
    })
    expect(themeToCssVariables(theme, 'dark')).toMatchObject({
      '--inset-color-scheme': 'dark',
      '--inset-color-primary': '#7c3aed',
      '--inset-color-text': '#eee',
      '--inset-color-background': darkColors.background,
    })
  })

  it('maps fonts, radius, density and palette', () => {
    expect(
      themeToCssVariables({
        fontFamily: 'Inter, sans-serif',
        radius: '0.5rem',
        density: 'compact',
        palette: ['red', 'blue'],
      }),
    ).toMatchObject({
      '--inset-font-family': 'Inter, sans-serif',
      '--inset-radius': '0.5rem',
      '--inset-space': '8px',
      '--inset-font-size': '13px',
      '--inset-chart-1': 'red',
      '--inset-chart-2': 'blue',
    })
    expect(themeToCssVariables({ radius: 0 })['--inset-radius']).toBe('0px')
  })

  it('follows the mode, or the page preference for auto', () => {
    expect(themeToCssVariables({ mode: 'dark' })['--inset-color-scheme']).toBe('dark')
    expect(resolveColorScheme({ mode: 'auto' }, true)).toBe('dark')
    expect(resolveColorScheme({}, false)).toBe('light')
    expect(resolveColorScheme({ mode: 'light' }, true)).toBe('light')
  })

  it('refuses bad input with a typed error', () => {
    expect(() => themeToCssVariables({ density: 'huge' as never })).toThrow(InsetError)
    expect(() => resolveColorScheme({ mode: 'sepia' as never })).toThrow(/mode/)
    expect(() =>
      themeToCssVariables({ colors: { primary: 'red; } body { display: none' } }),
    ).toThrow(/--inset-color-primary/)
  })
})
