// Token verifications per second, in-process through @inset/server's built verifier with the demo
// keyring: tokens seen for the first time (HS256 signature and claims checked) and a token seen
// before (the keyring keeps verified tokens; only the time claims are checked again).
import { createInsetServer, demoConfig, mintEmbedToken, verifyEmbedToken } from '@inset/server'
import { summarize } from '../lib/stats.mjs'

const options = { leewaySeconds: 30 }

async function perSecond(tokens, runtime) {
  const started = performance.now()
  for (const token of tokens) await verifyEmbedToken(runtime.keyring, token, options)
  return (tokens.length / (performance.now() - started)) * 1000
}

/**
 * Runs `runs` rounds of each kind; returns verifications per second as summaries.
 * @example const { fresh, cached } = await measureTokenVerification({ runs: 5, perRun: 2000 })
 */
export async function measureTokenVerification({ runs, perRun }) {
  const server = await createInsetServer(demoConfig({ rows: 1000 }))
  try {
    const { runtime } = server
    const key = runtime.keyring.get('demo')
    const mint = (i) =>
      mintEmbedToken(key, {
        user: `user-${i}`,
        tenant: 'acme',
        attributes: { region: ['EU', 'NA', 'APAC'] },
        ttl: 3600,
      }).then((minted) => minted.token)
    const fresh = []
    const cached = []
    let next = 0
    // One warm-up round of each, not counted.
    for (let run = -1; run < runs; run++) {
      const tokens = await Promise.all(Array.from({ length: perRun }, () => mint(next++)))
      const firstSight = await perSecond(tokens, runtime)
      const seen = await perSecond(
        Array.from({ length: perRun }, () => tokens[0]),
        runtime,
      )
      if (run < 0) continue
      fresh.push(firstSight)
      cached.push(seen)
    }
    return { fresh: summarize(fresh), cached: summarize(cached), perRun }
  } finally {
    await server.close()
  }
}
