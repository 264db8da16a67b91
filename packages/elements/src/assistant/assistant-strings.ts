// The assistant's strings, loaded with its chunk: a page with only a dashboard does not download
// them. A host translates them with `setInsetStrings` like every other string; the view adds them
// to the table (`addDefaultStrings`) when it loads.
/** The English strings of `<inset-assistant>`; functions take the values they interpolate. */
export const assistantStrings = {
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
  aboutTile: (title: string) => `About: ${title}`,
  stopAboutTile: (title: string) => `Stop asking about ${title}`,
  askBreakDown: (dimension: string) => `Break this down by ${dimension}`,
  askShare: 'What is the share of each?',
  askOnly: (value: string) => `What about ${value} only?`,
}
