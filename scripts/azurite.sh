# Shared by scripts/run and scripts/test (sourced, not executed): install the pinned Azurite and start/stop it.
# shellcheck shell=bash

SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPTS_DIR/.." && pwd)"
AZURITE_BIN="$SCRIPTS_DIR/node_modules/.bin/azurite"
DEV_ACCOUNT_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

# npm ci only when the lock file changed since the last install, so repeated runs start fast.
azurite_install() {
  local stamp="$SCRIPTS_DIR/node_modules/.lock-stamp"
  if [ ! -x "$AZURITE_BIN" ] || ! cmp -s "$SCRIPTS_DIR/package-lock.json" "$stamp" 2>/dev/null; then
    echo "Installing the pinned Azurite (npm ci in scripts/)..."
    (cd "$SCRIPTS_DIR" && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed: Azurite could not be installed." >&2; return 1; }
    cp "$SCRIPTS_DIR/package-lock.json" "$stamp"
  fi
}

# A free TCP port on 127.0.0.1, chosen by the OS.
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && exec 3>&- 3<&-
}

# azurite_start <data dir, or "memory"> <blob port> <queue port> <table port> <log file>; sets AZURITE_PID.
azurite_start() {
  local data="$1" blob="$2" queue="$3" table="$4" log="$5"
  local storage=(--inMemoryPersistence)
  if [ "$data" != "memory" ]; then mkdir -p "$data"; storage=(--location "$data"); fi
  "$AZURITE_BIN" --silent --disableTelemetry "${storage[@]}" \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "$blob" --queuePort "$queue" --tablePort "$table" >"$log" 2>&1 &
  AZURITE_PID=$!
  local waited=0
  until port_open "$blob" && port_open "$queue" && port_open "$table"; do
    if ! kill -0 "$AZURITE_PID" 2>/dev/null; then
      echo "Azurite exited while starting; its log ($log):" >&2
      cat "$log" >&2
      return 1
    fi
    sleep 0.2
    waited=$((waited + 1))
    if [ "$waited" -gt 150 ]; then
      echo "Azurite did not open ports $blob/$queue/$table within 30 s; its log ($log):" >&2
      cat "$log" >&2
      return 1
    fi
  done
}

azurite_connection_string() {
  local blob="$1" queue="$2" table="$3"
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$DEV_ACCOUNT_KEY;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
}

# Stops a process and everything it started.
stop_tree() {
  local pid="$1"
  [ -n "$pid" ] || return 0
  local children
  children=$(pgrep -P "$pid" 2>/dev/null || true)
  for child in $children; do stop_tree "$child"; done
  kill "$pid" 2>/dev/null || true
  for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
}
