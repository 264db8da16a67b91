#!/usr/bin/env node
import { describeCliError, runCli } from './cli/run-cli'

const io = {
  env: process.env,
  out: (line: string) => console.log(line),
  err: (line: string) => console.error(line),
}

try {
  const handle = await runCli(process.argv.slice(2), io)
  if (handle) {
    let stopping = false
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) process.exit(1)
      stopping = true
      io.err(`${signal}: finishing in-flight requests…`)
      handle.close().then(
        () => process.exit(0),
        (error: unknown) => {
          io.err(describeCliError(error))
          process.exit(1)
        },
      )
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  }
} catch (error) {
  io.err(describeCliError(error))
  process.exit(1)
}
