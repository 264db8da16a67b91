#!/usr/bin/env bash
# `pnpm demo`: builds, starts `inset-server demo` (sample data) and every example app, each on a
# free port (4400 for the server; react 5171, vue 5172, angular 5173, svelte 5174; the next free
# port when one is taken), waits until each answers, and prints one table of what to open.
# Ctrl-C (or SIGTERM) stops every process it started, children included, and exits 0.
#
#   DEMO_SKIP_BUILD=1 pnpm demo    reuse the last build
#   DEMO_FRAMEWORKS=react,vue      start only these example apps
#   INSET_PORT=4500                the server's first port to try
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1

if [ "${DEMO_SKIP_BUILD:-}" != 1 ]; then
  echo "Building the packages and example apps (cached after the first run)…"
  pnpm exec turbo run build --output-logs=errors-only
fi

server_cli=packages/server/dist/cli.js
[ -f "$server_cli" ] || { echo "demo: $server_cli is missing: the build failed." >&2; exit 1; }

# Each process starts its own session (`setsid`, so its pid is its process group's id): one
# signal then reaches pnpm, the shell it spawns and the node server below it, and the terminal's
# Ctrl-C reaches this script, which stops them in order.
logs=$(mktemp -d "${TMPDIR:-/tmp}/inset-demo.XXXXXX")
pgids=()
stopping=0

stop_all() {
  [ "$stopping" = 1 ] && return
  stopping=1
  trap - INT TERM
  echo
  echo "Stopping the demo…"
  local pgid
  for pgid in "${pgids[@]}"; do kill -TERM -- "-$pgid" 2>/dev/null || true; done
  # Up to 10 s for graceful shutdown (the server flushes its audit log), then SIGKILL.
  local deadline=$((SECONDS + 10))
  for pgid in "${pgids[@]}"; do
    while kill -0 -- "-$pgid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do
      sleep 0.2
    done
    kill -KILL -- "-$pgid" 2>/dev/null || true
  done
  rm -rf "$logs"
  echo "Stopped."
}
trap 'stop_all; exit 0' INT
trap 'stop_all; exit 0' TERM
trap 'stop_all' EXIT

# Sets $port to the first port from $1 on that nothing listens on and this script has not handed out.
taken=" "
free_port() {
  port=$(node -e '
    const net = require("node:net")
    const taken = new Set(process.argv[2].trim().split(" ").filter(Boolean).map(Number))
    const tryListen = (port, host) => new Promise((ok) => {
      const server = net.createServer()
      // EADDRINUSE/EACCES: taken; EAFNOSUPPORT/EADDRNOTAVAIL (no IPv6 here): that family is free.
      server.once("error", (error) => ok(!["EADDRINUSE", "EACCES"].includes(error.code)))
      server.listen({ port, host, exclusive: true }, () => server.close(() => ok(true)))
    })
    ;(async () => {
      for (let port = Number(process.argv[1]); port < 65536; port++) {
        if (taken.has(port)) continue
        if ((await tryListen(port, "127.0.0.1")) && (await tryListen(port, "::"))) {
          console.log(port)
          return
        }
      }
      process.exit(1)
    })()
  ' "$1" "$taken")
  taken="$taken$port "
}

# Waits until every URL answers 200, failing early when a process it belongs to has exited.
wait_ready() {
  node -e '
    const pairs = process.argv.slice(1).map((pair) => pair.split("|"))
    const deadline = Date.now() + 120_000
    const alive = (pgid) => { try { process.kill(-Number(pgid), 0); return true } catch { return false } }
    const ready = async ([url, pgid, name]) => {
      for (;;) {
        try {
          const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
          if (response.ok) return
        } catch {}
        if (!alive(pgid)) throw new Error(`${name} exited (log: ${process.env.DEMO_LOGS}/${name}.log)`)
        if (Date.now() > deadline) throw new Error(`${name} did not answer ${url} within 120 s`)
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
    }
    Promise.all(pairs.map(ready)).catch((error) => { console.error(`demo: ${error.message}`); process.exit(1) })
  ' "$@"
}
export DEMO_LOGS=$logs

free_port "${INSET_PORT:-4400}"
server_port=$port
server_url=http://localhost:$server_port
INSET_LOG_LEVEL=${INSET_LOG_LEVEL:-warn} PORT=$server_port setsid node "$server_cli" demo >"$logs/server.log" 2>&1 &
pgids+=($!)
server_pgid=$!
echo "Starting the Inset server on $server_url and the example apps…"
wait_ready "http://127.0.0.1:$server_port/healthz|$server_pgid|server"

declare -A default_port=([react]=5171 [vue]=5172 [angular]=5173 [svelte]=5174)
rows=()
checks=()
for framework in react vue angular svelte; do
  app=apps/example-$framework
  [ -f "$app/package.json" ] || continue
  if [ -n "${DEMO_FRAMEWORKS:-}" ] && [[ ",$DEMO_FRAMEWORKS," != *",$framework,"* ]]; then continue; fi
  free_port "${default_port[$framework]}"
  PORT=$port INSET_SERVER_URL=$server_url setsid pnpm --dir "$app" --silent start >"$logs/$framework.log" 2>&1 &
  pgids+=($!)
  checks+=("http://127.0.0.1:$port/config.json|$!|$framework")
  rows+=("$framework|http://localhost:$port/?user=alice")
done
[ "${#checks[@]}" -gt 0 ] && wait_ready "${checks[@]}"

# The server's banner: its URL, the admin API key and two ready-to-paste curls.
grep -v '^{' "$logs/server.log" || true
echo
printf '%-9s %-36s %s\n' framework URL 'what to try'
printf '%-9s %-36s %s\n' --------- ------------------------------------ -----------
printf '%-9s %-36s %s\n' server "$server_url" 'GET /healthz; the curls above'
for row in "${rows[@]}"; do
  printf '%-9s %-36s %s\n' "${row%%|*}" "${row#*|}" \
    'switch alice/bob in the header; click a category bar to cross-filter; drill;'
  printf '%-9s %-36s %s\n' '' '' 'download CSV from a tile menu; /assistant: ask "revenue by region"'
done
echo
echo "Logs in $logs. Ctrl-C stops everything."
# Wait for the processes (or the signal that stops them); `wait` returns when a trap fires.
while :; do
  wait || true
  alive=0
  for pgid in "${pgids[@]}"; do kill -0 -- "-$pgid" 2>/dev/null && alive=1; done
  [ "$alive" = 1 ] || { echo "demo: every process exited; see the logs above." >&2; exit 1; }
  sleep 1
done
