using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using Microsoft.Extensions.Configuration;

namespace Disclosure.Pipeline.Configuration;

/// <summary>Reads settings by their <see cref="SettingNames"/> name ('__' in the name is ':' in IConfiguration).</summary>
public static class SettingsReader
{
    public static string? Get(this IConfiguration configuration, string settingName) =>
        configuration[settingName.Replace("__", ":", StringComparison.Ordinal)] is { Length: > 0 } v ? v : null;

    /// <summary>Local mode: an emulator on this machine, whose self-signed certificate is accepted. Never true in Azure.</summary>
    public static bool IsLoopback(Uri endpoint) =>
        endpoint.IsLoopback || string.Equals(endpoint.Host, "127.0.0.1", StringComparison.Ordinal);
}

/// <summary>Cosmos DB account and database.</summary>
public sealed record CosmosSettings(Uri Endpoint, string? Key, string Database, string? ManagedIdentityClientId)
{
    public const string DefaultDatabase = "disclosure";

    public bool IsLocalEmulator => SettingsReader.IsLoopback(Endpoint);

    public static CosmosSettings From(IConfiguration configuration)
    {
        var endpoint = configuration.Get(SettingNames.CosmosEndpoint)
            ?? throw new InvalidOperationException($"Setting {SettingNames.CosmosEndpoint} is required (e.g. https://127.0.0.1:8081/ for the local emulator).");
        return new CosmosSettings(new Uri(endpoint), configuration.Get(SettingNames.CosmosKey),
            configuration.Get(SettingNames.CosmosDatabase) ?? DefaultDatabase, configuration.Get(SettingNames.ManagedIdentityClientId));
    }
}

/// <summary>The engine's per-document budgets from settings (the rest of <see cref="ReadLimits"/> keeps its named defaults).</summary>
public static class EngineSettings
{
    public static ReadLimits Limits(IConfiguration configuration, long maxBytes)
    {
        var limits = new ReadLimits { MaxBytes = maxBytes };
        return int.TryParse(configuration.Get(SettingNames.EngineDocumentTimeoutSeconds), out var seconds) && seconds > 0
            ? limits with { DocumentTimeout = TimeSpan.FromSeconds(seconds) }
            : limits;
    }
}

/// <summary>How reports are processed; defaults suit both the Functions app and the local host.</summary>
public sealed record PipelineOptions
{
    public string Container { get; init; } = "reports";

    public long MaxBytes { get; init; } = 50L * 1024 * 1024;

    public int MaxAttempts { get; init; } = 6;

    public int MaxParallelism { get; init; } = 16;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>First retry delay; doubles per attempt (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(4);

    public static PipelineOptions From(IConfiguration configuration)
    {
        var o = new PipelineOptions();
        return o with
        {
            Container = configuration.Get(SettingNames.ReportsContainer) ?? o.Container,
            MaxBytes = long.TryParse(configuration.Get(SettingNames.PipelineMaxBytes), out var b) && b > 0 ? b : o.MaxBytes,
            MaxAttempts = int.TryParse(configuration.Get(SettingNames.PipelineMaxAttempts), out var a) && a > 0 ? a : o.MaxAttempts,
            MaxParallelism = int.TryParse(configuration.Get(SettingNames.PipelineMaxParallelism), out var p) && p > 0 ? p : o.MaxParallelism,
            PollInterval = int.TryParse(configuration.Get(SettingNames.PipelinePollIntervalMs), out var ms) && ms > 0 ? TimeSpan.FromMilliseconds(ms) : o.PollInterval,
        };
    }
}

/// <summary>Which reports raise an alert, and where alerts are published.</summary>
public sealed record AlertOptions
{
    /// <summary>Findings of this severity or above raise an alert (setting Alerts__MinSeverity: info|warning|error).</summary>
    public Severity MinSeverity { get; init; } = Severity.Error;

    public Uri? TopicEndpoint { get; init; }

    public string? TopicKey { get; init; }

    public Uri? WebhookUrl { get; init; }

    public string? ManagedIdentityClientId { get; init; }

    public static AlertOptions From(IConfiguration configuration)
    {
        var min = configuration.Get(SettingNames.AlertsMinSeverity)?.Trim().ToLowerInvariant() switch
        {
            null => Severity.Error,
            "info" => Severity.Info,
            "warning" => Severity.Warning,
            "error" => Severity.Error,
            var other => throw new InvalidOperationException($"{SettingNames.AlertsMinSeverity} must be info, warning or error, not '{other}'."),
        };
        return new AlertOptions
        {
            MinSeverity = min,
            TopicEndpoint = configuration.Get(SettingNames.AlertsTopicEndpoint) is { } t ? new Uri(t) : null,
            TopicKey = configuration.Get(SettingNames.AlertsTopicKey),
            WebhookUrl = configuration.Get(SettingNames.AlertsWebhookUrl) is { } w ? new Uri(w) : null,
            ManagedIdentityClientId = configuration.Get(SettingNames.ManagedIdentityClientId),
        };
    }
}
