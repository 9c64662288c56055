#!/usr/bin/env bash
# Sends the Event Grid BlobCreated event for a blob in Azurite to the blob trigger's local webhook, as Event Grid does in
# Azure (Azurite emits no events, so under `func start` the Event Grid blob trigger never fires on its own).
# Needs a running Functions host (Azure Functions Core Tools: `func start` in functions/Disclosure.Functions) and the blob
# already uploaded to Azurite. Without Core Tools, `disclosure serve` runs the same pipeline (it polls the container).
#
#   scripts/send-blob-event.sh [--dry-run] <blob-name> [container]
#
# Environment: FUNCTIONS_HOST (http://localhost:7071), AZURITE_BLOB_PORT (10000), FUNCTION_NAME (ProcessReport),
# BLOB_SIZE (bytes, informational). --dry-run prints the URL and the event instead of sending them.
set -euo pipefail

dry_run=false
if [[ "${1:-}" == "--dry-run" ]]; then dry_run=true; shift; fi
if [[ $# -lt 1 ]]; then
  echo "usage: $0 [--dry-run] <blob-name> [container]" >&2
  exit 2
fi

blob="$1"
container="${2:-reports}"
host="${FUNCTIONS_HOST:-http://localhost:7071}"
function_name="${FUNCTION_NAME:-ProcessReport}"
blob_port="${AZURITE_BLOB_PORT:-10000}"

# The blob name goes into a URL and a JSON string: percent-encode it for the URL (UTF-8 names such as 2024/某区.pdf
# included), and refuse the two characters that would break the JSON.
if [[ "$blob" == *'"'* || "$blob" == *'\'* ]]; then
  echo "blob name must not contain '\"' or '\\'" >&2
  exit 2
fi
urlencode() {
  # Byte by byte (LC_ALL=C), so that each UTF-8 byte of a non-ASCII name becomes one %XX.
  local LC_ALL=C s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in
      [a-zA-Z0-9.~_/-]) out+="$c" ;;
      *) printf -v c '%%%02X' "'$c"; out+="$c" ;;
    esac
  done
  printf '%s' "$out"
}
encoded=$(urlencode "$blob")

webhook="$host/runtime/webhooks/blobs?functionName=Host.Functions.$function_name"
blob_url="http://127.0.0.1:$blob_port/devstoreaccount1/$container/$encoded"
now=$(date -u +%Y-%m-%dT%H:%M:%S.000Z)
id=$(cat /proc/sys/kernel/random/uuid 2>/dev/null || date +%s%N)

# Event Grid schema, as the storage account's system topic sends it (one event in an array).
event=$(cat <<JSON
[
  {
    "id": "$id",
    "topic": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/local/providers/Microsoft.Storage/storageAccounts/devstoreaccount1",
    "subject": "/blobServices/default/containers/$container/blobs/$blob",
    "eventType": "Microsoft.Storage.BlobCreated",
    "eventTime": "$now",
    "data": {
      "api": "PutBlob",
      "clientRequestId": "$id",
      "requestId": "$id",
      "contentType": "application/octet-stream",
      "contentLength": ${BLOB_SIZE:-0},
      "blobType": "BlockBlob",
      "url": "$blob_url",
      "sequencer": "0000000000000000000000000000000000000000000000000000000000000001",
      "storageDiagnostics": { "batchId": "$id" }
    },
    "dataVersion": "",
    "metadataVersion": "1"
  }
]
JSON
)

if $dry_run; then
  echo "POST $webhook"
  echo "$event"
  exit 0
fi

# aeg-event-type: Notification is what Event Grid sends with events (SubscriptionValidation is the handshake).
status=$(curl -sS -o /dev/stderr -w '%{http_code}' -X POST "$webhook" \
  -H 'Content-Type: application/json' -H 'aeg-event-type: Notification' --data-binary "$event")
echo "webhook answered HTTP $status"
[[ "$status" == 2* ]]
