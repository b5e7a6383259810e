// SupportFunctions on Azure: one storage account (the app's tables, queues and containers, and the Functions host's
// own), a Flex Consumption Linux Function App running the .NET isolated worker (functions/SupportFunctions.Functions), Application Insights,
// and a Key Vault for the secrets. The app reaches storage and Key Vault with its system-assigned identity: no account
// keys in settings (shared-key access is off on the account).
targetScope = 'resourceGroup'

@description('Base name; the Function App is named after it, other resources add a short suffix.')
@minLength(3)
@maxLength(20)
param appName string

param location string = resourceGroup().location

@description('Path of the policy document inside the package (the app ships policies/*.json).')
param policyPath string = 'policies/everbridge.json'

@description('NCRONTAB (UTC) of the retention purge.')
param purgeSchedule string = '0 0 2 * * *'

@description('NCRONTAB (UTC) of the reconciler that re-sends outbox notifications whose queue message was lost.')
param reconcileSchedule string = '*/30 * * * * *'

@description('The public URL Twilio posts voice webhooks to (part of what its signature covers).')
param twilioWebhookUrl string = 'https://${appName}.azurewebsites.net/api/inbound/voice/twilio'

@description('Largest inbound email accepted, in bytes.')
param maxEmailBytes int = 31457280

@description('Sender of notification mail (a verified SendGrid sender); empty: the policy\'s support address.')
param mailFromAddress string = ''

@description('Display name of notification mail.')
param mailFromName string = 'Support'

@description('SendGrid API endpoint; https://api.eu.sendgrid.com for EU regional subusers.')
param sendGridBaseUrl string = 'https://api.sendgrid.com'

@description('Ask the Email Activity API (a paid add-on) before re-sending a mail whose first attempt was cut off.')
param sendGridActivityLookup bool = false

@allowed([2048, 4096])
param instanceMemoryMB int = 2048

param maximumInstanceCount int = 100

var suffix = uniqueString(resourceGroup().id, appName)
var storageName = take('st${toLower(replace(appName, '-', ''))}${suffix}', 24)
var deploymentContainer = 'app-package'
// Every table, container and queue the app uses (StorageLayout); the app also creates them at start-up, idempotently.
var tables = ['cases', 'caseindex', 'counters', 'idempotency', 'directory', 'apikeys', 'uploads', 'poison', 'defects', 'errorsignatures', 'inbound', 'messageids', 'holds', 'purges', 'agentqueue', 'slareport']
var containers = ['files', 'inbound', 'purges', 'outbox', deploymentContainer]
var queues = ['inbound', 'cases-inbound', 'notifications']

// Built-in role definition ids.
var roles = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource blobContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for name in containers: {
  parent: blobService
  name: name
  properties: { publicAccess: 'None' }
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource storageQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for name in queues: {
  parent: queueService
  name: name
}]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource storageTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for name in tables: {
  parent: tableService
  name: name
}]

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${appName}-${suffix}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${appName}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

// Secrets are set by an operator (README: "Deploying to Azure"); the app settings below only reference them.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv${take(toLower(replace(appName, '-', '')), 8)}${suffix}'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${appName}'
  location: location
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

