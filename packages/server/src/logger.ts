import { pino } from 'pino'

/** The structured logger the server writes JSON lines with (a pino logger or anything alike). */
export interface Logger {
  info(object: object, message?: string): void
  warn(object: object, message?: string): void
  error(object: object, message?: string): void
  debug(object: object, message?: string): void
}

/**
 * `true` logs JSON lines to stdout at `INSET_LOG_LEVEL` (default `info`), `false` logs nothing,
 * a logger object is used as is.
 *
 * @example
 * createLogger(true).info({ port: 4400 }, 'listening')
 */
export function createLogger(option: boolean | Logger | undefined): Logger {
  if (option === undefined || option === false) return pino({ enabled: false })
  if (option === true) {
    return pino({ level: process.env.INSET_LOG_LEVEL ?? 'info', base: { service: 'inset-server' } })
  }
  return option
}
