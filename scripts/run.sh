#!/usr/bin/env bash
# Set up and run the main job locally: installs what is missing (setup.sh), starts Azurite and the Cosmos emulator,
# starts the local host (`disclosure serve`), uploads the sample reports, shows the results and alerts that came out,
# then stops what it started. Ports: AZURITE_BLOB_PORT (10000), AZURITE_QUEUE_PORT (10001), COSMOS_PORT (8081).
# Reports: SEEDS_DIR (default ../shared/seeds beside the repository), plus two LibreOffice-made reports from tests/corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export AZURITE_BLOB_PORT=${AZURITE_BLOB_PORT:-10000}
export AZURITE_QUEUE_PORT=${AZURITE_QUEUE_PORT:-10001}
export COSMOS_PORT=${COSMOS_PORT:-8081}
SEEDS_DIR=${SEEDS_DIR:-"$ROOT/../shared/seeds"}
LOGS="$ROOT/.artifacts/run"
mkdir -p "$LOGS"

bash scripts/setup.sh
echo "run: building the command line"
dotnet build functions/Disclosure.Cli/Disclosure.Cli.csproj -c Release --nologo -v quiet >"$LOGS/build.log" 2>&1 || { cat "$LOGS/build.log"; exit 1; }
DISCLOSURE=(dotnet "$ROOT/functions/Disclosure.Cli/bin/Release/net10.0/disclosure.dll")

started_emulators=0
serve_pid=""
cleanup() {
  if [ -n "$serve_pid" ] && kill -0 "$serve_pid" 2>/dev/null; then
    echo "run: stopping the local host"
    kill -TERM "$serve_pid" 2>/dev/null || true
    wait "$serve_pid" 2>/dev/null || true
  fi
  if [ "$started_emulators" = 1 ]; then scripts/emulators.sh stop; fi
}
trap cleanup EXIT

if scripts/emulators.sh status | grep -q "cosmos: running"; then
  echo "run: emulators already running (started earlier by scripts/emulators.sh); using them"
else
  scripts/emulators.sh start
  started_emulators=1
fi

# The local host reads the same settings as the Functions app (see README, section pipeline).
export ReportsStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:${AZURITE_BLOB_PORT}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${AZURITE_QUEUE_PORT}/devstoreaccount1;"
export Cosmos__Endpoint="https://127.0.0.1:${COSMOS_PORT}/"
export Reports__Container=${Reports__Container:-reports}

shopt -s nullglob
seeds=("$SEEDS_DIR"/*.txt)
if [ ${#seeds[@]} -eq 0 ]; then echo "run: no reports found in $SEEDS_DIR" >&2; exit 1; fi
# Two reports made the way agencies make them: the official template filled and exported by LibreOffice (a PDF with a
# planted arithmetic error, and a DOCX), so the run shows the PDF and DOCX readers too.
seeds+=("$ROOT"/tests/corpus/libreoffice/lo-21-001-err.pdf "$ROOT"/tests/corpus/libreoffice/lo-21-000.docx)

echo "run: starting the local host and uploading ${#seeds[@]} reports (log: $LOGS/serve.log)"
"${DISCLOSURE[@]}" serve --verbose --upload "${seeds[@]}" >"$LOGS/serve.log" 2>&1 &
serve_pid=$!

"${DISCLOSURE[@]}" results --expect "${#seeds[@]}" --timeout 180
"${DISCLOSURE[@]}" alerts
