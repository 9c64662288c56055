// Event Grid custom topic for alerts. The code publishes CloudEvents 1.0 with EventGridPublisherClient and its managed
// identity (EventGrid Data Sender, rbac.bicep); access keys are disabled. Subscribers (e-mail via Logic Apps, Teams,
// webhooks) are added after deployment, see the README.
@description('Topic name.')
param name string
@description('Region.')
param location string
@description('Tags.')
param tags object = {}

resource topic 'Microsoft.EventGrid/topics@2022-06-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    inputSchema: 'CloudEventSchemaV1_0'
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

@description('Topic name.')
output name string = topic.name
@description('Topic endpoint (Alerts__TopicEndpoint).')
output endpoint string = topic.properties.endpoint
