using System.Net.Sockets;
using Disclosure.Pipeline.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Disclosure.Cli.Output;

/// <summary>
/// A command that meets an unreachable Cosmos DB or storage account says so in one line — which endpoint, what to do —
/// and exits 3, instead of a stack trace.
/// </summary>
public static class ServiceErrors
{
    public const int ExitCode = 3;

    /// <summary>Exit code of a bad setting (the message names it and says why).</summary>
    public const int BadSettingExitCode = 4;

    /// <summary>Every failure of the settings' validation in <paramref name="ex"/> (one host start can find several), or none.</summary>
    public static IReadOnlyList<string> BadSettings(Exception ex) => ex switch
    {
        OptionsValidationException o => [.. o.Failures],
        AggregateException a => [.. a.InnerExceptions.SelectMany(BadSettings)],
        _ => [],
    };

    /// <summary>The one-line message for a connection failure, or null when the exception is something else.</summary>
    public static string? Describe(Exception ex, IConfiguration configuration)
    {
        if (!IsUnreachable(ex))
        {
            return null;
        }

        var text = ex.ToString();
        if (text.Contains("Microsoft.Azure.Cosmos", StringComparison.Ordinal))
        {
            var endpoint = configuration.Get(SettingNames.CosmosEndpoint) ?? $"({SettingNames.CosmosEndpoint} not set)";
            return $"disclosure: cannot reach Cosmos DB at {endpoint} ({Reason(ex)}). Start the emulators (scripts/emulators.sh start) or set Cosmos__Endpoint.";
        }

        var storage = configuration.Get(SettingNames.ReportsStorage) is { } s && s.Contains("UseDevelopmentStorage", StringComparison.OrdinalIgnoreCase)
            ? "Azurite (127.0.0.1:10000)" : "the storage account in ReportsStorage";
        return $"disclosure: cannot reach {storage} ({Reason(ex)}). Start the emulators (scripts/emulators.sh start) or set ReportsStorage.";
    }

    private static bool IsUnreachable(Exception? ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case HttpRequestException or SocketException:
                    return true;
                case AggregateException agg when agg.InnerExceptions.Any(IsUnreachable):
                    return true;
                case Microsoft.Azure.Cosmos.CosmosException cosmos when cosmos.StatusCode is System.Net.HttpStatusCode.ServiceUnavailable or System.Net.HttpStatusCode.RequestTimeout:
                    return true;
                case Azure.RequestFailedException { Status: 0 }:
                    return true;
            }
        }

        return false;
    }

    private static string Reason(Exception ex)
    {
        var inner = ex;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        var message = TerminalText.Clean(inner.Message);
        return message.Length > 120 ? message[..120] + "…" : message;
    }
}
