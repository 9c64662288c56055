using Azure.Storage.Blobs;
using Disclosure.Pipeline.Alerts;
using Disclosure.Pipeline.Configuration;
using Disclosure.Pipeline.Cosmos;
using Disclosure.Pipeline.Processing;
using Disclosure.Pipeline.Review;
using Disclosure.Pipeline.Storage;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Disclosure.Pipeline;

/// <summary>Composition of the pipeline services, shared by the Functions app and the local host.</summary>
public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the settings (validated at start), the engine, the Cosmos client and stores, the reports source (blob
    /// container), alerts (store, sink, publishers), review pages and <see cref="ReportProcessingService"/>.
    /// </summary>
    public static IServiceCollection AddDisclosurePipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDisclosureSettings(configuration);
        services.AddDisclosureEngine(configuration);
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => CosmosClientFactory.Create(sp.GetRequiredService<CosmosSettings>()));
        services.TryAddSingleton(sp =>
        {
            var cosmos = sp.GetRequiredService<CosmosSettings>();
            return new CosmosBootstrap(sp.GetRequiredService<CosmosClient>(), cosmos.Database, cosmos.IsLocalEmulator);
        });
        services.TryAddSingleton<IResultStore, CosmosResultStore>();
        services.TryAddSingleton<IReceiptStore, CosmosReceiptStore>();
        services.TryAddSingleton<IAlertStore, CosmosAlertStore>();

        services.TryAddSingleton(sp => BlobClientFactory.CreateService(sp.GetRequiredService<StorageOptions>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(sp.GetRequiredService<PipelineOptions>().Container));
        services.TryAddSingleton<IReportSource>(sp => new BlobReportSource(sp.GetRequiredService<BlobContainerClient>()));

        services.AddHttpClient(nameof(WebhookAlertPublisher));
        services.TryAddSingleton<IAlertPublisher>(sp =>
        {
            var alerts = sp.GetRequiredService<AlertOptions>();
            var targets = new List<IAlertPublisher>();
            if (alerts.TopicEndpoint is not null)
            {
                targets.Add(new EventGridAlertPublisher(EventGridAlertPublisher.CreateClient(alerts)));
            }

            if (alerts.WebhookUrl is { } url)
            {
                targets.Add(new WebhookAlertPublisher(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(WebhookAlertPublisher)), url));
            }

            return new CompositeAlertPublisher(targets);
        });
        services.TryAddSingleton<IAlertSink>(sp => new AlertSink(sp.GetRequiredService<IAlertStore>(), sp.GetRequiredService<IAlertPublisher>(),
            sp.GetRequiredService<ILogger<AlertSink>>()));
        services.AddDisclosureReviewPages();
        services.TryAddSingleton<YearOverYear.CrossYearStep>();
        services.TryAddSingleton<ReportProcessingService>();
        return services;
    }
}
