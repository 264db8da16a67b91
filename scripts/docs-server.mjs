#!/usr/bin/env node
// Generates docs/server.md: its configuration reference comes from the server's zod schema
// (packages/server/src/config/schema.ts, through zod's JSON Schema and the schema's doc comments).
// `--check` fails when the file is stale; tooling/test-utils/src/docs.test.ts runs it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { formatLikeBiome, importTs, root, table, writeOrCheck } from './docs-lib.mjs'

export const TARGET = 'docs/server.md'
const SCHEMA = 'packages/server/src/config/schema.ts'
const MAX_SAFE = Number.MAX_SAFE_INTEGER

/** Doc comments of the schema's fields: `prop` → [{ owner (the const it is in), text }]. */
function docComments(source) {
  const comments = new Map()
  let owner = ''
  let pending = null
  const lines = source.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const declared = /^(?:export )?const (\w+)/.exec(line)
    if (declared) owner = declared[1]
    const start = line.indexOf('/**')
    if (start >= 0) {
      let text = line.slice(start + 3)
      while (!text.includes('*/') && i + 1 < lines.length)
        text += ` ${lines[++i].replace(/^\s*\*(?!\/)\s?/, '')}`
      pending = text
        .replace(/\*\/.*$/, '')
        .replace(/\s+/g, ' ')
        .trim()
      continue
    }
    const property = /^\s*(\w+):/.exec(line)
    if (pending && property) {
      const list = comments.get(property[1]) ?? []
      list.push({ owner, text: pending })
      comments.set(property[1], list)
    }
    if (line.trim()) pending = null
  }
  return comments
}

// Where each part of the configuration is declared, to tell apart comments of fields with one name.
const OWNERS = [
  ['assistant.openai', ['openAIEngineSchema']],
  ['assistant', ['assistantSchema']],
  ['server.cache', ['resultCacheSchema']],
  ['server', ['serverSchema']],
  ['audit', ['auditSchema']],
  ['embedKeys.keys', ['secretKeySchema', 'publicKeySchema']],
  ['embedKeys', ['embedKeySchema']],
  ['apiKeys', ['apiKeySchema']],
  ['dataSources.sampleData', ['sampleDataSchema']],
  ['dataSources', ['dataSourceSchema']],
  ['datasets.measures', ['measureSchema']],
  ['datasets.dimensions', ['dimensionSchema']],
  ['datasets.rls', ['rlsRuleSchema']],
  ['datasets', ['datasetSchema']],
  ['dashboards.tiles.filters', ['queryFilterSchema']],
  ['dashboards.tiles', ['tileBase', 'interactions', 'tileSchema']],
  ['dashboards.filters', ['filterSchema']],
  ['dashboards', ['dashboardSchema']],
]

/**
 * Meanings of fields the schema has no doc comment for. The test fails when a key here is not a
 * field of the schema, so a renamed field cannot keep an old text.
 */
