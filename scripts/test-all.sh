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
  node scripts/test-summary.mjs || true
  exit "$status"
}
trap finish EXIT

ensure_chromium
ensure_postgres
rm -rf packages/*/test-results apps/*/test-results tooling/*/test-results

# Every step runs even when an earlier one failed, so one run shows every failure.
failed=0
pnpm exec biome ci . || failed=1
pnpm exec turbo run build typecheck lint size test --continue --output-logs=errors-only || failed=1
# Node 24 besides Node 20: the core, node and server tests again (README, "Cutting a release").
bash scripts/release-node24-tests.sh || failed=1
# The release rehearsal: publish to a local registry, install into fresh apps, check in Chromium.
step_started=$SECONDS
pnpm release:rehearse || failed=1
echo "release rehearsal: $((SECONDS - step_started)) s"
pnpm exec turbo run e2e --continue --concurrency=1 || failed=1
exit "$failed"
