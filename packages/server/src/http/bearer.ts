import { ServerError } from '../errors'
import type { AppContext } from './app-env'

/** The token of `Authorization: Bearer <token>`, or a 401 with the given code. */
export function bearerToken(c: AppContext, code: 'invalid_token' | 'auth', what: string): string {
  const header = c.req.header('authorization') ?? ''
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header)
  if (!match?.[1]) {
    throw new ServerError(code, `Missing "Authorization: Bearer <${what}>" header`, {
      headers: { 'WWW-Authenticate': 'Bearer' },
    })
  }
  return match[1]
}
