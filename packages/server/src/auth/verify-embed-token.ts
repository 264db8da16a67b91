import { checkEmbedClaims, INSET_AUDIENCE, MAX_TTL_SECONDS } from '@inset/node/contract'
import { decodeJwt, decodeProtectedHeader, errors, type JWTPayload, jwtVerify } from 'jose'
import { ServerError } from '../errors'
import type { EmbedClaims } from './claims'
import { EMBED_ALGORITHMS, type EmbedAlgorithm, type EmbedKeyring } from './keyring'

/** Audience of every embed token (from the embed-token contract, `@inset/node/contract`). */
export { INSET_AUDIENCE }
/** The longest lifetime (`exp - iat`) the server accepts (the contract's `MAX_TTL_SECONDS`). */
export const MAX_TOKEN_LIFETIME_SECONDS = MAX_TTL_SECONDS

export interface VerifyOptions {
  /** Clock skew tolerated on `exp`, `nbf` and `iat`, in seconds. */
  leewaySeconds: number
  /** Epoch ms; defaults to `Date.now()`. */
  now?: number
}

// Tokens already verified, per keyring: a page sends one token with every tile query, so the
// signature and claims are checked once and the time claims again on each use. Bounded; only
// valid tokens are kept, and a keyring (a server) never sees another's.
const MAX_VERIFIED_TOKENS = 10_000
const verifiedTokens = new WeakMap<
  EmbedKeyring,
  Map<string, { claims: EmbedClaims; nbf?: number }>
>()

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const item of Object.values(value)) deepFreeze(item)
    Object.freeze(value)
  }
  return value
}

/** The claims of a token verified before, if its time claims still hold. */
function alreadyVerified(
  keyring: EmbedKeyring,
  token: string,
  nowSeconds: number,
  leeway: number,
): EmbedClaims | undefined {
  const known = verifiedTokens.get(keyring)?.get(token)
  if (!known) return undefined
  const { claims, nbf } = known
  // The checks jose makes, with the same tolerance; a failure goes through full verification.
  if (claims.exp <= nowSeconds - leeway) return undefined
  if (nbf !== undefined && nbf > nowSeconds + leeway) return undefined
  if (claims.iat > nowSeconds + leeway) return undefined
  return claims
}

function remember(
  keyring: EmbedKeyring,
  token: string,
  claims: EmbedClaims,
  nbf: unknown,
): EmbedClaims {
  let verified = verifiedTokens.get(keyring)
  if (!verified) {
    verified = new Map()
    verifiedTokens.set(keyring, verified)
  }
  if (verified.size >= MAX_VERIFIED_TOKENS) {
    const oldest = verified.keys().next().value
    if (oldest !== undefined) verified.delete(oldest)
  }
  const frozen = deepFreeze(claims)
  verified.set(token, { claims: frozen, ...(typeof nbf === 'number' && { nbf }) })
  return frozen
}

function invalid(message: string, cause?: unknown): ServerError {
  return new ServerError('invalid_token', message, { cause })
}

/** Longer tokens are refused before any decoding (a token of the contract's limits is ~4 KB). */
export const MAX_TOKEN_BYTES = 16 * 1024
// The header fields an embed token may carry. `jku`, `jwk`, `x5u`, `x5c` (keys named by the token)
// and `crit` (extensions we would have to understand) are refused outright.
const HEADER_FIELDS = new Set(['alg', 'kid', 'typ'])

