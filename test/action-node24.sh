#!/usr/bin/env bash
# The Action's tests again with the bundle run on Node 24, the runtime action.yml declares
# (runs.using: node24); mocha itself runs on the Node that runs npm test. Every test file
# that runs dist/action.js is included.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
NODE24=$(bash "$REPO/test/node24.sh" "${ENABLEKIT_VSCODE_CI:-$REPO/.vscode-test/ci}")
"$NODE24/node" -e 'if (!process.versions.node.startsWith("24.")) { console.error(`Expected Node 24; found ${process.version}.`); process.exit(1); }'
cd "$REPO"
mapfile -t FILES < <(grep -l "runAction" test/*.test.ts | sort)
echo "── the Action's tests (${#FILES[@]} files) with dist/action.js on $("$NODE24/node" --version)"
ENABLEKIT_ACTION_NODE="$NODE24/node" npx mocha --no-config --node-option import=tsx --timeout 120000 --reporter dot --parallel --jobs 4 "${FILES[@]}"
