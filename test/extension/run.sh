#!/usr/bin/env bash
# The extension's integration suite in real VS Code: code-server (VS Code for the browser,
# from the npm registry) driven by headless Chromium (Debian's) through playwright-core.
# Nothing is downloaded from anywhere but the npm registry and Debian's packages. The first
# run installs into .vscode-test/ci (about 3 minutes); later runs reuse it.
# Runs the suite against the sample curricula (in a git repository with a local bare remote)
# and against each golden fixture. Exits non-zero if any run fails.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=${ENABLEKIT_VSCODE_CI:-$REPO/.vscode-test/ci}
mkdir -p "$CACHE"

if ! command -v chromium >/dev/null || [ ! -f /usr/include/gssapi/gssapi.h ]; then
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium libkrb5-dev >/dev/null
fi
# code-server needs Node 24, and npm must run on it while installing code-server.
NODE24=$(bash "$REPO/test/node24.sh" "$CACHE")
# A free port unless PORT names one: a fixed default meets whatever else listens there.
PORT=${PORT:-$("$NODE24/node" -e "const s = require('net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")}
if [ ! -f "$CACHE/cs/node_modules/code-server/out/node/entry.js" ] || [ ! -d "$CACHE/cs/node_modules/playwright-core" ]; then
  mkdir -p "$CACHE/cs" && echo '{"private":true}' > "$CACHE/cs/package.json"
  # Under `npm test` the outer npm's settings (its user agent names Node 20) are in the
  # environment; code-server's postinstall would read them, so they are cleared here.
  (cd "$CACHE/cs" && for v in $(compgen -e | grep -i '^npm_'); do unset "$v"; done &&
    PATH="$NODE24:$PATH" npm_config_nodedir="$CACHE/node24" npm install --no-save --no-audit --no-fund --loglevel=error code-server@4.139.1 playwright-core@1.65.1)
fi

[ -f "$REPO/extension/dist/extension.js" ] || (cd "$REPO" && npm run build)
RUN=$(mktemp -d "${TMPDIR:-/tmp}/enablekit-vscode.XXXX")

# The sample curricula, as a learner clones them: a git repository whose origin is a local bare remote.
SAMPLE="$RUN/sample/ws"
mkdir -p "$SAMPLE"
cp -r "$REPO/curricula" "$SAMPLE/curricula"
git -C "$SAMPLE" init -q -b main
git -C "$SAMPLE" config user.name "Ana Support"
git -C "$SAMPLE" config user.email "ana@example.com"
git -C "$SAMPLE" add -A && git -C "$SAMPLE" commit -q -m "Curricula"
git init -q --bare -b main "$RUN/sample/remote.git"
git -C "$SAMPLE" remote add origin "$RUN/sample/remote.git"
git -C "$SAMPLE" push -q origin main
# An empty folder, a fresh git repository, as a person starting a curricula opens it (issue #20, item 10).
EMPTY="$RUN/empty/ws"
mkdir -p "$EMPTY" && git -C "$EMPTY" init -q -b main
WORKSPACES=("$SAMPLE" "$EMPTY")
for g in "$REPO"/test/fixtures/golden/*/; do
  name=$(basename "$g")
  cp -r "$g" "$RUN/golden-$name"
  WORKSPACES+=("$RUN/golden-$name")
done
# The benchmark passes its own workspace (a 2,000-file corpus) and skips the UI test.
if [ -n "${ENABLEKIT_EXT_WORKSPACE:-}" ]; then WORKSPACES=("$ENABLEKIT_EXT_WORKSPACE"); fi
# ENABLEKIT_EXT_GREP runs only the matching tests, on the sample and the empty folder, without the UI test.
if [ -n "${ENABLEKIT_EXT_GREP:-}" ]; then WORKSPACES=("$SAMPLE" "$EMPTY"); fi

# shellcheck source=test/extension/code-server.sh
. "$REPO/test/extension/code-server.sh"
CS=
trap '[ -n "$CS" ] && kill -- -$CS 2>/dev/null; wait $CS 2>/dev/null || true' EXIT
start_code_server "$PORT" "$RUN" || exit 1

rc=0
for ws in "${WORKSPACES[@]}"; do
  echo "── extension suite on $(basename "$(dirname "$ws")")/$(basename "$ws")"
  HOME="$RUN" TMPDIR="$RUN" NODE_PATH="$CACHE/cs/node_modules" "$NODE24/node" "$REPO/test/extension/run-tests.cjs" \
    "http://127.0.0.1:$PORT" "$ws" "$REPO/extension" "$REPO/extension/dist/test" 300 || rc=$?
done
if [ -n "${ENABLEKIT_EXT_WORKSPACE:-}${ENABLEKIT_EXT_GREP:-}" ]; then exit $rc; fi
# A second copy of the sample, untouched by the suite, for the UI test a person would run.
UI="$RUN/ui/ws"
mkdir -p "$UI" && cp -r "$REPO/curricula" "$UI/curricula"
echo "── UI test: the workbench driven like a person"
HOME="$RUN" TMPDIR="$RUN" NODE_PATH="$CACHE/cs/node_modules" "$NODE24/node" "$REPO/test/extension/ui-screenshot.cjs" \
  "http://127.0.0.1:$PORT" "$UI" "$REPO/extension" "$REPO/test-output/extension/preview-and-curricula.png" || rc=$?
# The port check itself (issue #20, item 12): with another server answering on the port, a
# second code-server must fail to start and the run must stop with the message, not go on.
echo "── self-check: a port held by another server is refused"
if out=$(start_code_server "$PORT" "$RUN/second" 2>&1); then
  echo "Expected start_code_server to refuse port $PORT, held by the first server; it went on." >&2
  rc=1
elif ! grep -q "Expected this run's code-server to listen on 127.0.0.1:$PORT" <<<"$out"; then
  echo "Expected the refusal to say what happened and what to do; it said: $out" >&2
  rc=1
else
  echo "  refused, with: $(head -1 <<<"$out" | cut -c1-100)…"
fi
echo "extension suites: rc=$rc (logs: $RUN)"
exit $rc
