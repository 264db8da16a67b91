import { type InsetTheme, themeToCssVariables } from '@inset/core'

// Colour, font, radius and spacing tokens come from core's `themeToCssVariables`, the one mapping
// shared with every binding. A host page may still override any of them from outside (outer styles
// win over :host rules), e.g. `inset-dashboard { --inset-color-primary: #0a7 }`.

function declarations(theme: InsetTheme, scheme: 'light' | 'dark'): string {
  return Object.entries(themeToCssVariables(theme, scheme))
    .map(([name, value]) => `${name}:${value};`)
    .join('')
}

/** The token sheet of a theme: light values, and dark ones under `data-scheme="dark"`. */
export function themeStyles(theme: InsetTheme = {}): string {
  return `:host{${declarations(theme, 'light')}}:host([data-scheme=dark]){${declarations(theme, 'dark')}}`
}

/** Tokens derived from the themed ones, so that a new primary colour also tints its soft variants. */
export const derivedStyles = `
:host{--inset-row-height:112px;--inset-gap:calc(var(--inset-space) + 4px);
--inset-radius-small:calc(var(--inset-radius) * .75);
--inset-color-primary-contrast:var(--inset-color-background);
--inset-color-primary-soft:color-mix(in srgb,var(--inset-color-primary) 14%,var(--inset-color-background));
--inset-color-hover:color-mix(in srgb,var(--inset-color-text) 5%,var(--inset-color-background));
--inset-color-skeleton:color-mix(in srgb,var(--inset-color-text) 8%,var(--inset-color-background));
--inset-color-positive-text:color-mix(in srgb,var(--inset-color-positive) 70%,var(--inset-color-text));
--inset-color-negative-text:color-mix(in srgb,var(--inset-color-negative) 78%,var(--inset-color-text));
--inset-color-positive-soft:color-mix(in srgb,var(--inset-color-positive) 12%,var(--inset-color-background));
--inset-color-negative-soft:color-mix(in srgb,var(--inset-color-negative) 12%,var(--inset-color-background));
--inset-shadow:0 1px 2px rgb(16 24 40 / .05);
display:block;color-scheme:var(--inset-color-scheme);font-family:var(--inset-font-family);
font-size:var(--inset-font-size);line-height:1.45;color:var(--inset-color-text);-webkit-font-smoothing:antialiased}
:host([data-scheme=dark]){--inset-shadow:none}
:host([hidden]){display:none}
`