var secret = 'https://${vault.name}${environment().suffixes.keyvaultDns}/secrets'

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      // The .NET isolated worker (functions/SupportFunctions.Functions, net10.0) on FC1; FUNCTIONS_WORKER_RUNTIME is not
      // an app setting on Flex. Where a region lacks 10.0: az functionapp list-flexconsumption-locations --runtime dotnet-isolated
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: [
        // The Functions host's own storage and the trigger connection "SupportFunctionsStorage": identity-based.
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'SupportFunctionsStorage__blobServiceUri', value: storage.properties.primaryEndpoints.blob }
        { name: 'SupportFunctionsStorage__queueServiceUri', value: storage.properties.primaryEndpoints.queue }
        { name: 'SupportFunctionsStorage__tableServiceUri', value: storage.properties.primaryEndpoints.table }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        // The app: storage by managed identity, the policy, functions mode (the worker sets it too), schedules.
        { name: 'SupportFunctions__Storage__AccountName', value: storage.name }
        { name: 'SupportFunctions__Policy', value: policyPath }
        { name: 'SupportFunctions__Timers__ReconcileSchedule', value: reconcileSchedule }
        // Durable Functions: host.json's durableTask section (hub, Azure Storage provider on SupportFunctionsStorage).
        { name: 'SupportFunctions__Retention__Schedule', value: purgeSchedule }
        { name: 'SupportFunctions__Retention__OrchestrationHistoryDays', value: '30' }
        { name: 'SupportFunctions__Retention__PageSize', value: '1000' }
        { name: 'SupportFunctions__Retention__BatchDeletes', value: 'true' }
        { name: 'SupportFunctions__Retention__Parallelism', value: '16' }
        { name: 'SupportFunctions__RateLimits__PublicIntakePerMinute', value: '30' }
        { name: 'SupportFunctions__RateLimits__PartnerBurst', value: '60' }
        { name: 'SupportFunctions__RateLimits__PartnerPerSecond', value: '10' }
        { name: 'SupportFunctions__Mail__Provider', value: 'SendGrid' }
        { name: 'SupportFunctions__Mail__FromAddress', value: mailFromAddress }
        { name: 'SupportFunctions__Mail__FromName', value: mailFromName }
        { name: 'SupportFunctions__Mail__MaxAttempts', value: '8' }
        { name: 'SupportFunctions__Mail__LeaseSeconds', value: '30' }
        { name: 'SupportFunctions__Mail__RetryBaseSeconds', value: '10' }
        { name: 'SupportFunctions__Mail__RetryMaxSeconds', value: '3600' }
        { name: 'SupportFunctions__Mail__SweepGraceSeconds', value: '30' }
        { name: 'SupportFunctions__Mail__SendGrid__BaseUrl', value: sendGridBaseUrl }
        { name: 'SupportFunctions__Mail__SendGrid__TimeoutSeconds', value: '20' }
        { name: 'SupportFunctions__Mail__SendGrid__ActivityLookup', value: string(sendGridActivityLookup) }
        { name: 'SupportFunctions__Inbound__MaxEmailBytes', value: string(maxEmailBytes) }
        { name: 'SupportFunctions__Inbound__TwilioWebhookUrl', value: twilioWebhookUrl }
        { name: 'SupportFunctions__Inbound__VoiceMaxSkewSeconds', value: '300' }
        // Secrets: Key Vault references, resolved by the platform with the app's identity.
        { name: 'SupportFunctions__Admin__BootstrapKey', value: '@Microsoft.KeyVault(SecretUri=${secret}/bootstrap-admin-key/)' }
        { name: 'SupportFunctions__Inbound__EmailSecret', value: '@Microsoft.KeyVault(SecretUri=${secret}/inbound-email-secret/)' }
        { name: 'SupportFunctions__Inbound__TwilioAuthToken', value: '@Microsoft.KeyVault(SecretUri=${secret}/twilio-auth-token/)' }
        { name: 'SupportFunctions__Inbound__VoiceSigningSecret', value: '@Microsoft.KeyVault(SecretUri=${secret}/voice-signing-secret/)' }
        { name: 'SupportFunctions__Mail__SendGrid__ApiKey', value: '@Microsoft.KeyVault(SecretUri=${secret}/sendgrid-api-key/)' }
      ]
    }
  }
}

// The app's identity: data access to blobs (and the deployment package), queues and tables; reading Key Vault secrets.
resource blobAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, site.id, roles.blobDataOwner)
  properties: { roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.blobDataOwner), principalId: site.identity.principalId, principalType: 'ServicePrincipal' }
}

resource queueAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, site.id, roles.queueDataContributor)
  properties: { roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.queueDataContributor), principalId: site.identity.principalId, principalType: 'ServicePrincipal' }
}

resource tableAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, site.id, roles.tableDataContributor)
  properties: { roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.tableDataContributor), principalId: site.identity.principalId, principalType: 'ServicePrincipal' }
}

resource secretAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, site.id, roles.keyVaultSecretsUser)
  properties: { roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser), principalId: site.identity.principalId, principalType: 'ServicePrincipal' }
}

output functionAppName string = site.name
output defaultHostName string = site.properties.defaultHostName
output storageAccountName string = storage.name
output keyVaultName string = vault.name
