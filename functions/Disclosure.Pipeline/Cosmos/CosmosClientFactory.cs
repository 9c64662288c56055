using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using Disclosure.Core.Contract;
using Disclosure.Pipeline.Configuration;
using Microsoft.Azure.Cosmos;

namespace Disclosure.Pipeline.Cosmos;

/// <summary>
/// Builds the one CosmosClient: Gateway mode (the only mode the emulator speaks), System.Text.Json with the contract's
/// options so result JSON is stored exactly as <see cref="ResultJson"/> writes it, the emulator's self-signed
/// certificate accepted only for a loopback endpoint, and managed identity when no key is configured.
/// </summary>
public static class CosmosClientFactory
{
    public static CosmosClient Create(CosmosSettings settings, TokenCredential? credential = null)
    {
        var options = new CosmosClientOptions
        {
            ConnectionMode = ConnectionMode.Gateway,
            Serializer = new SystemTextJsonCosmosSerializer(ResultJson.Options),
            RequestTimeout = TimeSpan.FromSeconds(30),
            MaxRetryAttemptsOnRateLimitedRequests = 9,
            MaxRetryWaitTimeOnRateLimitedRequests = TimeSpan.FromSeconds(30),
            EnableContentResponseOnWrite = false,
            CosmosClientTelemetryOptions = new CosmosClientTelemetryOptions { DisableDistributedTracing = true },
        };

        if (settings.IsLocalEmulator)
        {
            // The emulator serves a self-signed certificate and advertises no other regions.
            options.LimitToEndpoint = true;
            options.HttpClientFactory = () => new HttpClient(new SocketsHttpHandler
            {
#pragma warning disable CA5359 // Loopback emulator only (IsLocalEmulator); Azure endpoints keep full validation.
                SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
#pragma warning restore CA5359
                MaxConnectionsPerServer = 64,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            }, disposeHandler: true);
        }

        if (settings.Key is { } key)
        {
            return new CosmosClient(settings.Endpoint.ToString(), key, options);
        }

        credential ??= settings.ManagedIdentityClientId is { } id
            ? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = id })
            : new DefaultAzureCredential();
        return new CosmosClient(settings.Endpoint.ToString(), credential, options);
    }
}

/// <summary>Cosmos serializer on System.Text.Json, so JsonObject documents and contract records keep their exact shape.</summary>
public sealed class SystemTextJsonCosmosSerializer(JsonSerializerOptions options) : CosmosSerializer
{
    public override T FromStream<T>(Stream stream)
    {
        if (typeof(Stream).IsAssignableFrom(typeof(T)))
        {
            return (T)(object)stream;
        }

        using (stream)
        {
            if (stream.CanSeek && stream.Length == 0)
            {
                return default!;
            }

            return JsonSerializer.Deserialize<T>(stream, options)!;
        }
    }

    public override Stream ToStream<T>(T input)
    {
        var stream = new MemoryStream();
        JsonSerializer.Serialize(stream, input, options);
        stream.Position = 0;
        return stream;
    }
}
