// Load generator, in a worker thread so it does not share the server's event loop.
import { parentPort, workerData } from 'node:worker_threads'

const { url, clients, durationMs, warmupMs, requests } = workerData
const latencies = []
let errors = 0
let measuring = false

async function client(index) {
  let i = index
  const stopAt = Date.now() + warmupMs + durationMs
  while (Date.now() < stopAt) {
    const request = requests[i++ % requests.length]
    const token = request.tokens[index % request.tokens.length]
    const started = performance.now()
    try {
      const response = await fetch(`${url}${request.path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ filters: request.filters }),
      })
      await response.arrayBuffer()
      if (response.status !== 200) errors++
    } catch {
      errors++
    }
    if (measuring) latencies.push(performance.now() - started)
  }
}

setTimeout(() => {
  measuring = true
}, warmupMs)
await Promise.all(Array.from({ length: clients }, (_, i) => client(i)))
parentPort.postMessage({ latencies, errors })
