using System.Text.Json;
using Disclosure.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Disclosure.Integration.Tests.Functions;

/// <summary>
/// The Functions app as the worker builds it: FunctionsApplication.CreateBuilder, the app's AddDisclosureFunctions and
/// Build, with the given settings (Functions names, '__'). The host is built, never started: no gRPC channel to a host.
/// </summary>
internal static class FunctionsApp
{
    public static IHost Build(IEnumerable<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? before = null) =>
        Builder(settings, before).Build();

    public static FunctionsApplicationBuilder Builder(IEnumerable<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? before = null)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings.Select(kv =>
            new KeyValuePair<string, string?>(kv.Key.Replace("__", ":", StringComparison.Ordinal), kv.Value)));
        before?.Invoke(builder.Services);
        builder.AddDisclosureFunctions();
        return builder;
    }

    /// <summary>A function class as the worker's activator makes it: constructor dependencies from the container.</summary>
    public static T Function<T>(IHost host) => ActivatorUtilities.CreateInstance<T>(host.Services);

    /// <summary>The Values of local.settings.sample.json, what `func start` reads.</summary>
    public static IReadOnlyDictionary<string, string?> SampleSettings(string repoRoot)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(repoRoot, "local.settings.sample.json")));
        return doc.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString(), StringComparer.Ordinal);
    }

    /// <summary>
    /// The identity-based settings infra/main.bicep gives the app in Azure, with example endpoints: no key anywhere.
    /// (tests/Disclosure.Tests/Infra checks that the compiled template sets each of these.)
    /// </summary>
    public static IReadOnlyDictionary<string, string?> AzureSettings() => new Dictionary<string, string?>
    {
        ["ReportsStorage__blobServiceUri"] = "https://stexample.blob.core.windows.net/",
        ["ReportsStorage__queueServiceUri"] = "https://stexample.queue.core.windows.net/",
        ["ReportsStorage__credential"] = "managedidentity",
        ["ReportsStorage__clientId"] = "00000000-0000-0000-0000-000000000001",
        ["Reports__Container"] = "reports",
        ["Cosmos__Endpoint"] = "https://cosmos-example.documents.azure.com:443/",
        ["Cosmos__Database"] = "disclosure",
        ["Alerts__TopicEndpoint"] = "https://evgt-example.eastasia-1.eventgrid.azure.net/api/events",
        ["Alerts__MinSeverity"] = "error",
        ["Alerts__WebhookUrl"] = "",
        ["Ocr__Engine"] = "documentintelligence",
        ["DocumentIntelligence__Endpoint"] = "https://di-example.cognitiveservices.azure.com/",
        ["Sweep__Schedule"] = "0 0 17 31 1,3 *",
        ["AZURE_CLIENT_ID"] = "00000000-0000-0000-0000-000000000001",
    };
}
