using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Disclosure.Pipeline.Configuration;
using Microsoft.Extensions.Configuration;

namespace Disclosure.Pipeline.Storage;

/// <summary>
/// Blob clients for the reports storage: a connection string (UseDevelopmentStorage=true or the full form) locally,
/// the service URI with a TokenCredential (DefaultAzureCredential / managed identity) in Azure.
/// The service version is pinned to 2025-01-05, a version Azurite 3.37 serves with its API version check on.
/// </summary>
public static class BlobClientFactory
{
    public static BlobClientOptions Options()
    {
        var options = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_01_05);
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }

    /// <summary>Reads the storage settings (throws naming a bad or missing one) and builds the service client.</summary>
    public static BlobServiceClient CreateService(IConfiguration configuration, TokenCredential? credential = null) =>
        CreateService(SettingsOptions.ReadValid(configuration, StorageOptions.Read), credential);

    public static BlobServiceClient CreateService(StorageOptions storage, TokenCredential? credential = null)
    {
        if (storage.ConnectionString is { } connectionString)
        {
            return new BlobServiceClient(connectionString, Options());
        }

        var uri = storage.BlobServiceUri
            ?? throw new InvalidOperationException($"Set {SettingNames.ReportsStorage} (connection string) or {SettingNames.ReportsBlobServiceUri} (identity-based).");
        credential ??= storage.ManagedIdentityClientId is { } id
            ? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = id })
            : new DefaultAzureCredential();
        return new BlobServiceClient(uri, credential, Options());
    }

    public static BlobContainerClient CreateContainer(IConfiguration configuration, TokenCredential? credential = null) =>
        CreateService(configuration, credential).GetBlobContainerClient(PipelineOptions.From(configuration).Container);
}