function keyIdOf(token: string): { alg: EmbedAlgorithm; kid: string } {
  if (token.length > MAX_TOKEN_BYTES)
    throw invalid(`The token is longer than ${MAX_TOKEN_BYTES} bytes`)
  let header: ReturnType<typeof decodeProtectedHeader>
  try {
    header = decodeProtectedHeader(token)
  } catch (error) {
    throw invalid('The token is not a signed JWT', error)
  }
  for (const field of Object.keys(header)) {
    if (!HEADER_FIELDS.has(field))
      throw invalid(`Token header field "${field.slice(0, 20)}" is not accepted`)
  }
  if (header.typ !== undefined && header.typ !== 'JWT')
    throw invalid('Token header "typ" must be "JWT"')
  const alg = header.alg
  if (!EMBED_ALGORITHMS.includes(alg as EmbedAlgorithm)) {
    throw invalid(`Token algorithm "${String(alg)}" is not accepted (use HS256, ES256 or EdDSA)`)
  }
  let kid = header.kid
  if (kid === undefined) {
    // Tolerate a missing kid when iss names the key; iss is verified against it below.
    try {
      kid = decodeJwt(token).iss
    } catch {}
  }
  if (typeof kid !== 'string' || kid === '')
    throw invalid('The token header has no "kid" (the embed key id)')
  return { alg: alg as EmbedAlgorithm, kid }
}

function describeFailure(error: unknown): ServerError {
  if (error instanceof errors.JWTExpired)
    return new ServerError('token_expired', 'The token has expired', { cause: error })
  if (error instanceof errors.JWTClaimValidationFailed) {
    return invalid(`Token claim "${error.claim}" is invalid: ${error.reason}`, error)
  }
  return invalid('The token could not be verified', error)
}

/**
 * Verifies an embed token: algorithm, `kid` lookup, signature (trying each active key of the embed
 * key, for rotation), `iss`, `aud`, `exp`, `nbf`, `iat` with leeway, a lifetime of at most 24 h and
 * the Inset claims. Throws `token_expired` or `invalid_token` ServerErrors. A token this keyring
 * verified before is known by its text: only its time claims are checked again (the claims
 * returned are frozen).
 *
 * @example
 * const claims = await verifyEmbedToken(keyring, token, { leewaySeconds: 30 })
 */
export async function verifyEmbedToken(
  keyring: EmbedKeyring,
  token: string,
  options: VerifyOptions,
): Promise<EmbedClaims> {
  const currentDate = new Date(options.now ?? Date.now())
  const nowSeconds = currentDate.getTime() / 1000
  const known = alreadyVerified(keyring, token, nowSeconds, options.leewaySeconds)
  if (known) return known

  const { alg, kid } = keyIdOf(token)
  const embedKey = keyring.get(kid)
  if (!embedKey) throw invalid(`Unknown embed key "${kid}"`)
  const candidates = embedKey.keys.filter((key) => key.alg === alg)
  if (candidates.length === 0) throw invalid(`Embed key "${kid}" has no ${alg} key`)

  let payload: JWTPayload | undefined
  let lastError: unknown
  for (const candidate of candidates) {
    try {
      const verified = await jwtVerify(token, candidate.key, {
        // One algorithm per key: an HS256 token is never checked against a public key and vice versa.
        algorithms: [candidate.alg],
        issuer: embedKey.id,
        audience: INSET_AUDIENCE,
        clockTolerance: options.leewaySeconds,
        requiredClaims: ['exp', 'iat', 'sub'],
        currentDate,
      })
      payload = verified.payload
      break
    } catch (error) {
      lastError = error
      // Another key of the same embed key may have signed it (rotation); claim errors are final.
      if (!(error instanceof errors.JWSSignatureVerificationFailed)) break
    }
  }
  if (!payload) throw describeFailure(lastError)

  const iat = payload.iat as number
  if (iat > nowSeconds + options.leewaySeconds) throw invalid('Token claim "iat" is in the future')

  // The claims rules of the embed-token contract: the same ones both minting paths apply.
  const checked = checkEmbedClaims(payload)
  if (!checked.ok) {
    const [path, ...rest] = checked.message.split(': ')
    throw invalid(
      rest.length > 0
        ? `Token claim "${path}" is invalid: ${rest.join(': ')}`
        : (path ?? 'Invalid claims'),
    )
  }
  const {
    aud: _aud,
    nbf: _nbf,
    ...claims
  } = checked.value as typeof checked.value & { aud?: unknown }
  return remember(keyring, token, claims as EmbedClaims, payload.nbf)
}
