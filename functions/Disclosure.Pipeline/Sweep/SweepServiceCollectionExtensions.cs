using Azure.Storage.Blobs;
using Disclosure.Pipeline.Alerts;
using Disclosure.Pipeline.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Disclosure.Pipeline.Sweep;

/// <summary>Composition of the annual sweep: adapters, the runner, and (unless Sweep__Schedule is "off") the local schedule.</summary>
public static class SweepServiceCollectionExtensions
{
    /// <summary>
    /// Registers the sweep on top of the pipeline's Cosmos, Blob and alert services (added here when not yet registered).
    /// The local host (`disclosure serve`) calls this so it runs the same schedule as the timer function.
    /// </summary>
    public static IServiceCollection AddDisclosureSweep(this IServiceCollection services, IConfiguration configuration)
    {
        if (!services.Any(d => d.ServiceType == typeof(IAlertSink)))
        {
            services.AddDisclosurePipeline(configuration);
        }

        var options = SweepOptions.From(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(options);
        services.TryAddSingleton<IRegistryStore>(sp => new CosmosRegistryStore(sp.GetRequiredService<CosmosBootstrap>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ISweepReportSource>(sp => new CosmosSweepReportSource(sp.GetRequiredService<CosmosBootstrap>()));
        services.TryAddSingleton<ISweepStore>(sp => new CosmosSweepStore(sp.GetRequiredService<CosmosBootstrap>()));
        services.TryAddSingleton<ISweepLock>(sp => new BlobSweepLock(sp.GetRequiredService<BlobServiceClient>(), options, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BlobSweepLock>>()));
        services.TryAddSingleton<ISweepOutput>(sp => new BlobSweepOutput(sp.GetRequiredService<BlobServiceClient>(), options));
        services.TryAddSingleton<ISweepAlertSink>(sp => new PipelineSweepAlertSink(sp.GetRequiredService<IAlertSink>(), sp.GetRequiredService<IAlertStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<SweepRunner>();
        if (!IsOff(options.Schedule))
        {
            // Validate now: a bad expression should stop the host at start, not fail silently at the first occurrence.
            _ = SweepScheduler.Parse(options.Schedule);
            services.AddHostedService<SweepScheduler>();
        }

        return services;
    }

    public static bool IsOff(string schedule) => schedule.Trim().Equals("off", StringComparison.OrdinalIgnoreCase);
}
