import { EXPORT_ROW_LIMIT } from '@inset/core'
import { ttlSchema } from '@inset/node/contract'
import { z } from 'zod'

// Names end up as SQL identifiers (always quoted) and as JSON keys: keep them plain.
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/
const SLUG = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/
const TABLE = /^[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62})?$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)?$/
const ORIGIN = /^(\*|https?:\/\/(\*\.)?[A-Za-z0-9.-]+(:(\d{1,5}|\*))?)$/

const identifier = z
  .string()
  .regex(IDENTIFIER, 'must be a letter or _ followed by letters, digits or _')
const slug = z
  .string()
  .regex(SLUG, 'must be letters, digits, - or _ (starting with a letter or digit)')
const isoDate = z.string().regex(ISO_DATE, 'must be an ISO date such as 2025-01-31')
const label = z.string().min(1).max(200)
const synonyms = z.array(z.string().min(1).max(100)).default([])
const scalar = z.union([z.string(), z.number()])

export const timeGrainSchema = z.enum(['day', 'week', 'month', 'quarter', 'year'])
const valueFormat = z.enum(['number', 'currency', 'percent', 'integer'])

const measureSchema = z
  .strictObject({
    aggregation: z.enum(['sum', 'count', 'avg', 'count_distinct', 'min', 'max']),
    column: identifier.optional(),
    label: label.optional(),
    description: z.string().optional(),
    synonyms,
    format: valueFormat.default('number'),
  })
  .refine((m) => m.aggregation === 'count' || m.column !== undefined, {
    message: 'is required unless aggregation is count',
    path: ['column'],
  })

const dimensionSchema = z.strictObject({
  column: identifier.optional(),
  type: z.enum(['string', 'number', 'time']).default('string'),
  /** Time dimensions: the column's SQL type. */
  dataType: z.enum(['date', 'timestamp']).default('date'),
  /** Time dimensions: the grains a query may group by (default: all). */
  grains: z.array(timeGrainSchema).min(1).optional(),
  label: label.optional(),
  description: z.string().optional(),
  synonyms,
  /** Known values, e.g. for a natural-language parser; never used to authorize anything. */
  values: z.array(scalar).optional(),
  /** Everyday names of values for the assistant, e.g. `{ EU: ['Europe'] }`; never used to authorize. */
  valueSynonyms: z.record(z.string(), z.array(z.string().min(1))).optional(),
})

const rlsRuleSchema = z.strictObject({
  column: identifier,
  claim: z
    .string()
    .regex(
      /^(tenant|sub|attrs\.[A-Za-z_][A-Za-z0-9_]*)$/,
      'must be "tenant", "sub" or "attrs.<name>"',
    ),
  type: z.enum(['string', 'number']).default('string'),
})

const datasetSchema = z.strictObject({
  dataSource: identifier.optional(),
  table: z.string().regex(TABLE, 'must be a table name, optionally schema-qualified'),
  label: label.optional(),
  description: z.string().optional(),
  synonyms,
  /** Row-level security: every rule becomes a bound predicate of every query. `[]` means public. */
  rls: z.array(rlsRuleSchema),
  measures: z.record(identifier, measureSchema),
  dimensions: z.record(identifier, dimensionSchema),
  defaultTimeDimension: identifier.optional(),
  /** Result cache of this dataset's queries (see `server.cache`). */
  cache: z
    .strictObject({
      /** `false`: this dataset's queries always run on the database and are never shared. */
      enabled: z.boolean().default(true),
      /** How long a result is served from memory, e.g. `"5m"` (default `server.cache.ttl`). */
      ttl: ttlSchema.optional(),
    })
    .optional(),
})

export const queryFilterSchema = z.strictObject({
  dimension: identifier,
  op: z.enum(['in', 'not_in', 'gte', 'lt', 'eq']),
  values: z.array(scalar).min(1),
})

const sortSchema = z.strictObject({ field: identifier, direction: z.enum(['asc', 'desc']) })
const limit = z.int().min(1).max(100_000)

const tileBase = {
  id: slug,
  title: label,
  description: z.string().optional(),
  dataset: identifier.optional(),
  layout: z.strictObject({ w: z.int().min(1).max(12), h: z.int().min(1).max(12) }).optional(),
  /** Fixed filters of the tile, applied with the dashboard's. */
  filters: z.array(queryFilterSchema).default([]),
}

/** Breakdown and table tiles: what activating one of their points or rows does. */
const interactions = {
  /**
   * `false`: activating a point does not set the dashboard filter on the tile's dimension
   * (cross-filtering is on wherever a `select` filter has the tile's first dimension).
   */
  crossFilter: z.boolean().optional(),
  /**
   * Drill path: dimensions of the dataset, outermost first, starting with the tile's own (first)
   * dimension, e.g. `['category', 'product']`.
   */
  drill: z
    .array(identifier)
    .min(2, "needs the tile's own dimension and at least one more")
    .max(8)
    .optional(),
}

const tileSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...tileBase,
    kind: z.literal('kpi'),
    measure: identifier,
    compare: z.boolean().default(false),
  }),
  z.strictObject({
    ...tileBase,
    kind: z.literal('timeseries'),
    measures: z.array(identifier).min(1),
    timeDimension: identifier,
    grain: timeGrainSchema.default('month'),
    limit: limit.default(1000),
  }),
  z.strictObject({
    ...tileBase,
    ...interactions,
    kind: z.literal('breakdown'),
    dimension: identifier,
    measure: identifier,
    limit: limit.default(20),
  }),
  z.strictObject({
    ...tileBase,
    ...interactions,
    kind: z.literal('table'),
    dimensions: z.array(identifier).default([]),
    measures: z.array(identifier).default([]),
    sort: z.array(sortSchema).optional(),
    limit: limit.default(100),
  }),
])

const filterSchema = z.discriminatedUnion('type', [
  z.strictObject({
    id: slug,
    type: z.literal('date_range'),
    label: label.optional(),
    dimension: identifier,
    default: z.strictObject({ from: isoDate.optional(), to: isoDate.optional() }).optional(),
  }),
  z.strictObject({
    id: slug,
    type: z.literal('select'),
    label: label.optional(),
    dimension: identifier,
    multiple: z.boolean().default(true),
    default: z.array(scalar).optional(),
  }),
])

const dashboardSchema = z.strictObject({
  title: label,
  description: z.string().optional(),
  dataset: identifier,
  filters: z.array(filterSchema).default([]),
  tiles: z.array(tileSchema).min(1),
})

const sampleDataSchema = z.strictObject({
  rows: z.int().min(1).max(50_000_000).default(50_000),
  seed: z.int().default(42),
  table: identifier.default('orders'),
})

const dataSourceSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('duckdb'),
    /** A database file, or `:memory:`. Relative paths resolve against the config file. */
    path: z.string().min(1).default(':memory:'),
    poolSize: z.int().min(1).max(64).default(4),
    threads: z.int().min(1).max(256).optional(),
    /** Generate the demo `orders` table at start-up (replaces an existing one). */
    sampleData: sampleDataSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('postgres'),
    url: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
    /** Put first on the search path; created when missing. */
    schema: identifier.optional(),
    poolSize: z.int().min(1).max(256).default(10),
    sampleData: sampleDataSchema.optional(),
  }),
])

const secretKeySchema = z.strictObject({ alg: z.literal('HS256'), secret: z.string().min(16) })
const publicKeySchema = (alg: 'ES256' | 'EdDSA') =>
  z.strictObject({
    alg: z.literal(alg),
    /** PEM (SPKI) text or a public JWK. */
    publicKey: z.union([
      z.string().includes('BEGIN PUBLIC KEY', { message: 'must be a PEM public key (SPKI)' }),
      z.looseObject({ kty: z.string() }),
    ]),
  })

const embedKeySchema = z.strictObject({
  id: slug,
  /** Origins allowed to call with this key's tokens, e.g. `https://app.example.com`, `http://localhost:*`. */
  origins: z
    .array(z.string().regex(ORIGIN, 'must be an origin such as https://app.example.com'))
    .default([]),
  /** Several keys allow rotation; the first HS256 key signs tokens minted by `POST /v1/tokens`. */
  keys: z
    .array(
      z.discriminatedUnion('alg', [
        secretKeySchema,
        publicKeySchema('ES256'),
        publicKeySchema('EdDSA'),
      ]),
    )
    .min(1),
})

const apiKeySchema = z.union([
  z.strictObject({ name: slug, key: z.string().min(16) }),
  z.strictObject({
    name: slug,
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a hex SHA-256 digest'),
  }),
])

/**
 * The query result cache: results are kept in memory per data source, dataset, compiled SQL and
 * bound parameters (row-level security included), and identical queries in flight run once.
 */
const resultCacheSchema = z.strictObject({
  /** `false`: every query runs on the database (no caching, no sharing of queries in flight). */
  enabled: z.boolean().default(true),
  /** How long a result is served from memory (default 60 s): whole seconds or `"90s"`, `"5m"`, `"1h"` (at most 24 h). */
  ttl: ttlSchema.default(60),
  /** Most results kept; the least recently used go first. */
  maxEntries: z.int().min(1).max(1_000_000).default(1000),
  /** Most memory the kept results may take (estimated from their rows). */
  maxBytes: z.int().min(65_536).max(17_179_869_184).default(67_108_864),
})

