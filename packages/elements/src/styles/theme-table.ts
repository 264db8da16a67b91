// The styling surface of the elements, in one table: every CSS custom property a host may set and
// every `::part()` it may style. docs/theming.md is generated from it (`node
// scripts/docs-theming.mjs`), and a test fails when a `--inset-*` property or a `part` used in this
// package's source is missing here (or listed here and used nowhere). Not imported at run time.

export interface CustomPropertyDoc {
  /** The property, e.g. `--inset-color-primary`; `--inset-chart-<n>` stands for the series. */
  name: string
  /** Where the value comes from: `theme` (core's `themeToCssVariables`) or `derived` (elements). */
  source: 'theme' | 'derived'
  /** Default of a derived property; a theme property's light and dark defaults come from core. */
  default?: string
  description: string
}

export interface PartDoc {
  name: string
  element: 'inset-dashboard' | 'inset-assistant' | 'both'
  description: string
}

export const INSET_CUSTOM_PROPERTIES: readonly CustomPropertyDoc[] = [
  {
    name: '--inset-color-primary',
    source: 'theme',
    description:
      'Accent: selected filters, focus ring, active sort, links, the first series when no palette is set.',
  },
  {
    name: '--inset-color-background',
    source: 'theme',
    description: 'Background of tiles, popovers, table headers and the sticky first column.',
  },
  {
    name: '--inset-color-surface',
    source: 'theme',
    description: 'Background behind the tiles (dashboard) and of the assistant panel.',
  },
  { name: '--inset-color-text', source: 'theme', description: 'Body text and values.' },
  {
    name: '--inset-color-muted',
    source: 'theme',
    description: 'Secondary text: tile titles, labels, axis labels, pager.',
  },
  { name: '--inset-color-border', source: 'theme', description: 'Tile, field and table borders.' },
  { name: '--inset-color-positive', source: 'theme', description: 'A KPI change for the better.' },
  {
    name: '--inset-color-negative',
    source: 'theme',
    description: 'A KPI change for the worse; error icons.',
  },
  {
    name: '--inset-chart-<n>',
    source: 'theme',
    description: 'Chart series colours, in order (`palette`, `darkPalette` of the theme).',
  },
  {
    name: '--inset-color-scheme',
    source: 'theme',
    description: "`light` or `dark`: the elements' `color-scheme` (form controls, scrollbars).",
  },
  {
    name: '--inset-font-family',
    source: 'theme',
    description: "Font of everything inside; inherits the page's font by default.",
  },
  {
    name: '--inset-font-size',
    source: 'theme',
    description: "Base font size (13px with `density: 'compact'`).",
  },
  {
    name: '--inset-radius',
    source: 'theme',
    description: 'Corner radius of tiles and panels (`radius` of the theme).',
  },
  {
    name: '--inset-space',
    source: 'theme',
    description: "Base spacing (8px with `density: 'compact'`).",
  },
  {
    name: '--inset-row-height',
    source: 'derived',
    default: '112px',
    description: 'Height of one row of the dashboard grid; a tile spans `layout.h` rows.',
  },
  {
    name: '--inset-gap',
    source: 'derived',
    default: 'calc(var(--inset-space) + 4px)',
    description: 'Gap between tiles.',
  },
  {
    name: '--inset-radius-small',
    source: 'derived',
    default: 'calc(var(--inset-radius) * .75)',
    description: 'Radius of buttons, fields and popovers.',
  },
  {
    name: '--inset-shadow',
    source: 'derived',
    default: '0 1px 2px rgb(16 24 40 / .05)',
    description: 'Tile shadow (none in dark).',
  },
  {
    name: '--inset-color-primary-contrast',
    source: 'derived',
    default: 'var(--inset-color-background)',
    description: "Text on a primary background (the send button, the user's question).",
  },
  {
    name: '--inset-color-primary-soft',
    source: 'derived',
    default: 'primary 14% over background',
    description: 'Pressed buttons, selected options.',
  },
  {
    name: '--inset-color-hover',
    source: 'derived',
    default: 'text 5% over background',
    description: 'Hovered rows and buttons, the selected row, chips.',
  },
  {
    name: '--inset-color-skeleton',
    source: 'derived',
    default: 'text 8% over background',
    description: 'Loading skeletons.',
  },
  {
    name: '--inset-color-positive-text',
    source: 'derived',
    default: 'positive 70% over text',
    description: 'Text of a positive change.',
  },
  {
    name: '--inset-color-negative-text',
    source: 'derived',
    default: 'negative 78% over text',
    description: 'Text of a negative change.',
  },
  {
    name: '--inset-color-positive-soft',
    source: 'derived',
    default: 'positive 12% over background',
    description: 'Background of a positive change.',
  },
  {
    name: '--inset-color-negative-soft',
    source: 'derived',
    default: 'negative 12% over background',
    description: 'Background of a negative change.',
  },
]

