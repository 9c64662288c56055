using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace Disclosure.Cli.Output;

/// <summary>
/// A command that meets an unreachable Cosmos DB or storage account says so in one line — which endpoint, what to do —
/// and exits 3, instead of a stack trace.
/// </summary>
public static class ServiceErrors
{
    public const int ExitCode = 3;

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
            var endpoint = configuration["Cosmos:Endpoint"] ?? "(Cosmos__Endpoint not set)";
            return $"disclosure: cannot reach Cosmos DB at {endpoint} ({Reason(ex)}). Start the emulators (scripts/emulators.sh start) or set Cosmos__Endpoint.";
        }

        var storage = configuration["ReportsStorage"] is { } s && s.Contains("UseDevelopmentStorage", StringComparison.OrdinalIgnoreCase)
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
