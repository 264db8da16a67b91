import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import type { Hono } from 'hono'
import { parseConfig } from './config/load-config'
import type { InsetConfig, InsetConfigInput } from './config/schema'
import { createRuntime, type RuntimeOptions } from './create-runtime'
import { createApp } from './http/app'
import type { AppEnv } from './http/app-env'
import type { InsetRuntime } from './runtime'

export type InsetServerOptions = RuntimeOptions

/** A running Inset server; `listen()` binds it to a port, `close()` shuts it down gracefully. */
export interface InsetServer {
  readonly config: InsetConfig
  readonly runtime: InsetRuntime
  /** The Hono app, for mounting elsewhere or `app.request()` in tests. */
  readonly app: Hono<AppEnv>
  /** Handles one request in-process, without a socket. */
  fetch(request: Request): Promise<Response>
  /** Starts listening; `port: 0` picks a free port. Defaults to the configured port and host. */
  listen(options?: { port?: number; host?: string }): Promise<{ url: string; port: number }>
  /**
   * Stops accepting connections, lets in-flight requests finish (up to `server.shutdownTimeoutMs`),
   * flushes the audit log and closes the databases. Safe to call more than once.
   */
  close(): Promise<void>
}

function urlOf(address: AddressInfo, host: string | undefined): string {
  const name = host && host !== '0.0.0.0' && host !== '::' ? host : 'localhost'
  return `http://${name.includes(':') ? `[${name}]` : name}:${address.port}`
}

/**
 * Creates the Inset server from a configuration (validated again here): opens the data sources,
 * loads sample data where configured, imports the embed keys.
 *
 * @example
 * const server = await createInsetServer(await loadConfig('inset.config.yaml'), { logger: true })
 * const { url } = await server.listen({ port: 4400 })
 */
export async function createInsetServer(
  config: InsetConfig | InsetConfigInput,
  options: InsetServerOptions = {},
): Promise<InsetServer> {
  const validated = parseConfig(config)
  const runtime = await createRuntime(validated, options)
  let closing = false
  const app = createApp(runtime, { isClosing: () => closing })
  let httpServer: Server | undefined
  let inFlight = 0
  let closed: Promise<void> | undefined

  const closeIdleSoon = () => setImmediate(() => httpServer?.closeIdleConnections())

  async function shutdown(): Promise<void> {
    closing = true
    const server = httpServer
    if (server?.listening) {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      const deadline = setTimeout(
        () => server.closeAllConnections(),
        validated.server.shutdownTimeoutMs,
      )
      deadline.unref()
      await stopped
      clearTimeout(deadline)
      runtime.logger.info({}, 'server stopped')
    }
    await runtime.close()
  }

  return {
    config: validated,
    runtime,
    app,
    fetch: async (request) => app.fetch(request),
    listen(listenOptions = {}) {
      if (httpServer) return Promise.reject(new Error('The server is already listening'))
      const port = listenOptions.port ?? validated.server.port
      const host = listenOptions.host ?? validated.server.host
      const server = createAdaptorServer({ fetch: app.fetch }) as Server
      httpServer = server
      server.on('request', (_request, response) => {
        inFlight++
        // Requests that arrive while shutting down are answered, then their connection closes.
        if (closing) response.setHeader('Connection', 'close')
        response.on('close', () => {
          inFlight--
          if (closing && inFlight === 0) closeIdleSoon()
        })
      })
      return new Promise((resolve, reject) => {
        server.once('error', reject)
        const onListening = () => {
          server.off('error', reject)
          const address = server.address() as AddressInfo
          const url = urlOf(address, host)
          runtime.logger.info({ url, port: address.port }, 'listening')
          resolve({ url, port: address.port })
        }
        if (host === undefined) server.listen(port, onListening)
        else server.listen(port, host, onListening)
      })
    },
    close() {
      closed ??= shutdown()
      return closed
    },
  }
}
