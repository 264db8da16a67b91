// HTTP load generator of bench/tile-queries.mjs, in a process of its own (forked), so that sending
// requests and reading responses never shares an event loop or a V8 heap with the server.
// Messages in: { type: 'run', url, requests, tokens, clients, warmupMs, durationMs } or
// { type: 'exit' }; out: { latencies, errors, windowMs } per run.
import { runClients } from './client-loop.mjs'

async function run({ url, requests, tokens, clients, warmupMs, durationMs }) {
  const bodies = requests.map((request) => JSON.stringify({ filters: request.filters }))
  return runClients({
    clients,
    warmupMs,
    durationMs,
    async send(client, i) {
      const which = i % requests.length
      const response = await fetch(`${url}${requests[which].path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokens[client % tokens.length]}`,
          'content-type': 'application/json',
        },
        body: bodies[which],
      })
      await response.arrayBuffer()
      return response.status === 200
    },
  })
}

process.on('message', async (message) => {
  if (message.type === 'exit') process.exit(0)
  if (message.type === 'run') process.send(await run(message))
})
