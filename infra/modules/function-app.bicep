// Flex Consumption plan + Linux function app for the .NET isolated worker, running as the user-assigned identity.
// FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION are not app settings on Flex Consumption: the runtime is
// declared in functionAppConfig.runtime instead.
@description('Function app name.')
param name string
@description('Flex Consumption plan name.')
param planName string
@description('Region.')
param location string
@description('Tags.')
param tags object = {}
@description('azd service name from azure.yaml; azd finds the app by this tag.')
param serviceName string
@description('User-assigned identity resource id.')
param identityId string
@description('User-assigned identity client id.')
param identityClientId string
@description('Storage account used by the host (AzureWebJobsStorage) and the deployment container.')
param storageAccountName string
@description('Container holding the deployment package.')
param deploymentContainerName string
@description('Application Insights component name.')
param applicationInsightsName string
@description('Application settings the code reads (see Disclosure.Pipeline.Configuration.SettingNames).')
param appSettings object
@description('Upper bound of instances.')
param maximumInstanceCount int = 40
@description('Memory per instance in MB.')
param instanceMemoryMB int = 2048

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, {
    'azd-service-name': serviceName
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: union(appSettings, {
      // Host storage, identity-based (the timer trigger keeps its schedule state and locks here).
      AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      // The connection string carries no secret (an ingestion endpoint and id); local auth is off and the
      // authentication string makes the SDK use the managed identity.
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    })
  }
}

@description('Function app name.')
output name string = site.name
@description('Default host name.')
output defaultHostName string = site.properties.defaultHostName
