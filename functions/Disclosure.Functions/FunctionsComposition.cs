using Azure.Core;
using Azure.Identity;
using Disclosure.Pipeline;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Disclosure.Functions;

/// <summary>
/// Composition of the Functions app: the services every host shares (AddDisclosureServices), plus telemetry and the Azure
/// credential. Its triggers are the functions themselves: ProcessReport (Event Grid blob) and AnnualSweep (timer), so
/// no poller and no in-process schedule are added here.
/// </summary>
public static class FunctionsComposition
{
    public static FunctionsApplicationBuilder AddDisclosureFunctions(this FunctionsApplicationBuilder builder)
    {
        var services = builder.Services;

        // One credential for every Entra ID client that takes it from DI (Document Intelligence, telemetry). In Azure,
        // DefaultAzureCredential selects the user-assigned identity from AZURE_CLIENT_ID (set by infra/main.bicep).
        var credential = new DefaultAzureCredential();
        services.TryAddSingleton<TokenCredential>(credential);

        // Worker-side Application Insights (Microsoft.Azure.Functions.Worker.ApplicationInsights 2.x). The resource has
        // local auth off, so telemetry is sent with the identity (TelemetryConfiguration.SetAzureTokenCredential).
        services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
        services.Configure<TelemetryConfiguration>(telemetry => telemetry.SetAzureTokenCredential(credential));

        services.AddDisclosureServices(builder.Configuration);
        return builder;
    }
}
