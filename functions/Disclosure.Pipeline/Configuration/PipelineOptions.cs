using Disclosure.Core.Contract;
using Microsoft.Extensions.Configuration;

namespace Disclosure.Pipeline.Configuration;

/// <summary>Reads settings by their <see cref="SettingNames"/> name ('__' in the name is ':' in IConfiguration).</summary>
public static class SettingsReader
{
    public static string? Get(this IConfiguration configuration, string settingName) =>
        configuration[Key(settingName)] is { Length: > 0 } v ? v : null;

    /// <summary>The IConfiguration key of a setting ("Cosmos__Endpoint" is "Cosmos:Endpoint").</summary>
    public static string Key(string settingName) => settingName.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>Local mode: an emulator on this machine, whose self-signed certificate is accepted. Never true in Azure.</summary>
    public static bool IsLoopback(Uri endpoint) =>
        endpoint.IsLoopback || string.Equals(endpoint.Host, "127.0.0.1", StringComparison.Ordinal);
}

/// <summary>Cosmos DB account and database (Cosmos__*).</summary>
public sealed record CosmosSettings
{
    public const string DefaultDatabase = "disclosure";

    public Uri Endpoint { get; init; } = new("https://127.0.0.1:8081/");

    public string? Key { get; init; }

    public string Database { get; init; } = DefaultDatabase;

    public string? ManagedIdentityClientId { get; init; }

    public bool IsLocalEmulator => SettingsReader.IsLoopback(Endpoint);

    public static CosmosSettings Read(Settings settings)
    {
        var endpoint = settings.AbsoluteUri(SettingNames.CosmosEndpoint);
        if (endpoint is null && settings.Text(SettingNames.CosmosEndpoint) is null)
        {
            settings.Fail(SettingNames.CosmosEndpoint, "is required (e.g. https://127.0.0.1:8081/ for the local emulator).");
        }

        var database = settings.Text(SettingNames.CosmosDatabase) ?? DefaultDatabase;
        // Cosmos refuses ids with these characters; an id longer than 255 characters is refused too.
        if (database.Length > 255 || database.IndexOfAny(['/', '\\', '?', '#']) >= 0)
        {
            settings.Fail(SettingNames.CosmosDatabase, "must be at most 255 characters without '/', '\\', '?' or '#'.");
        }

        return new CosmosSettings
        {
            Endpoint = endpoint ?? new CosmosSettings().Endpoint,
            Key = settings.Text(SettingNames.CosmosKey),
            Database = database,
            ManagedIdentityClientId = settings.Text(SettingNames.ManagedIdentityClientId),
        };
    }

    /// <summary>Reads and validates (throws <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> naming each bad setting).</summary>
    public static CosmosSettings From(IConfiguration configuration) => SettingsOptions.ReadValid(configuration, Read);
}

/// <summary>Where reports are stored: a connection string locally, the blob service URI with an identity in Azure.</summary>
public sealed record StorageOptions
{
    public string? ConnectionString { get; init; }

    public Uri? BlobServiceUri { get; init; }

    public string? ManagedIdentityClientId { get; init; }

    public static StorageOptions Read(Settings settings)
    {
        var options = new StorageOptions
        {
            ConnectionString = settings.Text(SettingNames.ReportsStorage),
            BlobServiceUri = settings.AbsoluteUri(SettingNames.ReportsBlobServiceUri),
            ManagedIdentityClientId = settings.Text(SettingNames.ManagedIdentityClientId),
        };
        if (options.ConnectionString is null && settings.Text(SettingNames.ReportsBlobServiceUri) is null)
        {
            settings.Fail(SettingNames.ReportsStorage,
                $"is required: a connection string (e.g. UseDevelopmentStorage=true), or set {SettingNames.ReportsBlobServiceUri} for identity-based access.");
        }

        return options;
    }
}

/// <summary>How reports are processed; defaults suit both the Functions app and the local host.</summary>
public sealed record PipelineOptions
{
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    /// <summary>A report is read into one array (MaxBytes + 1 bytes, to see that it is too large), so it stays below 2 GiB.</summary>
    public const long LargestMaxBytes = int.MaxValue - 1024;

    public string Container { get; init; } = "reports";

    public long MaxBytes { get; init; } = DefaultMaxBytes;

    public int MaxAttempts { get; init; } = 6;

    public int MaxParallelism { get; init; } = 16;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>First retry delay; doubles per attempt (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(4);

    public static PipelineOptions Read(Settings settings)
    {
        var o = new PipelineOptions();
        return o with
        {
            Container = settings.Container(SettingNames.ReportsContainer, o.Container),
            MaxBytes = settings.Int64(SettingNames.PipelineMaxBytes, o.MaxBytes, 1, LargestMaxBytes, "a whole number of bytes"),
            // More attempts than this only delays the poison record: the backoff is already at its 4 s ceiling.
            MaxAttempts = settings.Int32(SettingNames.PipelineMaxAttempts, o.MaxAttempts, 1, 100, "a whole number of attempts"),
            MaxParallelism = settings.Int32(SettingNames.PipelineMaxParallelism, o.MaxParallelism, 1, 256, "a whole number of reports"),
            PollInterval = TimeSpan.FromMilliseconds(settings.Int32(SettingNames.PipelinePollIntervalMs, (int)o.PollInterval.TotalMilliseconds, 1,
                3_600_000, "a whole number of milliseconds")),
        };
    }

    /// <summary>Reads and validates (throws <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> naming each bad setting).</summary>
    public static PipelineOptions From(IConfiguration configuration) => SettingsOptions.ReadValid(configuration, Read);
}

/// <summary>The engine's per-document budget (Engine__*); the rest of ReadLimits keeps its named defaults.</summary>
public sealed record EngineOptions
{
    public TimeSpan DocumentTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public static EngineOptions Read(Settings settings) => new()
    {
        // A day is far beyond any report; the bound only catches a unit mistake (milliseconds given as seconds).
        DocumentTimeout = TimeSpan.FromSeconds(settings.Int32(SettingNames.EngineDocumentTimeoutSeconds, 120, 1, 86_400, "a whole number of seconds")),
    };
}

/// <summary>Which reports raise an alert, and where alerts are published.</summary>
public sealed record AlertOptions
{
    private static readonly Dictionary<string, Severity> Severities = new(StringComparer.Ordinal)
    {
        ["info"] = Severity.Info,
        ["warning"] = Severity.Warning,
        ["error"] = Severity.Error,
    };

    /// <summary>Findings of this severity or above raise an alert (setting Alerts__MinSeverity: info|warning|error).</summary>
    public Severity MinSeverity { get; init; } = Severity.Error;

    public Uri? TopicEndpoint { get; init; }

    public string? TopicKey { get; init; }

    public Uri? WebhookUrl { get; init; }

    public string? ManagedIdentityClientId { get; init; }

    public static AlertOptions Read(Settings settings) => new()
    {
        MinSeverity = settings.Choice(SettingNames.AlertsMinSeverity, Severity.Error, Severities),
        TopicEndpoint = settings.AbsoluteUri(SettingNames.AlertsTopicEndpoint),
        TopicKey = settings.Text(SettingNames.AlertsTopicKey),
        WebhookUrl = settings.AbsoluteUri(SettingNames.AlertsWebhookUrl),
        ManagedIdentityClientId = settings.Text(SettingNames.ManagedIdentityClientId),
    };

    /// <summary>Reads and validates (throws <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> naming each bad setting).</summary>
    public static AlertOptions From(IConfiguration configuration) => SettingsOptions.ReadValid(configuration, Read);
}
