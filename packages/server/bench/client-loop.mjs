// The one client loop of the server benchmark, for HTTP (in load-worker.mjs, its own process) and
// for raw DuckDB (in tile-queries.mjs) alike: `clients` loops send requests back to back; a request
// counts when it STARTS inside the measured window [from, from + durationMs) and finishes (however
// late), so both sides are counted by the same rule and a slow tail is never cut off.

/**
 * @param {{ clients: number, warmupMs: number, durationMs: number,
 *           send: (client: number, i: number) => Promise<boolean> }} options
 *   `send` runs request number `i` of client `client` and resolves true on success.
 * @returns {Promise<{ latencies: number[], errors: number, windowMs: number }>}
 */
export async function runClients({ clients, warmupMs, durationMs, send }) {
  const from = performance.now() + warmupMs
  const until = from + durationMs
  const latencies = []
  let errors = 0
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      let i = client
      while (performance.now() < until) {
        const started = performance.now()
        let ok = false
        try {
          ok = await send(client, i++)
        } catch {
          ok = false
        }
        if (started < from) continue
        if (ok) latencies.push(performance.now() - started)
        else errors++
      }
    }),
  )
  return { latencies, errors, windowMs: durationMs }
}
