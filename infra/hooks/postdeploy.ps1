# Windows twin of postdeploy.sh: subscribes the ProcessReport blob trigger (Source = EventGrid) to BlobCreated
# events of the `reports` container, after the code is deployed (the blobs_extension key exists only then).
$ErrorActionPreference = 'Stop'

if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
    throw 'postdeploy: the Azure CLI (az) is required; see the README deployment section.'
}

$envValues = @{}
azd env get-values | ForEach-Object {
    if ($_ -match '^(?<key>[^=]+)=(?<val>.*)$') {
        $envValues[$matches.key.Trim()] = $matches.val.Trim('"')
    }
}

$app = $envValues['AZURE_FUNCTION_APP_NAME']
$rg = $envValues['RESOURCE_GROUP']
$topic = $envValues['REPORTS_SYSTEM_TOPIC_NAME']
$container = if ($envValues['REPORTS_CONTAINER_NAME']) { $envValues['REPORTS_CONTAINER_NAME'] } else { 'reports' }
if (-not $app -or -not $rg -or -not $topic) {
    throw 'postdeploy: AZURE_FUNCTION_APP_NAME, RESOURCE_GROUP or REPORTS_SYSTEM_TOPIC_NAME missing; run azd provision first.'
}
$functionName = 'ProcessReport'
$subscriptionName = 'reports-blob-created'

$key = ''
for ($attempt = 1; $attempt -le 12 -and -not $key; $attempt++) {
    $key = az functionapp keys list -n $app -g $rg --query 'systemKeys.blobs_extension' -o tsv 2>$null
    if (-not $key) {
        Write-Host "postdeploy: waiting for the blobs_extension key ($attempt/12)..."
        Start-Sleep -Seconds 10
    }
}
if (-not $key) {
    throw "postdeploy: no blobs_extension key on $app; is ProcessReport deployed? Re-run: azd hooks run postdeploy"
}

$hostName = az functionapp show -n $app -g $rg --query defaultHostName -o tsv
$endpoint = "https://$hostName/runtime/webhooks/blobs?functionName=Host.Functions.$functionName&code=$key"
# az is a .cmd on Windows: cmd.exe would split the URL at '&' unless it reaches it inside double quotes.
$endpointArg = if ($IsWindows -or $env:OS -eq 'Windows_NT') { '"' + $endpoint + '"' } else { $endpoint }

az eventgrid system-topic event-subscription create `
    --name $subscriptionName `
    --resource-group $rg `
    --system-topic-name $topic `
    --endpoint-type webhook `
    --endpoint $endpointArg `
    --included-event-types Microsoft.Storage.BlobCreated `
    --subject-begins-with "/blobServices/default/containers/$container/" `
    --max-delivery-attempts 30 `
    --event-ttl 1440 `
    --output none
if ($LASTEXITCODE -ne 0) { throw 'postdeploy: creating the Event Grid subscription failed.' }

Write-Host "postdeploy: $subscriptionName delivers BlobCreated in '$container' to $functionName."