export const EXTRA = {
  'server.port': 'Listening port; `PORT` and `--port` win.',
  'server.host': 'Listening address (all interfaces when absent); `HOST` and `--host` win.',
  'server.bodyLimitBytes': 'Larger request bodies are refused with 413 `bad_request`.',
  'server.tokenLeewaySeconds': 'Clock skew allowed on `exp`, `nbf` and `iat`.',
  'server.queryTimeoutMs': 'A query running longer is interrupted: 504 `timeout`.',
  'server.shutdownTimeoutMs': 'How long in-flight requests get after SIGTERM/SIGINT.',
  'embedKeys.id': "The tokens' `kid` and `iss`.",
  'embedKeys.keys.secret':
    'HS256 shared secret, at least 16 characters; write `${NAME}` to read it from the environment.',
  'apiKeys.key': 'The API key itself (write `${NAME}` to read it from the environment).',
  'apiKeys.sha256': 'Or its hex SHA-256 digest, so the file holds no secret.',
  'dataSources.poolSize': 'Connections kept open.',
  'dataSources.url': '`postgres://user:password@host:5432/db`; write `${DATABASE_URL}`.',
  'audit.enabled': 'Write the audit log.',
  'audit.dataSource': 'The data source holding the table (the first one when absent).',
  'audit.table': 'Created when missing.',
  'datasets.table': 'The table or view, optionally schema-qualified.',
  'datasets.rls':
    'Row-level security: each rule is a bound predicate of every query; `[]` means public.',
  'datasets.rls.claim': '`tenant`, `sub` or `attrs.<name>` of the token.',
  'dashboards.dataset': 'The dataset every tile reads (a tile may name another).',
  'dashboards.tiles.kind': 'What the tile draws.',
  'dashboards.filters.dimension': 'The dataset dimension the filter narrows.',
  'assistant.maxQuestionLength': 'Longest question accepted, in characters.',
  'datasets.measures.aggregation': 'How rows are combined; `count` needs no `column`.',
  'datasets.measures.format': "How values are shown (`currency` uses the element's `currency`).",
  'datasets.dimensions.type': '`time` dimensions are grouped by grain and filtered by date ranges.',
  'datasets.rls.column': 'The column compared with the claim (`=`, or `IN` for a list).',
  'datasets.defaultTimeDimension': 'The time dimension used when a question or KPI names none.',
  'dashboards.filters.multiple': 'Several values may be picked.',
  'dashboards.filters.default': 'Applied until the user changes the filter.',
  'dashboards.tiles.layout': 'Width (of 12 columns) and height (in grid rows).',
  'dashboards.tiles.measure': 'The measure shown.',
  'dashboards.tiles.measures': 'The measures shown.',
  'dashboards.tiles.compare': 'Show the change against the previous period of the same length.',
  'dashboards.tiles.dimension': 'One bar per value of this dimension.',
  'dashboards.tiles.dimensions': 'The grouping dimensions, the first one first.',
  'dashboards.tiles.timeDimension': 'The time dimension along the x axis.',
  'dashboards.tiles.grain': 'Time bucket of each point.',
  'dashboards.tiles.limit': 'Most rows (bars, points) the tile shows.',
  'dashboards.tiles.sort': 'Order of the rows: `[{ field, direction }]`.',
}

function describe(comments, path, key) {
  const extra = EXTRA[path]
  if (extra) return extra
  const parent = path.slice(0, path.lastIndexOf('.'))
  const owners = OWNERS.find(
    ([prefix]) => parent === prefix || parent.startsWith(`${prefix}.`),
  )?.[1]
  const list = comments.get(key) ?? []
  return list.find((comment) => owners?.includes(comment.owner))?.text ?? ''
}

const PATTERNS = new Map([
  ['^[A-Za-z_][A-Za-z0-9_]{0,62}$', 'identifier'],
  ['^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$', 'id (letters, digits, `-`, `_`)'],
])

function range(min, max) {
  const hasMax = max !== undefined && max < MAX_SAFE
  const hasMin = min !== undefined && min > -MAX_SAFE
  if (hasMin && hasMax) return ` ${min}–${max}`
  if (hasMin) return ` ≥ ${min}`
  if (hasMax) return ` ≤ ${max}`
  return ''
}

function type(schema) {
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``
  if (schema.enum) return schema.enum.map((value) => `\`${value}\``).join(' | ')
  const variants = schema.oneOf ?? schema.anyOf
  if (variants) return [...new Set(variants.map(type))].join(' or ')
  switch (schema.type) {
    case 'integer':
    case 'number':
      if (schema.exclusiveMinimum !== undefined && schema.minimum === undefined)
        return `${schema.type} > ${schema.exclusiveMinimum}${range(undefined, schema.maximum)}`
      return `${schema.type}${range(schema.minimum, schema.maximum)}`
    case 'string': {
      if (schema.pattern && PATTERNS.has(schema.pattern)) return PATTERNS.get(schema.pattern)
      const length =
        schema.minLength === 1
          ? ' (not empty)'
          : schema.minLength !== undefined
            ? ` (at least ${schema.minLength} characters)`
            : ''
      const format = schema.format && schema.format !== 'includes' ? ` (${schema.format})` : ''
      return `string${format}${length}`
    }
    case 'array': {
      const items = schema.minItems ? `, at least ${schema.minItems}` : ''
      return `list of ${type(schema.items)}${items}`
    }
    case 'object':
      if (schema.properties) return 'object'
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
        return `map of name → ${type(schema.additionalProperties)}`
      return 'object'
    case 'boolean':
      return 'boolean'
    default:
      return 'any'
  }
}

const shown = (value) =>
  value === undefined
    ? ''
    : typeof value === 'object' && Object.keys(value).length === 0 && !Array.isArray(value)
      ? ''
      : `\`${JSON.stringify(value)}\``

