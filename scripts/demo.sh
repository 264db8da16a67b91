#!/usr/bin/env bash
# The demo: builds everything, starts `inset-server demo` with sample data on 4400 and every
# example app on its own port. Ctrl-C stops them all.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
pnpm exec turbo run build --output-logs=errors-only

server_cli=packages/server/dist/cli.js
if [ ! -f "$server_cli" ]; then
  echo "The demo server is not built yet (no $server_cli). Package build status:"
  for pkg in packages/*/; do
    if [ -d "$pkg/dist" ]; then echo "  built    $(basename "$pkg")"; else echo "  missing  $(basename "$pkg")"; fi
  done
  exit 0
fi

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT INT TERM
export INSET_SERVER_URL=${INSET_SERVER_URL:-http://localhost:4400}
PORT=${INSET_PORT:-4400} node "$server_cli" demo &
pids+=($!)
port=5170
for app in apps/example-*/; do
  [ -f "$app/package.json" ] || continue
  port=$((port + 1))
  (cd "$app" && PORT=$port pnpm run --silent start) &
  pids+=($!)
  echo "example $(basename "$app"): http://localhost:$port/?user=alice"
done
wait
