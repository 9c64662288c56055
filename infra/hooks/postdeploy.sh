#!/bin/sh
# Subscribes the ProcessReport blob trigger (Source = EventGrid) to BlobCreated events of the `reports` container.
# Runs after `azd deploy`: the blobs_extension system key only exists once the code is running. Idempotent: an
# existing subscription is updated with the current endpoint. Values come from the azd environment (main.bicep outputs).
set -eu

if ! command -v az >/dev/null 2>&1; then
  echo "postdeploy: the Azure CLI (az) is required; see the README deployment section." >&2
  exit 1
fi

eval "$(azd env get-values)"

app="${AZURE_FUNCTION_APP_NAME:?missing AZURE_FUNCTION_APP_NAME (run azd provision first)}"
rg="${RESOURCE_GROUP:?missing RESOURCE_GROUP}"
topic="${REPORTS_SYSTEM_TOPIC_NAME:?missing REPORTS_SYSTEM_TOPIC_NAME}"
container="${REPORTS_CONTAINER_NAME:-reports}"
function_name="ProcessReport"
subscription_name="reports-blob-created"

# The key appears a little after the first start of the host; wait for it instead of failing.
key=""
for attempt in 1 2 3 4 5 6 7 8 9 10 11 12; do
  key="$(az functionapp keys list -n "$app" -g "$rg" --query "systemKeys.blobs_extension" -o tsv 2>/dev/null || true)"
  [ -n "$key" ] && break
  echo "postdeploy: waiting for the blobs_extension key ($attempt/12)..."
  sleep 10
done
if [ -z "$key" ]; then
  echo "postdeploy: no blobs_extension key on $app; is ProcessReport deployed? Re-run: azd hooks run postdeploy" >&2
  exit 1
fi

host="$(az functionapp show -n "$app" -g "$rg" --query defaultHostName -o tsv)"
endpoint="https://${host}/runtime/webhooks/blobs?functionName=Host.Functions.${function_name}&code=${key}"

az eventgrid system-topic event-subscription create \
  --name "$subscription_name" \
  --resource-group "$rg" \
  --system-topic-name "$topic" \
  --endpoint-type webhook \
  --endpoint "$endpoint" \
  --included-event-types Microsoft.Storage.BlobCreated \
  --subject-begins-with "/blobServices/default/containers/${container}/" \
  --max-delivery-attempts 30 \
  --event-ttl 1440 \
  --output none

echo "postdeploy: $subscription_name delivers BlobCreated in '$container' to $function_name."