const serverSchema = z.strictObject({
  port: z.int().min(0).max(65535).default(4400),
  host: z.string().optional(),
  bodyLimitBytes: z.int().min(1024).max(10_485_760).default(65_536),
  /** Per subject (embed tokens) or per API key: a token bucket. */
  rateLimit: z
    .strictObject({
      perSecond: z.number().positive().default(20),
      burst: z.int().min(1).default(60),
    })
    .prefault({}),
  /**
   * Failed authentication per client address (and per embed key id a failed token names): a token
   * bucket. Past it, failures answer 429 without an audit entry, and admin requests from the
   * address are refused before the key is compared.
   */
  authFailureLimit: z
    .strictObject({
      perSecond: z.number().positive().default(1),
      burst: z.int().min(1).default(20),
    })
    .prefault({}),
  tokenLeewaySeconds: z.int().min(0).max(300).default(30),
  /** How often each replica reloads the revocations table (0: never; its own changes apply at once). */
  revocationRefreshMs: z.int().min(0).max(3_600_000).default(5000),
  queryTimeoutMs: z.int().min(100).max(600_000).default(15_000),
  shutdownTimeoutMs: z.int().min(0).max(600_000).default(10_000),
  /** Upper bound of any query's `limit`. */
  maxRows: z.int().min(1).max(1_000_000).default(10_000),
  /** Rows one CSV export of a tile may hold (at most `EXPORT_ROW_LIMIT` of `@inset/core`). */
  exportRowLimit: z.int().min(1).max(EXPORT_ROW_LIMIT).default(EXPORT_ROW_LIMIT),
  /** The query result cache (per process): its default lifetime and its bounds. */
  cache: resultCacheSchema.prefault({}),
})

const auditSchema = z.strictObject({
  enabled: z.boolean().default(true),
  dataSource: identifier.optional(),
  table: identifier.default('inset_audit'),
  /**
   * Entries are written in the background; one INSERT takes those of this many milliseconds.
   * Graceful shutdown and `GET /v1/audit` write what is queued first.
   */
  flushIntervalMs: z.int().min(0).max(10_000).default(50),
})

const openAIEngineSchema = z.strictObject({
  /** The API's base URL (`https://api.openai.com/v1`) or its full `/chat/completions` URL. */
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  model: z.string().min(1).max(200),
  /** Sent as `Authorization: Bearer <apiKey>`; write `${OPENAI_API_KEY}` to read it from the environment. */
  apiKey: z.string().min(1).optional(),
  /** Longest wait for the endpoint's first byte and between two streamed chunks. */
  timeoutMs: z.int().min(100).max(600_000).default(30_000),
  /** How often the model may fix a tool call the server refused before the answer fails. */
  repairAttempts: z.int().min(0).max(5).default(2),
  temperature: z.number().min(0).max(2).default(0),
  /** Rows of a (row-level-security filtered) result shown to the model. */
  maxResultRows: z.int().min(1).max(1000).default(100),
})

const assistantSchema = z
  .strictObject({
    /** `builtin`: parses questions against the semantic model, no model, no network. `openai`: any OpenAI-compatible chat-completions endpoint. */
    engine: z.enum(['builtin', 'openai']).default('builtin'),
    /**
     * "Today" for relative time expressions such as "last quarter": an ISO date pins it (tests);
     * `end-of-data` takes the day after the dataset's last date when that comes first (data that
     * stops, such as the demo's); absent, the real date (UTC).
     */
    referenceDate: z
      .string()
      .regex(
        /^(\d{4}-\d{2}-\d{2}|end-of-data)$/,
        'must be an ISO date such as 2026-11-21, or "end-of-data"',
      )
      .optional(),
    /** Longest question accepted, in characters. */
    maxQuestionLength: z.int().min(10).max(10_000).default(2000),
    openai: openAIEngineSchema.optional(),
  })
  .refine((assistant) => assistant.engine !== 'openai' || assistant.openai !== undefined, {
    message: 'is required when engine is "openai"',
    path: ['openai'],
  })

export const configSchema = z.strictObject({
  server: serverSchema.prefault({}),
  embedKeys: z.array(embedKeySchema).min(1),
  apiKeys: z.array(apiKeySchema).default([]),
  dataSources: z.record(identifier, dataSourceSchema),
  audit: auditSchema.prefault({}),
  datasets: z.record(identifier, datasetSchema),
  dashboards: z.record(slug, dashboardSchema).default({}),
  assistant: assistantSchema.prefault({}),
})

/** The configuration as written (`inset.config.yaml`), defaults optional. */
export type InsetConfigInput = z.input<typeof configSchema>
/** The validated configuration with every default filled in. */
export type InsetConfig = z.output<typeof configSchema>
export type DatasetConfig = InsetConfig['datasets'][string]
export type DashboardConfig = InsetConfig['dashboards'][string]
export type TileConfig = DashboardConfig['tiles'][number]
export type FilterConfig = DashboardConfig['filters'][number]
export type DataSourceConfig = InsetConfig['dataSources'][string]
export type EmbedKeyConfig = InsetConfig['embedKeys'][number]
export type SampleDataConfig = z.output<typeof sampleDataSchema>
export type AssistantConfig = InsetConfig['assistant']
