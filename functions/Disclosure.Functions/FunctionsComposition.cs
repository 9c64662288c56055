using Azure.Core;
using Azure.Identity;
using Disclosure.Ocr;
using Disclosure.Pipeline;
using Disclosure.Pipeline.Sweep;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Disclosure.Functions;

/// <summary>Composition of the Functions app: the services of the local host, plus telemetry and the Azure credential.</summary>
public static class FunctionsComposition
{
    public static FunctionsApplicationBuilder AddDisclosureFunctions(this FunctionsApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // One credential for every Entra ID client that takes it from DI (Document Intelligence, telemetry). In Azure,
        // DefaultAzureCredential selects the user-assigned identity from AZURE_CLIENT_ID (set by infra/main.bicep).
        var credential = new DefaultAzureCredential();
        services.TryAddSingleton<TokenCredential>(credential);

        // Worker-side Application Insights (Microsoft.Azure.Functions.Worker.ApplicationInsights 2.x). The resource has
        // local auth off, so telemetry is sent with the identity (TelemetryConfiguration.SetAzureTokenCredential).
        services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
        services.Configure<TelemetryConfiguration>(telemetry => telemetry.SetAzureTokenCredential(credential));

        services.TryAddSingleton(TimeProvider.System);
        // PDF and image readers (poppler/tesseract or Document Intelligence, per Ocr__Engine); AddDisclosurePipeline adds
        // the default text/HTML/DOCX readers itself and lets these registered ones win for their formats.
        services.AddDisclosureOcr(configuration);
        services.AddDisclosurePipeline(configuration);
        services.AddDisclosureSweep(configuration);

        // AddDisclosureSweep also registers the local host's in-process schedule (SweepScheduler). Here the timer
        // trigger (AnnualSweep) is the schedule: a second one in every live instance would sweep again.
        foreach (var scheduler in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SweepScheduler)).ToList())
        {
            services.Remove(scheduler);
        }

        return builder;
    }
}
