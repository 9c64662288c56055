using System.Buffers;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using Disclosure.Pipeline.Alerts;
using Disclosure.Pipeline.Configuration;
using Disclosure.Pipeline.Cosmos;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Disclosure.Pipeline.Processing;

/// <summary>
/// Processes one report blob: at least once in, its effect applied exactly once. Ids are deterministic (docKey from the
/// blob name, alert id from docKey + content hash); a receipt per blob records the ETag and content hash processed, so
/// the same blob or the same content seen again changes nothing. Transient faults retry with backoff; after
/// <see cref="PipelineOptions.MaxAttempts"/> the blob is recorded as poison and the caller moves on.
/// The original blob is only read, never modified or deleted.
/// </summary>
public sealed partial class ReportProcessingService
{
    private readonly BlobContainerClient _container;
    private readonly ReportEngine _engine;
    private readonly IResultStore _results;
    private readonly IReceiptStore _receipts;
    private readonly IAlertSink _alerts;
    private readonly CosmosBootstrap _bootstrap;
    private readonly PipelineOptions _options;
    private readonly AlertOptions _alertOptions;
    private readonly TimeProvider _time;
    private readonly ILogger<ReportProcessingService> _logger;
    private readonly ResiliencePipeline _retry;
    private readonly YearOverYear.CrossYearStep? _crossYear;

