using Azure.Storage.Blobs;
using Disclosure.Pipeline.Configuration;
using Disclosure.Pipeline.Processing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Disclosure.Functions;

/// <summary>
/// Runs the shared pipeline for each report blob. Flex Consumption supports only the Event Grid blob trigger
/// (Source = BlobTriggerSource.EventGrid, Microsoft.Azure.Functions.Worker.Extensions.Storage.Blobs 6.x); the Event Grid
/// subscription that calls it is created by infra/hooks/postdeploy.*. Binding to BlobClient (an SDK type) downloads
/// nothing: the pipeline reads the blob itself, checks its size first and never modifies the original.
/// </summary>
public sealed class ProcessReport(ReportProcessingService processing, ILogger<ProcessReport> logger)
{
    /// <summary>Container and path pattern; the container is Reports__Container, created by infra/main.bicep.</summary>
    public const string BlobPath = "reports/{name}";

    [Function(nameof(ProcessReport))]
    public async Task RunAsync(
        [BlobTrigger(BlobPath, Source = BlobTriggerSource.EventGrid, Connection = SettingNames.ReportsStorage)] BlobClient blob,
        CancellationToken cancellationToken)
    {
        FunctionsLog.ReportReceived(logger, blob.Name);
        // Bad input becomes a failed result and transient faults end as a poison receipt, both inside the pipeline.
        var outcome = await processing.ProcessAsync(blob.Name, cancellationToken);
        FunctionsLog.ReportDone(logger, blob.Name, outcome.Kind.ToString(), outcome.Recorded);
        if (!outcome.Recorded)
        {
            // Not even the poison record could be written (e.g. Cosmos DB unreachable): fail the invocation so the
            // runtime offers the blob again (host.json extensions.blobs.poisonBlobThreshold bounds the retries).
            throw new InvalidOperationException($"Report '{blob.Name}' could not be recorded: {outcome.Error}");
        }
    }
}