function variantLabel(variant) {
  for (const [key, value] of Object.entries(variant.properties ?? {}))
    if (value.const !== undefined) return `${key}: ${value.const}`
  return `with ${(variant.required ?? []).filter((key) => key !== 'name').join(', ')}`
}

/** Every field path seen (`server.port`, `datasets.rls.claim`), for the test of `EXTRA`. */
export const fields = new Set()

/** One row per field, depth first: [path, type, required, default, description]. */
function rows(schema, path, comments, when, out) {
  const variants = schema.oneOf ?? schema.anyOf
  if (variants?.every((variant) => variant.properties)) {
    // Fields every variant has alike are listed once, then each variant's own.
    const same = Object.keys(variants[0].properties).filter((key) =>
      variants.every(
        (v) =>
          JSON.stringify(v.properties[key]) === JSON.stringify(variants[0].properties[key]) &&
          (v.required ?? []).includes(key) === (variants[0].required ?? []).includes(key),
      ),
    )
    const pick = (variant, keys) => ({
      ...variant,
      properties: Object.fromEntries(keys.map((key) => [key, variant.properties[key]])),
    })
    if (same.length) rows(pick(variants[0], same), path, comments, '', out)
    for (const variant of variants) {
      const own = Object.keys(variant.properties).filter((key) => !same.includes(key))
      rows(pick(variant, own), path, comments, variantLabel(variant), out)
    }
    return out
  }
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const at = path ? `${path}.${key}` : key
    const required = (schema.required ?? []).includes(key) && child.default === undefined
    const field = at.replaceAll(/\.<[^>]+>|\[\]/g, '')
    fields.add(field)
    const description = describe(comments, field, key)
    out.push([
      `\`${at}\`${when ? ` (${when})` : ''}`,
      type(child),
      required ? 'yes' : '',
      shown(child.default),
      description,
    ])
    if (child.properties || child.oneOf || child.anyOf?.every((v) => v.properties))
      rows(child, at, comments, '', out)
    else if (
      child.type === 'array' &&
      (child.items.properties || child.items.oneOf || child.items.anyOf)
    )
      rows(child.items, `${at}[]`, comments, '', out)
    else if (child.type === 'object' && typeof child.additionalProperties === 'object') {
      const value = child.additionalProperties
      if (value.properties || value.oneOf || value.anyOf)
        rows(value, `${at}.<${key === 'dashboards' ? 'id' : 'name'}>`, comments, '', out)
    }
  }
  return out
}

const SECTIONS = [
  ['server', 'The HTTP server: address, limits, timeouts.'],
  ['embedKeys', 'Keys that sign embed tokens, and the origins their tokens may be used from.'],
  ['apiKeys', 'Keys of the admin routes (`Authorization: Bearer <key>`), server to server.'],
  ['dataSources', 'Databases: embedded DuckDB (a file or in memory) or PostgreSQL.'],
  ['audit', 'Where the audit log is written.'],
  ['datasets', 'Tables, their measures and dimensions, and their row-level security.'],
  ['dashboards', 'Dashboards: filters and tiles over one dataset.'],
  ['assistant', 'The data assistant.'],
]