    public ReportProcessingService(BlobContainerClient container, ReportEngine engine, IResultStore results, IReceiptStore receipts,
        IAlertSink alerts, CosmosBootstrap bootstrap, PipelineOptions options, AlertOptions alertOptions, TimeProvider time,
        ILogger<ReportProcessingService> logger, YearOverYear.CrossYearStep? crossYear = null)
    {
        _crossYear = crossYear;
        _container = container;
        _engine = engine;
        _results = results;
        _receipts = receipts;
        _alerts = alerts;
        _bootstrap = bootstrap;
        _options = options;
        _alertOptions = alertOptions;
        _time = time;
        _logger = logger;
        _retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(0, options.MaxAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && TransientFaults.IsTransient(ex, args.Context.CancellationToken)),
                OnRetry = async args =>
                {
                    var ex = args.Outcome.Exception!;
                    LogRetry(_logger, args.AttemptNumber + 1, ex.GetType().Name, ex.Message);
                    if (TransientFaults.IsMissingCosmosResource(ex))
                    {
                        // The emulator keeps data in memory: after a restart the database and containers are gone.
                        try
                        {
                            await _bootstrap.EnsureCreatedAsync(cancellationToken: args.Context.CancellationToken).ConfigureAwait(false);
                        }
                        catch (Exception inner) when (TransientFaults.IsTransient(inner, args.Context.CancellationToken))
                        {
                            // Still unreachable; the next attempt tries again.
                        }
                    }
                },
            })
            .Build();
    }

    /// <summary>Processes the blob with this name: reads its properties and content itself (e.g. from an Event Grid trigger).</summary>
    public async Task<ProcessingOutcome> ProcessAsync(string blobName, CancellationToken cancellationToken)
    {
        var docKey = DocumentKeys.DocKey(blobName);
        BlobRef? blob = null;
        try
        {
            blob = await _retry.ExecuteAsync(async ct =>
            {
                try
                {
                    var props = await _container.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: ct).ConfigureAwait(false);
                    return new BlobRef(blobName, BlobETags.Normalize(props.Value.ETag), props.Value.ContentLength, props.Value.CreatedOn,
                        props.Value.Metadata.AsReadOnly());
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                    return null;
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (TransientFaults.IsTransient(ex, cancellationToken))
        {
            return await RecordPoisonAsync(new BlobRef(blobName, "", 0, null), ex, cancellationToken).ConfigureAwait(false);
        }

        return blob is null
            ? new ProcessingOutcome(ProcessingKind.Gone, blobName, docKey)
            : await ProcessAsync(blob, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Processes a listed blob: downloads it (if its ETag still matches), within the size limit.</summary>
    public Task<ProcessingOutcome> ProcessAsync(BlobRef blob, CancellationToken cancellationToken) =>
        RunAsync(blob, null, cancellationToken);

    /// <summary>Processes content the host already has (e.g. a blob trigger binding); <paramref name="blob"/> describes it.</summary>
    public Task<ProcessingOutcome> ProcessAsync(BlobRef blob, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        RunAsync(blob, content, cancellationToken);

    private async Task<ProcessingOutcome> RunAsync(BlobRef blob, ReadOnlyMemory<byte>? content, CancellationToken cancellationToken)
    {
        var attempts = 0;
        try
        {
            return await _retry.ExecuteAsync(async ct =>
            {
                attempts++;
                return await AttemptAsync(blob, content, attempts, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return await RecordPoisonAsync(blob, ex, cancellationToken, attempts).ConfigureAwait(false);
        }
    }

    private async Task<ProcessingOutcome> AttemptAsync(BlobRef blob, ReadOnlyMemory<byte>? given, int attempt, CancellationToken ct)
    {
        var docKey = DocumentKeys.DocKey(blob.Name);
        var receipt = await _receipts.GetAsync(docKey, ct).ConfigureAwait(false);
        if (receipt is not null && receipt.ETag == blob.ETag && receipt.State is Receipt.States.Processed or Receipt.States.Failed or Receipt.States.Poison)
        {
            return new ProcessingOutcome(ProcessingKind.AlreadyProcessed, blob.Name, docKey, receipt.ResultPk);
        }

        ReportResult result;
        if (given is null && blob.Size > _options.MaxBytes)
        {
            // Not downloaded at all: the size from the listing is enough to refuse it.
            result = ReportEngine.Failed(new SourceInfo(blob.Name, DocumentKeys.Sha256Hex(System.Text.Encoding.UTF8.GetBytes("etag:" + blob.ETag)), "unknown", null, false) { Bytes = blob.Size },
                FailureCodes.TooLarge, $"文件过大：{blob.Size:N0} 字节，上限 {_options.MaxBytes:N0} 字节（file too large）");
        }
        else
        {
            ReadOnlyMemory<byte>? content = given;
            if (content is null)
            {
                var downloaded = await DownloadAsync(blob, ct).ConfigureAwait(false);
                if (downloaded is null)
                {
                    return new ProcessingOutcome(ProcessingKind.Gone, blob.Name, docKey);
                }

                content = downloaded.Value.Content;
                blob = blob with { Metadata = blob.Metadata ?? downloaded.Value.Metadata };
            }

            var sha = DocumentKeys.Sha256Hex(content.Value.Span);
            if (receipt is not null && receipt.ContentSha256 == sha && receipt.State is Receipt.States.Processed or Receipt.States.Failed)
            {
                // Same bytes under a new ETag (re-upload): the stored result already holds; remember the new ETag only.
                await _receipts.UpsertAsync(receipt with { ETag = blob.ETag, UpdatedAt = _time.GetUtcNow() }, ct).ConfigureAwait(false);
                return new ProcessingOutcome(ProcessingKind.SameContent, blob.Name, docKey, receipt.ResultPk);
            }

            result = content.Value.Length > _options.MaxBytes
                ? ReportEngine.Failed(new SourceInfo(blob.Name, sha, "unknown", null, false) { Bytes = content.Value.Length }, FailureCodes.TooLarge,
                    $"文件过大：超过上限 {_options.MaxBytes:N0} 字节（file too large）")
                : await AnalyzeAsync(blob.Name, content.Value, ct).ConfigureAwait(false);
        }

        if (_crossYear is not null)
        {
            result = await _crossYear.CompareOnArrivalAsync(result, ct).ConfigureAwait(false);
        }

        var now = _time.GetUtcNow();
        var pk = DocumentKeys.YearKey(result.Report.Year);
        if (receipt?.ResultPk is { } oldPk && oldPk != pk)
        {
            // The blob changed and now reads as another year: keep one result per blob.
            await _results.DeleteAsync(docKey, oldPk, ct).ConfigureAwait(false);
        }

        var document = ResultDocuments.Build(result, blob, docKey, pk, now);
        await _results.UpsertAsync(document, ct).ConfigureAwait(false);
        if (result.Report.Agency is { } agency && result.Report.Year is not null && result.Status != ResultStatus.Failed)
        {
            await _results.UpsertAgencyPointerAsync(DocumentKeys.AgencyKey(agency), pk, docKey, blob.Name, ct).ConfigureAwait(false);
        }

        if (_crossYear is not null)
        {
            await _crossYear.AfterStoreAsync(result, docKey, ct).ConfigureAwait(false);
        }

        string? alertId = null;
        if (ReportAlerts.For(result, blob.Name, docKey, pk, _alertOptions.MinSeverity, now) is { } alert)
        {
            alertId = (await _alerts.RaiseAsync(alert, ct).ConfigureAwait(false)).Id;
        }

        var failed = result.Status == ResultStatus.Failed;
        await _receipts.UpsertAsync(new Receipt
        {
            Id = docKey,
            Pk = docKey,
            BlobName = blob.Name,
            ETag = blob.ETag,
            ContentSha256 = result.Source.Sha256,
            State = failed ? Receipt.States.Failed : Receipt.States.Processed,
            Attempts = attempt,
            ResultPk = pk,
            Error = result.ErrorCode,
            UpdatedAt = now,
        }, ct).ConfigureAwait(false);

        LogProcessed(_logger, blob.Name, docKey, result.Status.ToString(), pk);
        return new ProcessingOutcome(failed ? ProcessingKind.Failed : ProcessingKind.Processed, blob.Name, docKey, pk, alertId, result.Error);
    }

    private async Task<ReportResult> AnalyzeAsync(string name, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        try
        {
            return await _engine.AnalyzeAsync(name, content, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The engine promises not to throw for bad input; a bug still becomes a failed result, not a lost report.
            var sha = DocumentKeys.Sha256Hex(content.Span);
            return ReportEngine.Failed(new SourceInfo(name, sha, "unknown", null, false) { Bytes = content.Length }, FailureCodes.EngineError,
                $"引擎错误：{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Reads at most MaxBytes + 1 bytes of the blob as of the listed ETag; null when it is gone or changed.</summary>
    private async Task<(ReadOnlyMemory<byte> Content, IReadOnlyDictionary<string, string>? Metadata)?> DownloadAsync(BlobRef blob, CancellationToken ct)
    {
        try
        {
            var response = await _container.GetBlobClient(blob.Name).DownloadStreamingAsync(new BlobDownloadOptions
            {
                Conditions = string.IsNullOrEmpty(blob.ETag) ? null : new BlobRequestConditions { IfMatch = new ETag(blob.ETag) },
            }, ct).ConfigureAwait(false);
            await using var stream = response.Value.Content;
            var limit = _options.MaxBytes + 1;
            var buffer = new ArrayBufferWriter<byte>((int)Math.Min(Math.Max(blob.Size, 1024), Math.Min(limit, 64L * 1024 * 1024)));
            while (buffer.WrittenCount < limit)
            {
                var span = buffer.GetMemory((int)Math.Min(81920, limit - buffer.WrittenCount));
                var read = await stream.ReadAsync(span, ct).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                buffer.Advance(read);
            }

            return (buffer.WrittenMemory, response.Value.Details.Metadata?.AsReadOnly());
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return null;
        }
    }

    private async Task<ProcessingOutcome> RecordPoisonAsync(BlobRef blob, Exception ex, CancellationToken ct, int attempts = 0)
    {
        var docKey = DocumentKeys.DocKey(blob.Name);
        LogPoison(_logger, blob.Name, attempts, ex.GetType().Name, ex.Message);
        try
        {
            await _receipts.UpsertAsync(new Receipt
            {
                Id = docKey,
                Pk = docKey,
                BlobName = blob.Name,
                ETag = blob.ETag,
                State = Receipt.States.Poison,
                Attempts = attempts,
                Error = $"{ex.GetType().Name}: {ex.Message}",
                UpdatedAt = _time.GetUtcNow(),
            }, ct).ConfigureAwait(false);
            return new ProcessingOutcome(ProcessingKind.Poison, blob.Name, docKey, Error: ex.Message);
        }
        catch (Exception inner) when (inner is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return new ProcessingOutcome(ProcessingKind.Poison, blob.Name, docKey, Error: ex.Message) { Recorded = false };
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Processed {BlobName} ({DocKey}): {Status}, year {Pk}")]
    private static partial void LogProcessed(ILogger logger, string blobName, string docKey, string status, string pk);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transient fault, attempt {Attempt}: {Type}: {Error}")]
    private static partial void LogRetry(ILogger logger, int attempt, string type, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Poison: {BlobName} after {Attempts} attempts: {Type}: {Error}")]
    private static partial void LogPoison(ILogger logger, string blobName, int attempts, string type, string error);
}
