import { createPrivateKey, type JsonWebKey, type KeyObject, type webcrypto } from 'node:crypto'
import { InsetError } from '@inset/core'
import { describe, isPlainObject } from './claims'

type CryptoKey = webcrypto.CryptoKey

/** An embed key with a shared secret: tokens are signed with HS256. */
export interface SecretEmbedKey {
  /** The embed key id registered on the Inset server; becomes `kid` and `iss`. */
  id: string
  /** The shared secret; use at least 32 random bytes. */
  secret: string | Uint8Array
}

/** An embed key with a private key whose public half the Inset server holds: ES256 or EdDSA. */
export interface PrivateEmbedKey {
  /** The embed key id registered on the Inset server; becomes `kid` and `iss`. */
  id: string
  /** A P-256 (ES256) or Ed25519 (EdDSA) private key: a `KeyObject`, a `CryptoKey`, PKCS#8 PEM or a JWK. */
  privateKey: KeyObject | CryptoKey | string | JsonWebKey
}

/** The key that signs embed tokens. */
export type EmbedKey = SecretEmbedKey | PrivateEmbedKey

/** The JWS algorithms an embed token may be signed with. */
export type EmbedAlgorithm = 'HS256' | 'ES256' | 'EdDSA'

/** A key checked once and ready for jose: what every signing call reuses. */
export interface SigningKey {
  kid: string
  alg: EmbedAlgorithm
  /** Resolved lazily, because importing a Web Crypto key is asynchronous. */
  material(): Promise<CryptoKey | KeyObject>
}

const resolved = new WeakMap<object, SigningKey>()

function fail(message: string): never {
  throw new InsetError('bad_request', `key: ${message}`)
}

/**
 * Checks an embed key and prepares it for signing. The result is cached per key object, so
 * passing the same object to every call imports the key once.
 */
export function resolveSigningKey(key: EmbedKey): SigningKey {
  if (!isPlainObject(key))
    fail(`expected { id, secret } or { id, privateKey }, got ${describe(key)}`)
  const cached = resolved.get(key)
  if (cached) return cached
  const kid = key.id
  if (typeof kid !== 'string' || kid.length === 0 || kid.length > 128 || /[\s\p{Cc}]/u.test(kid)) {
    fail(`id must be a non-empty string without spaces (the embed key id), got ${describe(kid)}`)
  }
  const hasSecret = 'secret' in key && key.secret !== undefined
  const hasPrivateKey = 'privateKey' in key && key.privateKey !== undefined
  if (hasSecret === hasPrivateKey)
    fail('give exactly one of secret (HS256) or privateKey (ES256, EdDSA)')
  const signingKey = hasSecret
    ? secretKey(kid, (key as SecretEmbedKey).secret)
    : privateKey(kid, (key as PrivateEmbedKey).privateKey)
  resolved.set(key, signingKey)
  return signingKey
}

function secretKey(kid: string, secret: unknown): SigningKey {
  let bytes: Uint8Array
  if (typeof secret === 'string') bytes = new TextEncoder().encode(secret)
  else if (secret instanceof Uint8Array) bytes = new Uint8Array(secret)
  else fail(`secret must be a string or a Uint8Array, got ${describe(secret)}`)
  if (bytes.length === 0) fail('secret must not be empty')
  let imported: Promise<CryptoKey> | undefined
  return {
    kid,
    alg: 'HS256',
    // jose re-imports a raw secret on every call; a CryptoKey imported once skips that work.
    material: () => {
      imported ??= crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, [
        'sign',
      ])
      return imported
    },
  }
}

function privateKey(kid: string, input: unknown): SigningKey {
  if (isCryptoKey(input)) {
    const alg = cryptoKeyAlgorithm(input)
    return { kid, alg, material: () => Promise.resolve(input) }
  }
  const keyObject = toKeyObject(input)
  if (keyObject.type !== 'private')
    fail(`privateKey must be a private key, got a ${keyObject.type} key`)
  const alg = keyObjectAlgorithm(keyObject)
  return { kid, alg, material: () => Promise.resolve(keyObject) }
}

function toKeyObject(input: unknown): KeyObject {
  if (isKeyObject(input)) return input
  try {
    if (typeof input === 'string') return createPrivateKey(input)
    if (isPlainObject(input)) return createPrivateKey({ key: input as JsonWebKey, format: 'jwk' })
  } catch (cause) {
    throw new InsetError(
      'bad_request',
      `key: privateKey could not be read as a PKCS#8 PEM or a private JWK (${(cause as Error).message})`,
      { cause },
    )
  }
  fail(`privateKey must be a KeyObject, CryptoKey, PEM string or JWK, got ${describe(input)}`)
}

function keyObjectAlgorithm(keyObject: KeyObject): EmbedAlgorithm {
  const type = keyObject.asymmetricKeyType
  if (type === 'ed25519') return 'EdDSA'
  if (type === 'ec' && keyObject.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256'
  const curve = keyObject.asymmetricKeyDetails?.namedCurve
  return fail(
    `privateKey must be a P-256 (ES256) or Ed25519 (EdDSA) key, got ${type}${curve ? ` ${curve}` : ''}`,
  )
}

function cryptoKeyAlgorithm(key: CryptoKey): EmbedAlgorithm {
  if (key.type !== 'private' || !key.usages.includes('sign')) {
    fail('privateKey must be a private CryptoKey usable for "sign"')
  }
  const algorithm = key.algorithm as webcrypto.EcKeyAlgorithm
  if (algorithm.name === 'Ed25519') return 'EdDSA'
  if (algorithm.name === 'ECDSA' && algorithm.namedCurve === 'P-256') return 'ES256'
  return fail(`privateKey must be an ECDSA P-256 or Ed25519 CryptoKey, got ${algorithm.name}`)
}

function isCryptoKey(value: unknown): value is CryptoKey {
  // node:crypto's webcrypto has no CryptoKey constructor on Node 20; the global one does.
  const CryptoKeyClass = (globalThis as { CryptoKey?: abstract new () => unknown }).CryptoKey
  return CryptoKeyClass !== undefined && value instanceof CryptoKeyClass
}

function isKeyObject(value: unknown): value is KeyObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [Symbol.toStringTag]?: string })[Symbol.toStringTag] === 'KeyObject'
  )
}
