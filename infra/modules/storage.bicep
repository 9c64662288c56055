// Storage for reports (and the function host): shared-key access off, so every client uses Entra ID.
// The Event Grid system topic publishes BlobCreated; its subscription to the blob-trigger webhook is created by
// infra/hooks/postdeploy.* because the webhook key exists only once the code is deployed (as in the official quickstart).
@description('Storage account name (3-24 lowercase letters and digits).')
param name string
@description('Region.')
param location string
@description('Tags.')
param tags object = {}
@description('Containers the code uses: reports (watched by the blob trigger), sweep outputs and sweep locks.')
param containerNames array
@description('Container Flex Consumption deploys the app package to.')
param deploymentContainerName string
@description('Event Grid system topic name for this account.')
param systemTopicName string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    // Reports are evidence: keep deleted or overwritten originals for a week.
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: systemTopicName
  location: location
  tags: tags
  properties: {
    source: account.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

@description('Storage account name.')
output name string = account.name
@description('Blob endpoint (ReportsStorage__blobServiceUri, AzureWebJobsStorage__blobServiceUri).')
output blobEndpoint string = account.properties.primaryEndpoints.blob
@description('Queue endpoint (ReportsStorage__queueServiceUri, AzureWebJobsStorage__queueServiceUri).')
output queueEndpoint string = account.properties.primaryEndpoints.queue
@description('Deployment package container name.')
output deploymentContainerName string = deploymentContainer.name
@description('System topic name.')
output systemTopicName string = systemTopic.name
