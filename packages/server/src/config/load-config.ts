import { readFile } from 'node:fs/promises'
import { dirname, isAbsolute, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { checkConfigReferences } from './check-references'
import { ConfigError, type ConfigIssue } from './config-error'
import { configSchema, type InsetConfig, type InsetConfigInput } from './schema'

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`
    return out === '' ? String(key) : `${out}.${String(key)}`
  }, '')
}

/** Replaces `${NAME}` and `${NAME:-default}` in every string, reporting unset variables. */
function interpolate(
  value: unknown,
  env: NodeJS.ProcessEnv,
  path: string,
  issues: ConfigIssue[],
): unknown {
  if (typeof value === 'string') {
    return value.replace(VARIABLE, (_, name: string, fallback: string | undefined) => {
      const found = env[name]
      if (found !== undefined && found !== '') return found
      if (fallback !== undefined) return fallback
      issues.push({ path, message: `environment variable ${name} is not set` })
      return ''
    })
  }
  if (Array.isArray(value))
    return value.map((item, i) => interpolate(item, env, `${path}[${i}]`, issues))
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        interpolate(item, env, path ? `${path}.${key}` : key, issues),
      ]),
    )
  }
  return value
}

/**
 * Validates a configuration object (defaults filled in); throws a {@link ConfigError} naming each
 * bad field.
 *
 * @example
 * const config = parseConfig({ embedKeys: [...], dataSources: {...}, datasets: {...} })
 */
export function parseConfig(input: InsetConfigInput | unknown, source?: string): InsetConfig {
  const parsed = configSchema.safeParse(input)
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        path: formatPath(issue.path),
        message: issue.message,
      })),
      source,
    )
  }
  const issues = checkConfigReferences(parsed.data)
  if (issues.length > 0) throw new ConfigError(issues, source)
  return parsed.data
}

/**
 * Reads `inset.config.yaml` (or `.json`), substitutes `${ENV_VAR}` / `${ENV_VAR:-default}`,
 * resolves DuckDB paths against the file's folder and validates it.
 *
 * @example
 * const config = await loadConfig('inset.config.yaml')
 * const server = await createInsetServer(config)
 */
export async function loadConfig(
  path: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<InsetConfig> {
  const text = await readFile(path, 'utf8')
  let raw: unknown
  try {
    raw = parseYaml(text, { prettyErrors: true })
  } catch (error) {
    throw new ConfigError(
      [{ path: '', message: `not valid YAML: ${(error as Error).message}` }],
      path,
    )
  }
  const issues: ConfigIssue[] = []
  const interpolated = interpolate(raw, env, '', issues)
  if (issues.length > 0) throw new ConfigError(issues, path)
  const config = parseConfig(interpolated, path)
  for (const source of Object.values(config.dataSources)) {
    if (source.type === 'duckdb' && source.path !== ':memory:' && !isAbsolute(source.path)) {
      source.path = resolve(dirname(path), source.path)
    }
  }
  return config
}
