// HTTP load generator of bench/tile-queries.mjs, in a process of its own (forked), so that sending
// requests and reading responses never shares an event loop or a V8 heap with the server.
// It sends with node:http over kept-alive sockets (one per client), not with fetch: Node's fetch
// costs several times the CPU per request, and a load generator that saturates its own core
// measures its own queue, not the server (with fetch, 50 clients kept this process ~90 % busy).
// Messages in: { type: 'run', url, requests, tokens, clients, warmupMs, durationMs } or
// { type: 'exit' }; out: { latencies, errors, windowMs } per run.
import { Agent, request } from 'node:http'
import { runClients } from './client-loop.mjs'

/** POSTs `body` and resolves the status once the whole response has been read. */
function post(agent, url, headers, body) {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method: 'POST', agent, headers }, (response) => {
      response.on('data', () => {})
      response.on('end', () => resolve(response.statusCode))
      response.on('error', reject)
    })
    sent.on('error', reject)
    sent.end(body)
  })
}

async function run({ url, requests, tokens, clients, warmupMs, durationMs }) {
  const agent = new Agent({ keepAlive: true, maxSockets: clients })
  const bodies = requests.map((request) => JSON.stringify({ filters: request.filters }))
  try {
    return await runClients({
      clients,
      warmupMs,
      durationMs,
      async send(client, i) {
        const which = i % requests.length
        const status = await post(
          agent,
          `${url}${requests[which].path}`,
          {
            authorization: `Bearer ${tokens[client % tokens.length]}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(bodies[which]),
          },
          bodies[which],
        )
        return status === 200
      },
    })
  } finally {
    agent.destroy()
  }
}

process.on('message', async (message) => {
  if (message.type === 'exit') process.exit(0)
  if (message.type === 'run') process.send(await run(message))
})
