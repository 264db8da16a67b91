// Every user-visible string of the elements, in one object so that a host can translate them.

/** The English strings of the elements; functions take the values they interpolate. */
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
  assistantTitle: 'Ask your data',
  assistantIntro:
    'Ask a question in plain words. Answers use the same data and permissions as the dashboard.',
  assistantPlaceholder: 'e.g. Revenue by region last quarter',
  assistantQuestion: 'Your question',
  ask: 'Ask',
  stop: 'Stop',
  you: 'You',
  assistant: 'Assistant',
  thinking: 'Thinking',
  queryRan: 'What I looked at',
  suggestions: 'Suggested questions',
  followingFilters: 'Using dashboard filters',
  noFilters: 'No filters',
  newConversation: 'New conversation',
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
}

/** The shape of the strings table; pass a partial to `setInsetStrings`. */
export type InsetStrings = typeof defaultInsetStrings

let current: InsetStrings = defaultInsetStrings

/**
 * Replaces some or all strings, for every element rendered afterwards.
 *
 * @example
 * setInsetStrings({ retry: 'Réessayer', empty: 'Aucune donnée' })
 */
export function setInsetStrings(overrides: Partial<InsetStrings>): void {
  current = { ...current, ...overrides }
}

/** The strings in force. */
export function t(): InsetStrings {
  return current
}
