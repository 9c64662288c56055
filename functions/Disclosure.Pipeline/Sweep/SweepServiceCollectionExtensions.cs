using Azure.Storage.Blobs;
using Disclosure.Pipeline.Alerts;
using Disclosure.Pipeline.Cosmos;
using Disclosure.Pipeline.Review;
using Disclosure.Sweep;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Disclosure.Pipeline.Sweep;

/// <summary>Composition of the annual sweep: adapters and the runner; the local host adds its schedule (AddSweepSchedule).</summary>
public static class SweepServiceCollectionExtensions
{
    /// <summary>
    /// Registers the sweep on top of the pipeline's Cosmos, Blob and alert services (added here when not yet registered).
    /// Nothing here runs a sweep: the Functions app's timer trigger (AnnualSweep) or the local host's schedule does.
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
        // Report processing matches agency names read by OCR against this registry (ReportProcessingService's optional step).
        services.TryAddSingleton<Registry.OcrAgencyStep>();
        services.TryAddSingleton<ISweepReviewLinks>(sp => new ReviewPageSweepLinks(sp.GetRequiredService<IReviewPageStore>()));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<SweepRunner>(sp, sp.GetRequiredService<SweepOptions>().Deadlines));
        return services;
    }

    /// <summary>
    /// The local host's schedule: <see cref="SweepScheduler"/> on Sweep__Schedule, unless it is "off". Only the local host
    /// adds it; in the Functions app the timer trigger is the schedule (a second one in every instance would sweep again).
    /// </summary>
    public static IServiceCollection AddSweepSchedule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDisclosureSweep(configuration);
        var options = SweepOptions.From(configuration);
        if (!IsOff(options.Schedule))
        {
            // Validate now: a bad expression should stop the host at start, not fail silently at the first occurrence.
            try
            {
                _ = SweepScheduler.Parse(options.Schedule);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or NCrontab.CrontabException)
            {
                throw new InvalidOperationException($"{Configuration.SettingNames.SweepSchedule}: '{options.Schedule}' is not an NCRONTAB expression ({e.Message})", e);
            }
            services.AddHostedService<SweepScheduler>();
        }

        return services;
    }

    public static bool IsOff(string schedule) => schedule.Trim().Equals("off", StringComparison.OrdinalIgnoreCase);
}
