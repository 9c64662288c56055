// The one identity the function app runs as; every data-plane role in rbac.bicep and cosmos.bicep is granted to it.
@description('Identity name.')
param name string
@description('Region.')
param location string
@description('Tags.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id, attached to the function app.')
output id string = identity.id
@description('Client id: the __clientId of identity-based connections and AZURE_CLIENT_ID.')
output clientId string = identity.properties.clientId
@description('Object id that receives the role assignments.')
output principalId string = identity.properties.principalId
