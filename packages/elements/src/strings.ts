// Every user-visible string of the elements, in one table so that a host can translate them. The
// assistant's strings come with its lazily loaded chunk (`assistant/assistant-strings.ts`), so that
// a page with only a dashboard does not download them; `setInsetStrings` takes them all the same.
import type { assistantStrings } from './assistant/assistant-strings'

/**
 * The English strings of the dashboard (the assistant's are in its chunk; `InsetStrings` lists
 * every key); functions take the values they interpolate.
 */
export const defaultInsetStrings = {
  loadingDashboard: 'Loading dashboard',
  retry: 'Try again',
  refresh: 'Refresh',
  dashboardErrorTitle: 'This dashboard could not be loaded',
  tileErrorTitle: 'This tile could not be loaded',
  errorCode: (code: string) => `Error code: ${code}`,
  empty: 'No data for these filters',
  emptyHint: 'Try widening the date range or clearing a filter.',
  notConfigured: 'Set `inset`, or `serverUrl` and `fetchToken`, to connect this element.',
  filters: 'Filters',
  dateFrom: 'From',
  dateTo: 'To',
  presetAll: 'All time',
  presetLast30: 'Last 30 days',
  presetLast90: 'Last 90 days',
  presetLast365: 'Last 12 months',
  presetCustom: 'Custom',
  selectAll: 'All',
  selectedCount: (n: number) => `${n} selected`,
  clearFilters: 'Reset filters',
  comparedWith: 'vs previous period',
  noComparison: 'No earlier period to compare',
  deltaUp: (pct: string) => `Up ${pct}`,
  deltaDown: (pct: string) => `Down ${pct}`,
  deltaFlat: 'No change',
  showTable: 'Show data as table',
  chartLabel: (kind: string, title: string, points: number) =>
    `${kind} of ${title}, ${points} ${points === 1 ? 'point' : 'points'}`,
  lineChart: 'Line chart',
  barChart: 'Bar chart',
  chartRange: (from: string, to: string) => `from ${from} to ${to}`,
  sortBy: (label: string) => `Sort by ${label}`,
  pagination: 'Pagination',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pageStatus: (from: number, to: number, total: number) => `${from}–${to} of ${total}`,
  rows: (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`,
  truncated: (n: number) => `Showing the first ${n} ${n === 1 ? 'row' : 'rows'}`,
  drillDown: (label: string) => `Drill down: activate a point to see its ${label}`,
  drillPath: 'Drill path',
  drillTop: (label: string) => `All ${label}`,
  download: 'Download',
  downloadCsv: 'Download CSV',
  downloadPng: 'Download PNG',
  downloadFailed: (message: string) => `Download failed: ${message}`,
  clearSelection: (label: string, value: string) => `Clear ${label}: ${value}`,
  filteredBy: (label: string, value: string) => `Filtered by ${label}: ${value}`,
  filterCleared: (label: string) => `${label} filter cleared`,
  drilledInto: (value: string, label: string) => `Showing ${label} of ${value}`,
  askAbout: 'Ask about this',
  /** A tile's quiet hint that its data came from a cache over a minute ago (the time, or in full). */
  asOf: (time: string) => `as of ${time}`,
}

/** The shape of the strings table (every key, the assistant's too); pass a partial to `setInsetStrings`. */
export type InsetStrings = typeof defaultInsetStrings & typeof assistantStrings

// The assistant's keys are filled in when its chunk arrives (`addDefaultStrings`).
let current = defaultInsetStrings as InsetStrings

/**
 * Replaces some or all strings, for every element rendered afterwards.
 *
 * @example
 * setInsetStrings({ retry: 'Réessayer', empty: 'Aucune donnée' })
 */
export function setInsetStrings(overrides: Partial<InsetStrings>): void {
  current = { ...current, ...overrides }
}

/** Adds the English strings of a lazily loaded part; strings the host set stay. */
export function addDefaultStrings(defaults: Partial<InsetStrings>): void {
  current = { ...defaults, ...current }
}

/** The strings in force. */
export function t(): InsetStrings {
  return current
}
