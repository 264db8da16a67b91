#!/usr/bin/env bash
# Every test of the repo: lint, types, unit and integration tests of every package, the core, node
# and server tests on Node 24 too, the release rehearsal, then the browser suites. Ends with one
# line "N passed, N failed" summed over every vitest and Playwright run.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
. scripts/lib/chromium.sh
. scripts/lib/postgres.sh

finish() {
  local status=$?
  stop_postgres
  INSET_FAILED_STEPS="$failed_steps" node scripts/test-summary.mjs || true
  exit "$status"
}
failed_steps=''
trap finish EXIT

ensure_chromium
ensure_postgres
rm -rf packages/*/test-results apps/*/test-results tooling/*/test-results bench/test-results

# Every step runs even when an earlier one failed, so one run shows every failure; the summary
# line names each failed step, so "0 failed" never sits beside a red lint or build.
failed=0
failed_steps=''
step() {
  local name=$1 started=$SECONDS
  shift
  if ! "$@"; then
    failed=1
    failed_steps+="$name"$'\n'
  fi
  echo "$name: $((SECONDS - started)) s"
}
step 'biome ci' pnpm exec biome ci .
step 'build, typecheck, lint, size, test' \
  pnpm exec turbo run build typecheck lint size test --continue --output-logs=errors-only
# Node 24 besides Node 20: the core, node and server tests again (README, "Cutting a release").
step 'node 24 tests' bash scripts/release-node24-tests.sh
# The release rehearsal: publish to a local registry, install into fresh apps, check in Chromium.
step 'release rehearsal' pnpm release:rehearse
step 'bench --quick' pnpm bench --quick
step 'e2e' pnpm exec turbo run e2e --continue --concurrency=1
exit "$failed"
