// Disclosure audit: everything `azd up` provisions. Kept to plain resources (no registry modules: the build machines
// reach no Bicep registry). The tests compile it with Bicep and read the ARM template (tests/Disclosure.Tests/Infra,
// docs/infra.md); `bicep lint` runs with infra/bicepconfig.json, which makes the linter's warnings errors.
// Shape follows the Azure Functions Flex Consumption azd quickstarts (Event Grid blob trigger + user-assigned identity).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; also seeds the unique suffix of every resource name.')
param environmentName string

@minLength(1)
@description('Region for all resources. It must offer Flex Consumption and Azure AI Document Intelligence.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Resource group name; empty means rg-<environmentName>.')
param resourceGroupName string = ''

@description('Object id of the person running azd (azd fills AZURE_PRINCIPAL_ID); gets data access to storage, Cosmos DB and the alert topic for debugging. Empty to skip.')
param principalId string = ''

@description('Cosmos DB database name; the code reads it from Cosmos__Database.')
param cosmosDatabaseName string = 'disclosure'

@description('Which engine reads PDFs and scans: documentintelligence (Azure AI Document Intelligence) or local (poppler/tesseract; those programs are not on the Flex Consumption image, so PDFs without a usable text layer then fail with a clear error).')
@allowed([
  'documentintelligence'
  'local'
])
param ocrEngine string = 'documentintelligence'

@description('Document Intelligence pricing tier: F0 (free, 500 pages/month, one per subscription) or S0.')
@allowed([
  'F0'
  'S0'
])
param documentIntelligenceSku string = 'S0'

@description('NCRONTAB schedule (6 fields, UTC) of the sweep; default 17:00 UTC on 31 January and 31 March, i.e. 01:00 Beijing time the day after each legal deadline (SweepOptions.DefaultSchedule).')
param sweepSchedule string = '0 0 17 31 1,3 *'

@description('Lowest finding severity that raises an alert (contract severities: info, warning, error).')
@allowed([
  'info'
  'warning'
  'error'
])
param alertsMinSeverity string = 'error'

@secure()
@description('Optional incoming-webhook URL (for example a Teams workflow) that also receives alerts; empty for none. Passed as a secure parameter, never stored in a file.')
param alertsWebhookUrl string = ''

@description('Upper bound of Flex Consumption instances.')
param maximumInstanceCount int = 40

@description('Memory per Flex Consumption instance in MB (2048 or 4096).')
@allowed([
  2048
  4096
])
param instanceMemoryMB int = 2048

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
// Blob containers the code expects (defaults of PipelineOptions.Container and SweepOptions; the app settings below
// repeat them so the code and infra cannot drift apart).
var reportsContainerName = 'reports'
var sweepOutputContainerName = 'sweep-reports'
var sweepLockContainerName = 'sweep-locks'
// Review pages (ReviewPageOptions.DefaultContainer): one HTML page per report, linked from its alert by a user-delegation SAS.
var reviewPagesContainerName = 'review-pages'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-disclosure-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    containerNames: [
      reportsContainerName
      sweepOutputContainerName
      sweepLockContainerName
      reviewPagesContainerName
    ]
    deploymentContainerName: 'app-package-${resourceToken}'
    systemTopicName: 'evgt-reports-${resourceToken}'
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  scope: rg
  params: {
    name: 'cosmos-${resourceToken}'
    location: location
    tags: tags
    databaseName: cosmosDatabaseName
    dataContributorPrincipalIds: empty(principalId)
      ? [identity.outputs.principalId]
      : [identity.outputs.principalId, principalId]
  }
}

module alertsTopic 'modules/alerts-topic.bicep' = {
  name: 'alerts-topic'
  scope: rg
  params: {
    name: 'evgt-alerts-${resourceToken}'
    location: location
    tags: tags
  }
}

