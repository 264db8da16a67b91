import { badRequest } from '../errors'
import type { AppContext } from './app-env'

/** The JSON body of a request; an empty body reads as `{}`. */
export async function readJsonBody(c: AppContext): Promise<unknown> {
  const text = await c.req.text()
  if (text.trim() === '') return {}
  try {
    return JSON.parse(text)
  } catch {
    throw badRequest('The request body is not valid JSON')
  }
}
