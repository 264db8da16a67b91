import type { ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ServerError } from '../errors'
import type { AppEnv } from './app-env'

function toServerError(error: unknown): ServerError {
  if (error instanceof ServerError) return error
  if (error instanceof HTTPException) {
    const status = error.status
    const code =
      status === 413
        ? 'bad_request'
        : status === 401
          ? 'invalid_token'
          : status < 500
            ? 'bad_request'
            : 'server'
    return new ServerError(code, error.message || 'Bad request', { status, cause: error })
  }
  return new ServerError('server', 'Internal server error', { cause: error })
}

/** Every error becomes `{ "error": { code, message } }` with its status; 5xx are logged. */
export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  const failure = toServerError(error)
  if (failure.status >= 500) {
    c.get('runtime').logger.error(
      { err: failure.cause ?? failure, requestId: c.get('requestId'), code: failure.code },
      failure.message,
    )
  }
  for (const [name, value] of Object.entries(failure.headers)) c.header(name, value)
  return c.json(failure.toBody(), failure.status as 400)
}

export const handleNotFound: NotFoundHandler<AppEnv> = (c) =>
  c.json({ error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}` } }, 404)
