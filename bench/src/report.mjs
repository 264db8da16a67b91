// The report as Markdown: a header with the date, the machine and the versions, then one part per
// section in the order they ran. The JSON written beside it holds the same figures, unrounded.
import { table } from './lib/format.mjs'

const versionsLine = (report) =>
  Object.entries(report.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ')

/** Renders a report object (as written to report.json) to Markdown. */
export function renderReport(report) {
  const { machine } = report
  const header = [
    `# Benchmark report${report.quick ? ' (--quick: fewer runs, a smoke check, not for quoting)' : ''}`,
    '',
    table(
      ['measured', 'value'],
      [
        ['date', report.date],
        ['command', `\`${report.command}\` (${Math.round(report.durationSeconds)} s)`],
        ['commit', machine.commit],
        ['machine', `${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB`],
        [
          'load average (1/5/15 min)',
          `${machine.loadAverageAtStart.join(' / ')} at start, ${machine.loadAverageAtEnd?.join(' / ') ?? '?'} at end (the machine is shared: figures move with it)`,
        ],
        ['Node', machine.node],
        ['Chromium', machine.chromium],
      ],
    ),
    '',
    `Versions: ${versionsLine(report)}.`,
    '',
    'Every figure is the median of several runs with the spread (min–max) in brackets.',
  ]
  const sections = report.sections.map((section, index) => [
    '',
    `## ${index + 1}. ${section.title}`,
    '',
    section.error ? `This section failed in this run: ${section.error}` : section.markdown,
  ])
  return [...header, ...sections.flat(), ''].join('\n')
}
