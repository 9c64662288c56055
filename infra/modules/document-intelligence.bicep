// Azure AI Document Intelligence (kind FormRecognizer) for PDFs and scans when Ocr__Engine = documentintelligence.
// A custom subdomain is required for Entra ID auth; keys are disabled (Cognitive Services User role in rbac.bicep).
@description('Account name; also the custom subdomain.')
param name string
@description('Region.')
param location string
@description('Tags.')
param tags object = {}
@description('F0 or S0.')
param sku string = 'S0'

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'FormRecognizer'
  sku: {
    name: sku
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

@description('Account name.')
output name string = account.name
@description('Endpoint (DocumentIntelligence__Endpoint).')
output endpoint string = account.properties.endpoint
