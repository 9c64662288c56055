using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Disclosure.Pipeline.Alerts;
using Disclosure.Pipeline.Configuration;
using Disclosure.Pipeline.Cosmos;
using Disclosure.Pipeline.Review;
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
    private readonly IReportSource _reports;
    private readonly ReportEngine _engine;
    private readonly IResultStore _results;
    private readonly IReceiptStore _receipts;
    private readonly IAlertSink _alerts;
    private readonly PipelineOptions _options;
    private readonly AlertOptions _alertOptions;
    private readonly TimeProvider _time;
    private readonly ILogger<ReportProcessingService> _logger;
    private readonly ResiliencePipeline _retry;
    private readonly ReviewPageWriter? _reviewPages;
    private readonly YearOverYear.CrossYearStep? _crossYear;
    private readonly Registry.OcrAgencyStep? _ocrAgency;

    public ReportProcessingService(IReportSource reports, ReportEngine engine, IResultStore results, IReceiptStore receipts,
        IAlertSink alerts, PipelineOptions options, AlertOptions alertOptions, TimeProvider time,
        ILogger<ReportProcessingService> logger, ReviewPageWriter? reviewPages = null, YearOverYear.CrossYearStep? crossYear = null,
        Registry.OcrAgencyStep? ocrAgency = null)
    {
        _ocrAgency = ocrAgency;
        _reviewPages = reviewPages;
        _crossYear = crossYear;
        _reports = reports;
        _engine = engine;
        _results = results;
        _receipts = receipts;
        _alerts = alerts;
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
                // The database and containers exist before processing starts (infra/ in Azure, the local host's start-up
                // locally): a missing one is not transient, and re-creating it here would fail under data-plane RBAC anyway.
                OnRetry = args =>
                {
                    var ex = args.Outcome.Exception!;
                    LogRetry(_logger, args.AttemptNumber + 1, ErrorText(ex));
                    return ValueTask.CompletedTask;
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
                    return await _reports.GetAsync(blobName, ct).ConfigureAwait(false);
                }
                catch (ReportRefusedException)
                {
                    // The name is refused by the store: the download is refused too, and records the failure.
                    return new BlobRef(blobName, "", 0, null);
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
        LayoutDocument? layout = null;
        ReadOnlyMemory<byte> bytes = default;
        if (given is null && blob.Size > _options.MaxBytes)
        {
            // Not downloaded at all: the size from the listing is enough to refuse it.
            result = ReportEngine.Failed(new SourceInfo(blob.Name, DocumentKeys.Sha256Hex(System.Text.Encoding.UTF8.GetBytes("etag:" + blob.ETag)), "unknown", null, false) { Bytes = blob.Size },
                FailureCodes.TooLarge, $"文件过大：{blob.Size:N0} 字节，上限 {_options.MaxBytes:N0} 字节（file too large）");
        }
        else
        {
            ReadOnlyMemory<byte>? content = given;
            ReportRefusedException? refused = null;
            if (content is null)
            {
                ReportDownload? downloaded = null;
                try
                {
                    // One byte over the limit is read, so a report that grew since it was listed is seen to be too large.
                    downloaded = await _reports.DownloadAsync(blob, _options.MaxBytes + 1, ct).ConfigureAwait(false);
                    if (downloaded is null)
                    {
                        return new ProcessingOutcome(ProcessingKind.Gone, blob.Name, docKey);
                    }
                }
                catch (ReportRefusedException ex)
                {
                    refused = ex;
                }

                if (downloaded is not null)
                {
                    content = downloaded.Content;
                    blob = blob with { Metadata = blob.Metadata ?? downloaded.Metadata };
                }
            }

            if (refused is not null || content is null)
            {
                result = DownloadFailure(blob, refused!);
                return await StoreAsync(blob, receipt, result, null, default, attempt, ct).ConfigureAwait(false);
            }

            var sha = DocumentKeys.Sha256Hex(content.Value.Span);
            if (receipt is not null && receipt.ContentSha256 == sha && receipt.State is Receipt.States.Processed or Receipt.States.Failed)
            {
                // Same bytes under a new ETag (re-upload): the stored result already holds; remember the new ETag only.
                await _receipts.UpsertAsync(receipt with { ETag = blob.ETag, UpdatedAt = _time.GetUtcNow() }, ct).ConfigureAwait(false);
                return new ProcessingOutcome(ProcessingKind.SameContent, blob.Name, docKey, receipt.ResultPk);
            }

            bytes = content.Value;
            (result, layout) = content.Value.Length > _options.MaxBytes
                ? (ReportEngine.Failed(new SourceInfo(blob.Name, sha, "unknown", null, false) { Bytes = content.Value.Length }, FailureCodes.TooLarge,
                    $"文件过大：超过上限 {_options.MaxBytes:N0} 字节（file too large）"), null)
                : await AnalyzeAsync(blob.Name, content.Value, ct).ConfigureAwait(false);
        }

        return await StoreAsync(blob, receipt, result, layout, bytes, attempt, ct).ConfigureAwait(false);
    }

    /// <summary>Stores the result, its alert and the receipt (in this order: the receipt last, so a crash redoes the work).</summary>
    private async Task<ProcessingOutcome> StoreAsync(BlobRef blob, Receipt? receipt, ReportResult result, LayoutDocument? layout, ReadOnlyMemory<byte> bytes,
        int attempt, CancellationToken ct)
    {
        var docKey = DocumentKeys.DocKey(blob.Name);
        if (_ocrAgency is not null)
        {
            // Before the cross-year step: the agency's previous report is found under the name as matched.
            result = await _ocrAgency.ApplyAsync(result, ct).ConfigureAwait(false);
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
        await _results.RecordYearAsync(pk, ct).ConfigureAwait(false);
        if (result.Report.Agency is { } agency && result.Report.Year is not null && result.Status != ResultStatus.Failed)
        {
            await _results.UpsertAgencyPointerAsync(DocumentKeys.AgencyKey(agency), pk, docKey, blob.Name, ct).ConfigureAwait(false);
        }

        if (_crossYear is not null)
        {
            await _crossYear.AfterStoreAsync(result, docKey, ct).ConfigureAwait(false);
        }

        var reviewUrl = _reviewPages is null ? null : await _reviewPages.WriteAsync(result, layout, bytes, docKey, now, ct).ConfigureAwait(false);
        string? alertId = null;
        if (ReportAlerts.For(result, blob.Name, docKey, pk, _alertOptions.MinSeverity, now) is { } alert)
        {
            alertId = (await _alerts.RaiseAsync(alert with { ReviewUrl = reviewUrl?.AbsoluteUri }, ct).ConfigureAwait(false)).Id;
        }

        if (receipt is { ContentSha256: { Length: >= 16 } oldSha, ResultPk: { } oldAlertPk } && oldSha != result.Source.Sha256)
        {
            // Other content under the same name: the old content's alert no longer describes the blob (announced once).
            await _alerts.ResolveByIdAsync(DocumentKeys.ReportAlertId(docKey, oldSha), oldAlertPk, now, ct).ConfigureAwait(false);
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

    private async Task<(ReportResult Result, LayoutDocument? Layout)> AnalyzeAsync(string name, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        try
        {
            return await _engine.AnalyzeWithLayoutAsync(name, content, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The engine promises not to throw for bad input; a bug still becomes a failed result, not a lost report.
            var sha = DocumentKeys.Sha256Hex(content.Span);
            return (ReportEngine.Failed(new SourceInfo(name, sha, "unknown", null, false) { Bytes = content.Length }, FailureCodes.EngineError,
                $"引擎错误：{ErrorText(ex)}"), null);
        }
    }

    private static ReportResult DownloadFailure(BlobRef blob, ReportRefusedException ex) =>
        ReportEngine.Failed(new SourceInfo(blob.Name, DocumentKeys.Sha256Hex(System.Text.Encoding.UTF8.GetBytes("download:" + blob.Name + ":" + blob.ETag)), "unknown", null, false)
            { Bytes = blob.Size },
            FailureCodes.DownloadFailed,
            $"无法下载该文件：存储服务拒绝（HTTP {ex.Status} {ReportEngine.Printable(ex.ErrorCode ?? "")}）；请检查文件名后重新上传（download refused by the storage service）");

    /// <summary>
    /// An exception as it reaches a result, a receipt or a log: its type and message, bounded and without control
    /// characters (a message can quote a blob name or document bytes; see docs/hostile-input.md).
    /// </summary>
    internal static string ErrorText(Exception ex) => ReportEngine.Printable($"{ex.GetType().Name}: {ex.Message}");

    private async Task<ProcessingOutcome> RecordPoisonAsync(BlobRef blob, Exception ex, CancellationToken ct, int attempts = 0)
    {
        var docKey = DocumentKeys.DocKey(blob.Name);
        var error = ErrorText(ex);
        LogPoison(_logger, blob.Name, attempts, error);
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
                Error = error,
                UpdatedAt = _time.GetUtcNow(),
            }, ct).ConfigureAwait(false);
            return new ProcessingOutcome(ProcessingKind.Poison, blob.Name, docKey, Error: error);
        }
        catch (Exception inner) when (inner is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return new ProcessingOutcome(ProcessingKind.Poison, blob.Name, docKey, Error: error) { Recorded = false };
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Processed {BlobName} ({DocKey}): {Status}, year {Pk}")]
    private static partial void LogProcessed(ILogger logger, string blobName, string docKey, string status, string pk);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transient fault, attempt {Attempt}: {Error}")]
    private static partial void LogRetry(ILogger logger, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Poison: {BlobName} after {Attempts} attempts: {Error}")]
    private static partial void LogPoison(ILogger logger, string blobName, int attempts, string error);
}
