// Where everything of one run lives. The ports are fixed (the example apps read them from PORT and
// INSET_SERVER_URL, as in production) and chosen away from the defaults of `pnpm demo`.
export const FRAMEWORKS = ['react', 'vue', 'angular', 'svelte'] as const
export type Framework = (typeof FRAMEWORKS)[number]

function framework(): Framework {
  const value = process.env.FRAMEWORK || 'react'
  if (!(FRAMEWORKS as readonly string[]).includes(value)) {
    throw new Error(`FRAMEWORK must be one of ${FRAMEWORKS.join(', ')}, got "${value}"`)
  }
  return value as Framework
}

const base = Number(process.env.E2E_PORT_BASE || 4510)

export const FRAMEWORK = framework()
/** `inset-server demo`: sample data, embed key `demo`, admin key `inset-demo-api-key`. */
export const INSET_PORT = base
/** The example app with the default token lifetime (600 s). */
export const APP_PORT = base + 1
/** The same example app minting 20-second tokens, for the refresh tests. */
export const SHORT_TTL_APP_PORT = base + 2
export const SHORT_TTL_SECONDS = 20

export const INSET_URL = `http://localhost:${INSET_PORT}`
export const APP_URL = `http://localhost:${APP_PORT}`
export const SHORT_TTL_APP_URL = `http://localhost:${SHORT_TTL_APP_PORT}`

export const DEMO_SECRET = process.env.INSET_DEMO_SECRET || 'inset-demo-secret-change-me'
export const DEMO_API_KEY = process.env.INSET_DEMO_API_KEY || 'inset-demo-api-key'
