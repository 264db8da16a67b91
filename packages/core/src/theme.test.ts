import { describe, expect, it } from 'vitest'
import { InsetError } from './errors'
import {
  darkColors,
  defaultDarkPalette,
  defaultPalette,
  lightColors,
  resolveColorScheme,
  themeToCssVariables,
} from './theme'

/** WCAG 2 relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16)
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((channel) => {
    const c = channel / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours, 1 to 21. */
function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (high + 0.05) / (low + 0.05)
}

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

  // Non-text contrast (WCAG 1.4.11) asks 3:1 of bars and lines against what they are drawn on;
  // the dark palette's lines, 2px wide, get text contrast, 4.5:1.
  it.each([
    { scheme: 'light', palette: defaultPalette, colors: lightColors, ratio: 3 },
    { scheme: 'dark', palette: defaultDarkPalette, colors: darkColors, ratio: 4.5 },
  ] as const)(
    'draws charts in the $scheme palette, clear on the $scheme surfaces',
    ({ scheme, palette, colors, ratio }) => {
      const variables = themeToCssVariables({}, scheme)
      palette.forEach((color, index) => {
        expect(variables[`--inset-chart-${index + 1}`]).toBe(color)
        expect(contrast(color, colors.background)).toBeGreaterThanOrEqual(ratio)
        expect(contrast(color, colors.surface)).toBeGreaterThanOrEqual(ratio)
      })
      expect(new Set(palette).size).toBe(palette.length)
    },
  )

  it('has a brighter dark palette, and fixes the colours that were too dim', () => {
    expect(defaultDarkPalette).toHaveLength(defaultPalette.length)
    defaultDarkPalette.forEach((color, index) => {
      expect(luminance(color)).toBeGreaterThan(luminance(defaultPalette[index]!))
    })
    // The light palette is too dim on the dark background: what the dark palette fixes.
    expect(Math.min(...defaultPalette.map((c) => contrast(c, darkColors.background)))).toBeLessThan(
      4.5,
    )
    // The light palette's old lime, #65a30d, was 2.95:1 on the light surface.
    expect(contrast('#65a30d', lightColors.surface)).toBeLessThan(3)
  })

  it('uses a theme palette in both modes, and darkPalette over it in dark mode', () => {
    const palette = ['#111111', '#222222']
    expect(themeToCssVariables({ palette }, 'dark')['--inset-chart-1']).toBe('#111111')
    const both = { palette, darkPalette: ['#eeeeee'] }
    expect(themeToCssVariables(both, 'light')['--inset-chart-1']).toBe('#111111')
    expect(themeToCssVariables(both, 'dark')).toMatchObject({ '--inset-chart-1': '#eeeeee' })
    expect(themeToCssVariables(both, 'dark')).not.toHaveProperty('--inset-chart-2')
    expect(themeToCssVariables({ darkPalette: ['#eeeeee'] }, 'light')['--inset-chart-1']).toBe(
      defaultPalette[0],
    )
  })
})
