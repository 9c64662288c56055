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

    public static BlobServiceClient CreateService(IConfiguration configuration, TokenCredential? credential = null)
    {
        if (configuration.Get(SettingNames.ReportsStorage) is { } connectionString)
        {
            return new BlobServiceClient(connectionString, Options());
        }

        if (configuration.Get(SettingNames.ReportsBlobServiceUri) is { } uri)
        {
            credential ??= configuration.Get(SettingNames.ManagedIdentityClientId) is { } id
                ? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = id })
                : new DefaultAzureCredential();
            return new BlobServiceClient(new Uri(uri), credential, Options());
        }

        throw new InvalidOperationException(
            $"Set {SettingNames.ReportsStorage} (connection string, e.g. UseDevelopmentStorage=true) or {SettingNames.ReportsBlobServiceUri} (identity-based).");
    }

    public static BlobContainerClient CreateContainer(IConfiguration configuration, TokenCredential? credential = null) =>
        CreateService(configuration, credential).GetBlobContainerClient(PipelineOptions.From(configuration).Container);
}
