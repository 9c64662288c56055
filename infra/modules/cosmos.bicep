// Cosmos DB for NoSQL, serverless (pay per request; the workload is bursty and small). Keys are disabled: the app
// uses its managed identity with the built-in Data Contributor role, assigned below (Cosmos data-plane RBAC is not
// Azure RBAC, hence sqlRoleAssignments here rather than in rbac.bicep).
@description('Account name.')
param name string
@description('Region.')
param location string
@description('Tags.')
param tags object = {}
@description('Database name (Cosmos__Database).')
param databaseName string
@description('Containers the code uses, all partitioned on /pk (see the storage design in the README).')
param containerNames array = [
  'results'
  'receipts'
  'alerts'
  'registry'
  'sweeps'
]
@description('Principals (object ids) that get the Cosmos DB Built-in Data Contributor role.')
param dataContributorPrincipalIds array

// Built-in role "Cosmos DB Built-in Data Contributor".
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: [
      {
        name: 'EnableServerless'
      }
    ]
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
  }
}

resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for containerName in containerNames: {
    parent: database
    name: containerName
    properties: {
      resource: {
        id: containerName
        partitionKey: {
          paths: [
            '/pk'
          ]
          kind: 'Hash'
        }
      }
    }
  }
]

resource dataContributors 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = [
  for principalId in dataContributorPrincipalIds: {
    parent: account
    name: guid(account.id, principalId, dataContributorRoleId)
    properties: {
      roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleId}'
      principalId: principalId
      scope: account.id
    }
  }
]

@description('Account endpoint (Cosmos__Endpoint).')
output endpoint string = account.properties.documentEndpoint
@description('Database name.')
output databaseName string = database.name