export async function render() {
  const source = readFileSync(join(root, SCHEMA), 'utf8')
  const { z, configSchema } = await importTs(SCHEMA, 'packages/server', 'export { z }')
  const json = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' })
  const comments = docComments(source)
  const missing = SECTIONS.map(([key]) => key).filter((key) => !json.properties[key])
  const extra = Object.keys(json.properties).filter((key) => !SECTIONS.some(([k]) => k === key))
  if (missing.length || extra.length)
    throw new Error(`docs-server: sections out of step with the schema: ${[...missing, ...extra]}`)
  const reference = SECTIONS.map(([key, what]) => {
    const schema = json.properties[key]
    const required = (json.required ?? []).includes(key) && schema.default === undefined
    const body = rows(
      { properties: { [key]: schema }, required: required ? [key] : [] },
      '',
      comments,
      '',
      [],
    )
    return `### \`${key}\`${required ? ' (required)' : ''}\n\n${what}\n\n${table(['key', 'type', 'required', 'default', 'meaning'], body)}`
  }).join('\n\n')

  const text = `<!-- Generated by scripts/docs-server.mjs from ${SCHEMA}: edit the schema or the script, not this file. -->
# Running the Inset server

\`@inset/server\` verifies embed tokens, serves dashboards, compiles every tile and assistant query
to parameterized SQL with row-level security, runs it on DuckDB or PostgreSQL and writes each
token use and query to an audit log. Routes, errors and the admin and data APIs are in the
[server README](../packages/server/README.md#what-it-does) (routes, CORS, revocation, audit) and
its [API](../packages/server/README.md#api); the assistant in [assistant.md](assistant.md);
production in [deploy.md](deploy.md); error codes in [troubleshooting.md](troubleshooting.md).

\`\`\`sh
npx inset-server demo                                # sample data on :4400
npx inset-server start --config inset.config.yaml    # your datasets and dashboards
\`\`\`

The configuration is one YAML (or JSON) file; \`\${NAME}\` and \`\${NAME:-default}\` are replaced
from the environment, so secrets stay out of it. A bad field stops the server with its path and
the reason. [\`packages/server/examples/inset.config.yaml\`](../packages/server/examples/inset.config.yaml)
is the demo written out, with comments.

## Data sources

- **DuckDB** (\`type: duckdb\`): \`path\` is a database file (relative to the config file) or
  \`:memory:\`. Good for a single server, for files you load yourself (Parquet, CSV via DuckDB) and
  for the demo (\`sampleData\` generates the \`orders\` table at start-up).
- **PostgreSQL** (\`type: postgres\`): \`url\` (\`postgres://…\`, e.g. \`\${DATABASE_URL}\`), an optional
  \`schema\` put first on the search path. Use it when several server replicas run (see
  [deploy.md](deploy.md)): the audit log (\`audit.dataSource\`) and revocations live there and are
  shared.

Each dataset names its \`dataSource\` (the first one by default). The server only ever reads the
tables of your datasets, with SQL it writes itself; give its database user read access to those
tables (and write access to the audit and revocation tables).

## Writing a dataset

A dataset is a table with **measures** (aggregations) and **dimensions** (columns to group and
filter by), and its **row-level security**: each rule binds a column to a token claim, and every
query gets \`column = claim\` (or \`IN\` for a list) as a bound parameter. A claim that is missing
from the token is a 403, never all rows; \`rls: []\` makes a dataset public to every token.

\`\`\`yaml
datasets:
  orders:
    table: analytics.orders            # optionally schema-qualified
    rls:
      - { column: tenant_id, claim: tenant }        # the token's tenant
      - { column: region, claim: attrs.region }     # one of the token's attributes
    defaultTimeDimension: order_date
    measures:
      revenue: { aggregation: sum, column: amount, format: currency }
      orders: { aggregation: count, format: integer }
    dimensions:
      order_date: { type: time }
      region: { label: Region, values: [EU, NA, APAC], valueSynonyms: { EU: [Europe] } }
      product: { label: Product, synonyms: [item, sku] }
\`\`\`

Labels, descriptions, \`synonyms\`, \`values\` and \`valueSynonyms\` are what the assistant
understands a question with; they never authorize anything.

## Writing a dashboard

A dashboard reads one dataset. Its \`filters\` become the filter bar (\`date_range\` on a time
dimension, \`select\` on any other; options are narrowed by row-level security); its \`tiles\` are laid
out on 12 columns (\`layout: { w, h }\`, rows of 112 px).

\`\`\`yaml
dashboards:
  sales-overview:
    title: Sales overview
    dataset: orders
    filters:
      - { id: date, type: date_range, dimension: order_date }
      - { id: region, type: select, dimension: region }
    tiles:
      - { id: revenue, title: Revenue, kind: kpi, measure: revenue, compare: true, layout: { w: 6, h: 1 } }
      - { id: trend, title: Revenue over time, kind: timeseries, measures: [revenue], timeDimension: order_date, layout: { w: 8, h: 3 } }
      - { id: by-region, title: By region, kind: breakdown, dimension: region, measure: revenue, drill: [region, product], layout: { w: 4, h: 3 } }
      - { id: top, title: Top products, kind: table, dimensions: [product], measures: [revenue, orders], sort: [{ field: revenue, direction: desc }], limit: 10 }
\`\`\`

A click on a bar or a table row sets the dashboard's \`select\` filter on that tile's dimension
(cross-filtering; \`crossFilter: false\` turns it off), \`drill\` lets the user go one dimension
deeper, and tokens with the \`export\` scope get CSV downloads of a tile.

## Configuration reference

Generated from the schema: types, limits and defaults are the ones the server enforces.

${reference}
`
  return formatLikeBiome(text, TARGET)
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await writeOrCheck(TARGET, render)
