/** One problem of a configuration, with the path of the field, e.g. `datasets.orders.table`. */
export interface ConfigIssue {
  path: string
  message: string
}

/**
 * An invalid configuration. The message lists every issue with the field it concerns.
 *
 * @example
 * try { await loadConfig('inset.config.yaml') } catch (e) { if (e instanceof ConfigError) console.error(e.message) }
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
  readonly issues: ConfigIssue[]

  constructor(issues: ConfigIssue[], source?: string) {
    const where = source ? ` (${source})` : ''
    super(
      `Invalid Inset configuration${where}:\n${issues.map((i) => `  - ${i.path || '(root)'}: ${i.message}`).join('\n')}`,
    )
    this.issues = issues
  }
}