module documentIntelligence 'modules/document-intelligence.bicep' = {
  name: 'document-intelligence'
  scope: rg
  params: {
    name: 'di-${resourceToken}'
    location: location
    tags: tags
    sku: documentIntelligenceSku
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    alertsTopicName: alertsTopic.outputs.name
    documentIntelligenceName: documentIntelligence.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  dependsOn: [
    rbac // the host starts with identity-based storage; give it its roles first
  ]
  params: {
    name: 'func-disclosure-${resourceToken}'
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'functions'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    appSettings: {
      // Storage holding `reports`: identity-based connection (blob trigger needs blob + queue; queue holds poison messages).
      ReportsStorage__blobServiceUri: storage.outputs.blobEndpoint
      ReportsStorage__queueServiceUri: storage.outputs.queueEndpoint
      ReportsStorage__credential: 'managedidentity'
      ReportsStorage__clientId: identity.outputs.clientId
      Reports__Container: reportsContainerName
      // Cosmos DB: Entra ID via the managed identity (account has local auth off); Cosmos__Key stays unset in Azure.
      Cosmos__Endpoint: cosmos.outputs.endpoint
      Cosmos__Database: cosmos.outputs.databaseName
      // Alerts: Event Grid custom topic with Entra ID (EventGrid Data Sender); Alerts__TopicKey stays unset in Azure.
      Alerts__TopicEndpoint: alertsTopic.outputs.endpoint
      Alerts__MinSeverity: alertsMinSeverity
      Engine__DocumentTimeoutSeconds: '120'
      Alerts__WebhookUrl: alertsWebhookUrl
      // OCR: Document Intelligence via Entra ID (Cognitive Services User); DocumentIntelligence__Key stays unset in Azure.
      Ocr__Engine: ocrEngine
      DocumentIntelligence__Endpoint: documentIntelligence.outputs.endpoint
      Sweep__Schedule: sweepSchedule
      Sweep__DepartmentDeadline: '01-31'
      Sweep__GovernmentDeadline: '03-31'
      Sweep__OutputContainer: sweepOutputContainerName
      Sweep__LockContainer: sweepLockContainerName
      // Review pages: links in alerts are user-delegation SAS URLs signed with the managed identity (Storage Blob Delegator).
      Review__Container: reviewPagesContainerName
      Review__LinkDays: '7'
      // Pipeline limits (code defaults); MaxParallelism and the poll interval only matter to the local host, since
      // in Azure the blob trigger drives concurrency (host.json extensions.blobs.maxDegreeOfParallelism).
      Pipeline__MaxBytes: '52428800'
      Pipeline__MaxAttempts: '6'
      Pipeline__MaxParallelism: '16'
      Pipeline__PollIntervalMilliseconds: '250'
      // DefaultAzureCredential picks the user-assigned identity from this variable.
      AZURE_CLIENT_ID: identity.outputs.clientId
    }
  }
}

@description('Region the resources were created in.')
output AZURE_LOCATION string = location

@description('Entra tenant of the deployment.')
output AZURE_TENANT_ID string = tenant().tenantId

@description('Resource group holding everything; the post-deploy hook uses it.')
output RESOURCE_GROUP string = rg.name

@description('Function app name; the post-deploy hook reads its blobs_extension key to subscribe the blob trigger.')
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Storage account holding the reports container; upload reports here.')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Blob container the blob trigger watches.')
output REPORTS_CONTAINER_NAME string = reportsContainerName

@description('Event Grid system topic of the storage account; the post-deploy hook adds the BlobCreated subscription to it.')
output REPORTS_SYSTEM_TOPIC_NAME string = storage.outputs.systemTopicName

@description('Cosmos DB endpoint (results, receipts, alerts, registry, sweeps).')
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint

@description('Cosmos DB database name.')
output COSMOS_DATABASE string = cosmos.outputs.databaseName

@description('Event Grid custom topic that receives alert CloudEvents; subscribe e-mail, Teams or Logic Apps here.')
output ALERTS_TOPIC_NAME string = alertsTopic.outputs.name

@description('Endpoint of the alert topic.')
output ALERTS_TOPIC_ENDPOINT string = alertsTopic.outputs.endpoint

@description('Azure AI Document Intelligence endpoint.')
output DOCUMENT_INTELLIGENCE_ENDPOINT string = documentIntelligence.outputs.endpoint

@description('Client id of the user-assigned identity the app runs as.')
output AZURE_CLIENT_ID string = identity.outputs.clientId
