# Sourced by run.sh. start_code_server PORT DIR starts code-server on 127.0.0.1:PORT with its
# state under DIR, sets CS to its process group, and returns 0 only when that very server
# says it listens on PORT and answers there: one that failed to start (EADDRINUSE) must not
# leave the suite talking to whatever else holds the port. Needs NODE24 and CACHE.
start_code_server() {
  local port=$1 dir=$2 ready=0
  mkdir -p "$dir"
  setsid env HOME="$dir" TMPDIR="$dir" "$NODE24/node" "$CACHE/cs/node_modules/code-server/out/node/entry.js" \
    --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check --disable-workspace-trust \
    --reconnection-grace-time 10 --vscode-option enable-smoke-test-driver \
    --user-data-dir "$dir/user-data" --extensions-dir "$dir/extensions" > "$dir/server.log" 2>&1 &
  CS=$!
  for _ in $(seq 150); do
    kill -0 "$CS" 2>/dev/null || break
    if grep -q "HTTP server listening on http://127.0.0.1:$port/" "$dir/server.log" &&
      "$NODE24/node" -e "fetch('http://127.0.0.1:$port/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then
      ready=1
      break
    fi
    sleep 0.2
  done
  if [ "$ready" != 1 ]; then
    echo "Expected this run's code-server to listen on 127.0.0.1:$port; found it $(kill -0 "$CS" 2>/dev/null && echo 'not listening after 30 s' || echo 'exited'). Its log ($dir/server.log) ends:" >&2
    tail -5 "$dir/server.log" >&2
    echo "If another program holds port $port, stop it or leave PORT unset to use a free port." >&2
    return 1
  fi
}
