// Log Analytics + workspace-based Application Insights. Local (key) ingestion is off: the app sends telemetry with its
// managed identity (APPLICATIONINSIGHTS_AUTHENTICATION_STRING, Monitoring Metrics Publisher role in rbac.bicep).
@description('Log Analytics workspace name.')
param logAnalyticsName string
@description('Application Insights name.')
param applicationInsightsName string
@description('Region.')
param location string
@description('Tags.')
param tags object = {}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    DisableLocalAuth: true
  }
}

@description('Application Insights name (the function app reads its connection string at deployment).')
output applicationInsightsName string = applicationInsights.name
