#!/usr/bin/env bash
# Starts, stops and reports the local emulators: Azurite (blob + queue) and @vercel/cosmosdb-server.
# Pid files and logs live under .artifacts/emulators/. Ports come from the environment:
#   AZURITE_BLOB_PORT (10000), AZURITE_QUEUE_PORT (10001), COSMOS_PORT (8081).
# The Cosmos emulator keeps data in memory only: stopping it loses every database.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DIR="$ROOT/.artifacts/emulators"
BLOB_PORT=${AZURITE_BLOB_PORT:-10000}
QUEUE_PORT=${AZURITE_QUEUE_PORT:-10001}
COSMOS_PORT=${COSMOS_PORT:-8081}
mkdir -p "$DIR"

require() {
  if [ ! -x "node_modules/.bin/$1" ]; then
    echo "emulators: node_modules/.bin/$1 is missing; run scripts/setup.sh first" >&2
    exit 1
  fi
}

# One pid file per emulator and port, so instances on other ports (tests, other runs) are told apart.
pidfile() { case "$1" in azurite) echo "$DIR/azurite-$BLOB_PORT.pid" ;; cosmos) echo "$DIR/cosmos-$COSMOS_PORT.pid" ;; esac; }
running() { [ -f "$(pidfile "$1")" ] && kill -0 "$(cat "$(pidfile "$1")")" 2>/dev/null; }

wait_port() {
  local port=$1 name=$2
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "emulators: $name did not open port $port; see logs in $DIR" >&2
  return 1
}

start() {
  require azurite
  require cosmosdb-server
  if running azurite; then echo "emulators: azurite already running (pid $(cat "$(pidfile azurite)"))"; else
    # API version checks stay ON: the code pins BlobClientOptions.ServiceVersion to 2025-01-05, which Azurite 3.37 serves.
    nohup node_modules/.bin/azurite --silent --location "$DIR/azurite-data-$BLOB_PORT" --blobHost 127.0.0.1 --blobPort "$BLOB_PORT" \
      --queueHost 127.0.0.1 --queuePort "$QUEUE_PORT" --tableHost 127.0.0.1 --tablePort 0 >"$DIR/azurite-$BLOB_PORT.log" 2>&1 &
    echo $! >"$(pidfile azurite)"
  fi
  if running cosmos; then echo "emulators: cosmos already running (pid $(cat "$(pidfile cosmos)"))"; else
    nohup node_modules/.bin/cosmosdb-server --host 127.0.0.1 -p "$COSMOS_PORT" >"$DIR/cosmos-$COSMOS_PORT.log" 2>&1 &
    echo $! >"$(pidfile cosmos)"
  fi
  wait_port "$BLOB_PORT" azurite
  wait_port "$COSMOS_PORT" cosmos
  echo "emulators: azurite blob :$BLOB_PORT queue :$QUEUE_PORT, cosmos https://127.0.0.1:$COSMOS_PORT/ (logs in $DIR)"
}

stop() {
  for name in cosmos azurite; do
    if running "$name"; then
      pid=$(cat "$(pidfile "$name")")
      kill "$pid" 2>/dev/null || true
      # Azurite can take a while to close (or ignore SIGTERM while busy); do not leave it behind.
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
      echo "emulators: stopped $name"
    fi
    rm -f "$(pidfile "$name")"
  done
}

status() {
  for name in azurite cosmos; do
    if running "$name"; then echo "$name: running (pid $(cat "$(pidfile "$name")"), port $([ "$name" = cosmos ] && echo "$COSMOS_PORT" || echo "$BLOB_PORT"))"; else echo "$name: stopped"; fi
  done
}

case "${1:-status}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: scripts/emulators.sh start|stop|status" >&2; exit 2 ;;
esac
