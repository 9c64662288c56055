using Azure.Storage.Blobs;
using Disclosure.Core.Engine;
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
    /// Registers options, the Cosmos client and stores, the reports container client, alerts (store, sink, publishers)
    /// and <see cref="ReportProcessingService"/>. Unless a <see cref="ReportEngine"/> is registered first, the engine uses
    /// the default readers (ReaderRegistry.CreateDefault) plus every registered <see cref="IDocumentReader"/>.
    /// </summary>
    public static IServiceCollection AddDisclosurePipeline(this IServiceCollection services, IConfiguration configuration)
    {
        var pipeline = PipelineOptions.From(configuration);
        var alerts = AlertOptions.From(configuration);
        var cosmos = CosmosSettings.From(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(pipeline);
        services.AddSingleton(alerts);
        services.AddSingleton(cosmos);
        // The default readers (text, HTML, DOCX); registered readers (e.g. PDF/OCR backends) come after them and win per format.
        var limits = EngineSettings.Limits(configuration, pipeline.MaxBytes);
        services.TryAddSingleton(sp => new ReportEngine(
            [.. Disclosure.Readers.ReaderRegistry.CreateDefault(limits), .. sp.GetServices<IDocumentReader>()], limits));

        services.TryAddSingleton(_ => CosmosClientFactory.Create(cosmos));
        services.TryAddSingleton(sp => new CosmosBootstrap(sp.GetRequiredService<CosmosClient>(), cosmos.Database, cosmos.IsLocalEmulator));
        services.TryAddSingleton<IResultStore, CosmosResultStore>();
        services.TryAddSingleton<IReceiptStore, CosmosReceiptStore>();
        services.TryAddSingleton<IAlertStore, CosmosAlertStore>();

        services.TryAddSingleton(_ => BlobClientFactory.CreateService(configuration));
        services.TryAddSingleton(sp => sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(pipeline.Container));

        services.AddHttpClient(nameof(WebhookAlertPublisher));
        services.TryAddSingleton<IAlertPublisher>(sp =>
        {
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
        services.AddDisclosureReviewPages(configuration);
        services.TryAddSingleton<YearOverYear.CrossYearStep>();
        services.TryAddSingleton<ReportProcessingService>();
        return services;
    }
}
