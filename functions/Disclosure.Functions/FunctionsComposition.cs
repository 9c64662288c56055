using Azure.Identity;
using Disclosure.Pipeline;
using Disclosure.Pipeline.Sweep;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Functions;

/// <summary>Composition of the Functions app: the same services as the local host, plus telemetry.</summary>
public static class FunctionsComposition
{
    public static FunctionsApplicationBuilder AddDisclosureFunctions(this FunctionsApplicationBuilder builder)
    {
        // Worker-side Application Insights (Microsoft.Azure.Functions.Worker.ApplicationInsights 2.x pattern).
        builder.Services
            .AddApplicationInsightsTelemetryWorkerService()
            .ConfigureFunctionsApplicationInsights();

        // The App Insights resource has local auth off (infra/modules/monitoring.bicep): send telemetry with the
        // user-assigned identity, as TelemetryConfiguration.SetAzureTokenCredential documents.
        var clientId = builder.Configuration["AZURE_CLIENT_ID"];
        if (!string.IsNullOrEmpty(clientId))
        {
            builder.Services.Configure<TelemetryConfiguration>(telemetry =>
                telemetry.SetAzureTokenCredential(
                    new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))));
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDisclosurePipeline(builder.Configuration);
        builder.Services.AddDisclosureSweep(builder.Configuration);
        return builder;
    }
}