export const INSET_PARTS: readonly PartDoc[] = [
  {
    name: 'dashboard',
    element: 'inset-dashboard',
    description: 'The whole dashboard: title, filter bar and grid.',
  },
  {
    name: 'header',
    element: 'both',
    description: "The dashboard's title row; the assistant's title bar.",
  },
  {
    name: 'filter-bar',
    element: 'inset-dashboard',
    description: 'The filters built from the definition (date range, selects).',
  },
  {
    name: 'grid',
    element: 'inset-dashboard',
    description: 'The 12-column grid of tiles (6 below 880 px, 1 below 560 px of element width).',
  },
  {
    name: 'tile',
    element: 'inset-dashboard',
    description: 'Every tile; also carries `tile-<kind>`.',
  },
  { name: 'tile-kpi', element: 'inset-dashboard', description: 'KPI tiles.' },
  { name: 'tile-timeseries', element: 'inset-dashboard', description: 'Time-series tiles.' },
  {
    name: 'tile-breakdown',
    element: 'inset-dashboard',
    description: 'Breakdown (bar chart) tiles.',
  },
  { name: 'tile-table', element: 'inset-dashboard', description: 'Table tiles.' },
  {
    name: 'tile-header',
    element: 'inset-dashboard',
    description: "A tile's title row with its tools.",
  },
  {
    name: 'tile-selection',
    element: 'inset-dashboard',
    description: 'The chip of a cross-filter set from the tile (click clears it).',
  },
  {
    name: 'tile-download',
    element: 'inset-dashboard',
    description: 'The download menu (CSV, PNG) of a tile; only with the `export` scope.',
  },
  {
    name: 'tile-breadcrumb',
    element: 'inset-dashboard',
    description: 'The drill-down path of a tile.',
  },
  {
    name: 'tile-ask-about',
    element: 'inset-dashboard',
    description:
      'A tile\'s "Ask about this" button; only while an assistant is linked (or with `ask-about-tiles`).',
  },
  {
    name: 'tile-as-of',
    element: 'inset-dashboard',
    description:
      'A tile\'s "as of 10:42" hint, when its data came from the server\'s cache over a minute ago.',
  },
  { name: 'kpi-value', element: 'inset-dashboard', description: "A KPI's number." },
  {
    name: 'delta',
    element: 'inset-dashboard',
    description: "A KPI's change against the previous period.",
  },
  { name: 'chart', element: 'both', description: "A chart's drawing area (canvas and axes)." },
  {
    name: 'table',
    element: 'both',
    description:
      'The scrolling wrapper of a data table (its first column stays in view when it scrolls sideways).',
  },
  { name: 'assistant', element: 'inset-assistant', description: 'The whole assistant panel.' },
  {
    name: 'context',
    element: 'inset-assistant',
    description:
      'What the questions are about (the linked dashboard, its filters, the tile asked about).',
  },
  {
    name: 'conversation',
    element: 'inset-assistant',
    description: 'The scrolling list of questions and answers.',
  },
  { name: 'question', element: 'inset-assistant', description: 'One question of the user.' },
  { name: 'answer', element: 'inset-assistant', description: 'One answer.' },
  {
    name: 'answer-result',
    element: 'inset-assistant',
    description: 'The chart or table of an answer.',
  },
  {
    name: 'suggestions',
    element: 'inset-assistant',
    description: 'Starter and follow-up questions.',
  },
  {
    name: 'composer',
    element: 'inset-assistant',
    description: 'The question box and its send button.',
  },
]
