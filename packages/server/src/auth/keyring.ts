import { type CryptoKey, importJWK, importSPKI, type JWK } from 'jose'
import { ConfigError } from '../config/config-error'
import type { EmbedKeyConfig } from '../config/schema'
import { compileOrigins } from './origins'

/** The algorithms embed tokens may use. Anything else, `none` included, is refused. */
export const EMBED_ALGORITHMS = ['HS256', 'ES256', 'EdDSA'] as const
export type EmbedAlgorithm = (typeof EMBED_ALGORITHMS)[number]

export interface VerificationKey {
  alg: EmbedAlgorithm
  key: CryptoKey | Uint8Array
}

/** One embed key (the `kid` of tokens): its keys, for rotation, and its allowed origins. */
export interface EmbedKey {
  id: string
  keys: VerificationKey[]
  /** The first HS256 secret: the server can mint tokens with it (`POST /v1/tokens`). */
  signingSecret?: Uint8Array
  allowsOrigin(origin: string): boolean
}

export interface EmbedKeyring {
  get(id: string): EmbedKey | undefined
  /** The id of the first embed key that can mint tokens. */
  defaultSigningKey(): EmbedKey | undefined
  /** True when some embed key allows the origin (preflight requests carry no token). */
  allowsOriginForAnyKey(origin: string): boolean
}

async function importKey(
  config: EmbedKeyConfig['keys'][number],
  path: string,
): Promise<VerificationKey & { secret?: Uint8Array }> {
  if (config.alg === 'HS256') {
    const secret = new TextEncoder().encode(config.secret)
    // Imported once: given raw bytes, jose would import them into WebCrypto on every verification.
    const key = await crypto.subtle.importKey(
      'raw',
      secret,
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['verify'],
    )
    return { alg: 'HS256', key, secret }
  }
  try {
    const key =
      typeof config.publicKey === 'string'
        ? await importSPKI(config.publicKey, config.alg)
        : await importJWK(config.publicKey as JWK, config.alg)
    if (key instanceof Uint8Array) throw new Error('a public key was expected, got a secret')
    return { alg: config.alg, key }
  } catch (error) {
    throw new ConfigError([
      {
        path: `${path}.publicKey`,
        message: `not a usable ${config.alg} public key (${(error as Error).message})`,
      },
    ])
  }
}

/**
 * Imports the configured embed keys with jose.
 *
 * @example
 * const keyring = await createEmbedKeyring([{ id: 'demo', origins: [], keys: [{ alg: 'HS256', secret }] }])
 */
export async function createEmbedKeyring(
  configs: readonly EmbedKeyConfig[],
): Promise<EmbedKeyring> {
  const keys = new Map<string, EmbedKey>()
  for (const [i, config] of configs.entries()) {
    const imported = await Promise.all(
      config.keys.map((key, j) => importKey(key, `embedKeys[${i}].keys[${j}]`)),
    )
    const secret = imported.find((key) => key.secret !== undefined)?.secret
    keys.set(config.id, {
      id: config.id,
      keys: imported.map(({ alg, key }) => ({ alg, key })),
      ...(secret && { signingSecret: secret }),
      allowsOrigin: compileOrigins(config.origins),
    })
  }
  const all = [...keys.values()]
  return {
    get: (id) => keys.get(id),
    defaultSigningKey: () => all.find((key) => key.signingSecret !== undefined),
    allowsOriginForAnyKey: (origin) => all.some((key) => key.allowsOrigin(origin)),
  }
}
