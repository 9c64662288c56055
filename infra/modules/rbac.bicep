// Azure RBAC for the app's user-assigned identity (and optionally the deploying user, for debugging), scoped to the
// single resource each role is needed on. Cosmos DB data access is granted in cosmos.bicep (its own RBAC system).
@description('Storage account holding reports and the host state.')
param storageAccountName string
@description('Alert topic.')
param alertsTopicName string
@description('Document Intelligence account.')
param documentIntelligenceName string
@description('Application Insights component.')
param applicationInsightsName string
@description('Object id of the app identity.')
param identityPrincipalId string
@description('Object id of the deploying user; empty to skip.')
param userPrincipalId string = ''

// Built-in role definition ids (Azure built-in roles reference).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f4c5add4d8a' // host (AzureWebJobsStorage) + reading/tagging reports
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // blob-trigger poison queue, host queues
  eventGridDataSender: 'd5a91429-5739-47e2-a06b-3470a27159e7' // publish alert CloudEvents
  cognitiveServicesUser: 'a97b65f3-24c7-4388-baec-2e87135dc908' // call Document Intelligence
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb' // Entra ID telemetry ingestion
  storageBlobDelegator: 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a' // user-delegation key that signs the review-page links in alerts
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource alertsTopic 'Microsoft.EventGrid/topics@2022-06-15' existing = {
  name: alertsTopicName
}

resource documentIntelligence 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: documentIntelligenceName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource appBlob 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identityPrincipalId, roles.storageBlobDataOwner)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Review-page links: a user-delegation SAS needs generateUserDelegationKey on the account. Blob Data Owner includes it
// today; the explicit role keeps the links working if that grant is ever narrowed to the containers.
resource appBlobDelegator 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identityPrincipalId, roles.storageBlobDelegator)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDelegator)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appQueue 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identityPrincipalId, roles.storageQueueDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appEventGrid 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: alertsTopic
  name: guid(alertsTopic.id, identityPrincipalId, roles.eventGridDataSender)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.eventGridDataSender)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appDocumentIntelligence 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: documentIntelligence
  name: guid(documentIntelligence.id, identityPrincipalId, roles.cognitiveServicesUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.cognitiveServicesUser)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appMonitoring 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: applicationInsights
  name: guid(applicationInsights.id, identityPrincipalId, roles.monitoringMetricsPublisher)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// The deploying user can upload reports and publish a test alert.
resource userBlob 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  scope: storage
  name: guid(storage.id, userPrincipalId, roles.storageBlobDataOwner)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
    principalId: userPrincipalId // no principalType: azd may run as a user or as a service principal
  }
}

resource userEventGrid 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  scope: alertsTopic
  name: guid(alertsTopic.id, userPrincipalId, roles.eventGridDataSender)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.eventGridDataSender)
    principalId: userPrincipalId // no principalType: azd may run as a user or as a service principal
  }
}
