import { InsetError } from './errors'

export interface InsetThemeColors {
  primary: string
  background: string
  surface: string
  text: string
  muted: string
  border: string
  positive: string
  negative: string
}

/** How an embedded dashboard looks; every field is optional. */
export interface InsetTheme {
  /** `auto` follows the page's `prefers-color-scheme`. Default `auto`. */
  mode?: 'light' | 'dark' | 'auto'
  /** Applied in both modes. */
  colors?: Partial<InsetThemeColors>
  /** Applied over `colors` in dark mode. */
  darkColors?: Partial<InsetThemeColors>
  /** Chart series colors, in order; in both modes unless `darkPalette` is given. */
  palette?: string[]
  /** Chart series colors in dark mode. Default: `palette`, else `defaultDarkPalette`. */
  darkPalette?: string[]
  /** Default `inherit`: the host page's font. */
  fontFamily?: string
  /** Corner radius; a number is in pixels. Default 8. */
  radius?: number | string
  /** Default `comfortable`. */
  density?: 'compact' | 'comfortable'
}

/** `light`, `dark`, `auto` (follow `prefers-color-scheme`), or a full theme. */
export type InsetThemeInput = InsetTheme | 'light' | 'dark' | 'auto'

/**
 * A theme from its shorthand: `'dark'` is `{ mode: 'dark' }`, nothing is `{}`.
 *
 * @example toTheme('dark') // { mode: 'dark' }
 */
export function toTheme(input: InsetThemeInput | undefined): InsetTheme {
  if (!input) return {}
  return typeof input === 'string' ? { mode: input } : input
}

/** The CSS custom properties of a theme, e.g. `--inset-color-primary`. */
export type InsetCssVariables = Record<
  | `--inset-color-${keyof InsetThemeColors}`
  | `--inset-chart-${number}`
  | '--inset-color-scheme'
  | '--inset-font-family'
  | '--inset-font-size'
  | '--inset-radius'
  | '--inset-space',
  string
>

const COLOR_NAMES = 'primary background surface text muted border positive negative'.split(' ')

/** Colors from a compact list of hex values, in the order of `COLOR_NAMES`. */
const colors = (hex: string) =>
  Object.fromEntries(
    hex.split(' ').map((value, index) => [COLOR_NAMES[index], `#${value}`]),
  ) as unknown as Readonly<InsetThemeColors>

/** The default colors of light mode. */
export const lightColors = /* @__PURE__ */ colors(
  '2563eb ffffff f8fafc 0f172a 64748b e2e8f0 16a34a dc2626',
)

/** The default colors of dark mode. */
export const darkColors = /* @__PURE__ */ colors(
  '60a5fa 0b1120 111827 e5e7eb 94a3b8 1f2937 4ade80 f87171',
)

/**
 * The default chart series colors of light mode, each at least 3:1 against the light background
 * and surface (WCAG 1.4.11, non-text contrast).
 */
export const defaultPalette: readonly string[] = [
  '#2563eb',
  '#0891b2',
  '#7c3aed',
  '#db2777',
  '#ea580c',
  '#4d7c0f',
]

/**
 * The default chart series colors of dark mode: the same hues, brighter, each at least 4.5:1 against
 * the dark background and surface (the light ones look dim there).
 */
export const defaultDarkPalette: readonly string[] = [
  '#60a5fa',
  '#22d3ee',
  '#a78bfa',
  '#f472b6',
  '#fb923c',
  '#a3e635',
]

function invalid(what: string): never {
  throw new InsetError('bad_request', `Invalid theme ${what}`)
}

/**
 * The color scheme a theme renders in: its `mode`, or for `auto` the page's preference.
 *
 * @example
 * resolveColorScheme(theme, matchMedia('(prefers-color-scheme: dark)').matches) // 'dark'
 */
export function resolveColorScheme(theme: InsetTheme = {}, prefersDark = false): 'light' | 'dark' {
  const { mode = 'auto' } = theme
  return mode === 'auto'
    ? prefersDark
      ? 'dark'
      : 'light'
    : /^(light|dark)$/.test(mode)
      ? mode
      : invalid('mode')
}

/**
 * Maps a theme to CSS custom properties: one mapping for the elements and every binding.
 * Values containing `;`, `{` or `}` are refused, so the result is safe to write into a style sheet.
 *
 * @example
 * const vars = themeToCssVariables({ colors: { primary: '#7c3aed' } }, 'dark')
 * for (const [name, value] of Object.entries(vars)) host.style.setProperty(name, value)
 */
export function themeToCssVariables(
  theme: InsetTheme = {},
  scheme: 'light' | 'dark' = resolveColorScheme(theme),
): InsetCssVariables {
  const { density = 'comfortable', radius = 8 } = theme
  const compact = density === 'compact' || (density !== 'comfortable' && invalid('density'))
  const dark = scheme === 'dark'
  const variables: Record<string, unknown> = {
    '--inset-color-scheme': scheme,
    '--inset-font-family': theme.fontFamily ?? 'inherit',
    '--inset-font-size': compact ? '13px' : '14px',
    '--inset-radius': typeof radius === 'number' ? `${radius}px` : radius,
    '--inset-space': compact ? '8px' : '12px',
  }
  const palette = {
    ...(dark ? darkColors : lightColors),
    ...theme.colors,
    ...(dark && theme.darkColors),
  }
  for (const name in palette)
    variables[`--inset-color-${name}`] = palette[name as keyof InsetThemeColors]
  ;(
    (dark && theme.darkPalette) ||
    theme.palette ||
    (dark ? defaultDarkPalette : defaultPalette)
  ).forEach((color, index) => {
    variables[`--inset-chart-${index + 1}`] = color
  })
  for (const name in variables) {
    const value = variables[name]
    if (typeof value !== 'string' || /[;{}]/.test(value)) invalid(name)
  }
  return variables as InsetCssVariables
}
