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
  /** Chart series colors, in order. */
  palette?: string[]
  /** Default `inherit`: the host page's font. */
  fontFamily?: string
  /** Corner radius; a number is in pixels. Default 8. */
  radius?: number | string
  /** Default `comfortable`. */
  density?: 'compact' | 'comfortable'
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

/** The default colors of light mode. */
export const lightColors: Readonly<InsetThemeColors> = {
  primary: '#2563eb',
  background: '#ffffff',
  surface: '#f8fafc',
  text: '#0f172a',
  muted: '#64748b',
  border: '#e2e8f0',
  positive: '#16a34a',
  negative: '#dc2626',
}

/** The default colors of dark mode. */
export const darkColors: Readonly<InsetThemeColors> = {
  primary: '#60a5fa',
  background: '#0b1120',
  surface: '#111827',
  text: '#e5e7eb',
  muted: '#94a3b8',
  border: '#1f2937',
  positive: '#4ade80',
  negative: '#f87171',
}

/** The default chart series colors. */
export const defaultPalette: readonly string[] = [
  '#2563eb',
  '#0891b2',
  '#7c3aed',
  '#db2777',
  '#ea580c',
  '#65a30d',
]

function fail(message: string): never {
  throw new InsetError('bad_request', `Invalid theme: ${message}`)
}

/**
 * The color scheme a theme renders in: its `mode`, or for `auto` the page's preference.
 *
 * @example
 * resolveColorScheme(theme, matchMedia('(prefers-color-scheme: dark)').matches) // 'dark'
 */
export function resolveColorScheme(theme: InsetTheme = {}, prefersDark = false): 'light' | 'dark' {
  const { mode = 'auto' } = theme
  if (mode === 'auto') return prefersDark ? 'dark' : 'light'
  if (mode === 'light' || mode === 'dark') return mode
  return fail(`mode must be light, dark or auto, not ${String(mode)}`)
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
  if (density !== 'compact' && density !== 'comfortable') {
    fail(`density must be compact or comfortable, not ${String(density)}`)
  }
  const dark = scheme === 'dark'
  const colors = {
    ...(dark ? darkColors : lightColors),
    ...theme.colors,
    ...(dark && theme.darkColors),
  }
  const variables: Record<string, string> = {
    '--inset-color-scheme': scheme,
    '--inset-font-family': theme.fontFamily ?? 'inherit',
    '--inset-font-size': density === 'compact' ? '13px' : '14px',
    '--inset-radius': typeof radius === 'number' ? `${radius}px` : radius,
    '--inset-space': density === 'compact' ? '8px' : '12px',
  }
  for (const [name, value] of Object.entries(colors)) variables[`--inset-color-${name}`] = value
  ;(theme.palette ?? defaultPalette).forEach((color, index) => {
    variables[`--inset-chart-${index + 1}`] = color
  })
  for (const [name, value] of Object.entries(variables)) {
    if (typeof value !== 'string' || /[;{}]/.test(value)) fail(`${name} has an unusable value`)
  }
  return variables as InsetCssVariables
}
