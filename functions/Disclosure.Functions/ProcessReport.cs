using Azure.Storage.Blobs;
using Disclosure.Pipeline;
using Disclosure.Pipeline.Configuration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Disclosure.Functions;

/// <summary>
/// Runs the shared pipeline for each report blob. Flex Consumption supports only the Event Grid blob trigger
/// (Source = BlobTriggerSource.EventGrid, Microsoft.Azure.Functions.Worker.Extensions.Storage.Blobs 6.x); the Event Grid
/// subscription that calls it is created by infra/hooks/postdeploy.*. Binding to BlobClient (an SDK type) leaves the
/// download to the pipeline, which checks the size before reading and keeps the original untouched.
/// </summary>
public sealed class ProcessReport(ReportProcessingService processing, ILogger<ProcessReport> logger)
{
    /// <summary>Container and path pattern; the container name is created by infra/modules/storage.bicep.</summary>
    public const string BlobPath = "reports/{name}";

    [Function(nameof(ProcessReport))]
    public async Task RunAsync(
        [BlobTrigger(BlobPath, Source = BlobTriggerSource.EventGrid, Connection = SettingNames.ReportsStorage)] BlobClient blob,
        string name,
        CancellationToken cancellationToken)
    {
        FunctionsLog.ReportReceived(logger, name);
        // Bad input becomes a failed result inside the pipeline; only infrastructure faults throw, so the runtime retries.
        await processing.ProcessAsync(blob, cancellationToken);
    }
}
