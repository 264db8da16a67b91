import { InsetError, type TokenResponse } from '@inset/core'
import { SignJWT } from 'jose'
import {
  checkSubject,
  type EmbedSubject,
  type EmbedTokenClaims,
  INSET_AUDIENCE,
  isPlainObject,
} from './claims'
import { type EmbedKey, resolveSigningKey } from './signing-key'
import { parseTtl, type Ttl } from './ttl'

/** Tokens travel in an `Authorization` header; many proxies refuse headers over 8 KB. */
export const TOKEN_SIZE_WARNING_BYTES = 8 * 1024

/** Input of {@link createEmbedToken}. */
export interface CreateEmbedTokenOptions extends EmbedSubject {
  /** The signing key; pass the same object every time so it is imported once. */
  key: EmbedKey
  /** Whole seconds or a duration such as `"10m"`; default 10 minutes, at most 24 hours. */
  ttl?: Ttl
}

/** A signed embed token and when it expires (epoch milliseconds): the token endpoint's answer. */
export type EmbedToken = TokenResponse

/** What signing produced, for the handler's audit hook. */
export interface SignedEmbedToken extends EmbedToken {
  claims: EmbedTokenClaims
}

/**
 * Signs an embed token for one user of the host's product.
 *
 * @example
 * const key = { id: 'prod', secret: process.env.INSET_EMBED_SECRET! }
 * const { token, expiresAt } = await createEmbedToken({
 *   key, user: 'u_42', tenant: 'acme', attributes: { region: ['EU'] }, ttl: '10m',
 * })
 */
export async function createEmbedToken(options: CreateEmbedTokenOptions): Promise<EmbedToken> {
  const { token, expiresAt } = await signEmbedToken(options)
  return { token, expiresAt }
}

/** {@link createEmbedToken}, also returning the claims it signed. */
export async function signEmbedToken(options: CreateEmbedTokenOptions): Promise<SignedEmbedToken> {
  if (!isPlainObject(options)) {
    throw new InsetError('bad_request', 'expected { key, user, tenant, attributes?, scope?, ttl? }')
  }
  const signingKey = resolveSigningKey(options.key)
  const subject = checkSubject(options)
  const ttl = parseTtl(options.ttl)
  const iat = Math.floor(Date.now() / 1000)
  const claims: EmbedTokenClaims = {
    iss: signingKey.kid,
    aud: INSET_AUDIENCE,
    ...subject,
    iat,
    exp: iat + ttl,
    jti: crypto.randomUUID(),
  }
  const token = await new SignJWT({ ...claims })
    .setProtectedHeader({ alg: signingKey.alg, kid: signingKey.kid, typ: 'JWT' })
    .sign(await signingKey.material())
  if (token.length > TOKEN_SIZE_WARNING_BYTES) warnTokenSize(token.length, claims)
  return { token, expiresAt: claims.exp * 1000, claims }
}

function warnTokenSize(bytes: number, claims: EmbedTokenClaims): void {
  const message =
    `Inset embed token for user "${claims.sub}" is ${bytes} bytes, over ${TOKEN_SIZE_WARNING_BYTES}: ` +
    'proxies and servers may refuse the Authorization header. Send fewer or shorter attributes.'
  if (typeof process !== 'undefined' && typeof process.emitWarning === 'function') {
    process.emitWarning(message, { code: 'INSET_TOKEN_SIZE' })
  } else {
    console.warn(message)
  }
}
