using System.Collections.Concurrent;
using System.Threading.Channels;
using Disclosure.Pipeline.Configuration;
using Disclosure.Pipeline.Cosmos;
using Disclosure.Pipeline.Processing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Disclosure.Pipeline.Hosting;

/// <summary>
/// The local host's trigger: scans the reports container the way the Functions scan-based blob trigger does, and hands
/// each new or changed blob (by ETag) to <see cref="ReportProcessingService"/> with bounded parallelism. At start it
/// creates what the emulators lose (the container, the Cosmos database and containers): the local host's bootstrap. Receipts live in
/// Cosmos (the service checks them); this class keeps only an in-memory cache of ETags already handled, for the blobs of the last listing. On shutdown it
/// stops scanning and lets in-flight reports finish.
/// </summary>
public sealed partial class BlobPollingService(
    IReportSource reports,
    ReportProcessingService processor,
    CosmosBootstrap bootstrap,
    PipelineOptions options,
    TimeProvider time,
    ILogger<BlobPollingService> logger) : BackgroundService
{
    /// <summary>Pause while workers still have queued blobs (another listing would find nothing new and only load storage).</summary>
    private static readonly TimeSpan BacklogPause = TimeSpan.FromMilliseconds(50);

    /// <summary>Start-up waits this long between attempts, up to <see cref="PrepareAttempts"/> times: the emulators may still be starting.</summary>
    private static readonly TimeSpan PreparePause = TimeSpan.FromSeconds(1);

    private const int PrepareAttempts = 30;

    private readonly ConcurrentDictionary<string, string> _handled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);
    private long _processedCount;

    /// <summary>Outcomes so far (processed, failed, skipped, poison), for the bench command and logs.</summary>
    public long ProcessedCount => Interlocked.Read(ref _processedCount);

    /// <summary>Blobs whose current ETag is known to be handled (the in-memory cache; receipts in Cosmos are the record).</summary>
    internal int CachedCount => _handled.Count;

    /// <summary>Blobs queued or being processed right now.</summary>
    internal int InFlightCount => _inFlight.Count;

    /// <summary>Raised after each blob is handled (used by the bench command to time upload→stored result).</summary>
    public event Action<ProcessingOutcome>? Handled;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await PrepareAsync(stoppingToken).ConfigureAwait(false);
        LogStarted(logger, reports.Name, options.MaxParallelism, (int)options.PollInterval.TotalMilliseconds);

        var channel = Channel.CreateBounded<BlobRef>(new BoundedChannelOptions(options.MaxParallelism * 4) { SingleWriter = true });
        // Workers finish what they took even after stop is requested; only waiting for new work is cancelled.
        var workers = Enumerable.Range(0, options.MaxParallelism).Select(_ => Task.Run(() => WorkAsync(channel.Reader, stoppingToken))).ToArray();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await ScanAsync(channel.Writer, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogScanFailed(logger, ex.GetType().Name, ex.Message);
                }

                await Task.Delay(options.PollInterval, time, stoppingToken).ConfigureAwait(false);
                while (channel.Reader.Count > 0)
                {
                    await Task.Delay(BacklogPause, time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Graceful shutdown.
        }
        finally
        {
            channel.Writer.TryComplete();
            await Task.WhenAll(workers).ConfigureAwait(false);
            LogStopped(logger, ProcessedCount);
        }
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await reports.EnsureExistsAsync(ct).ConfigureAwait(false);
                await bootstrap.EnsureCreatedLocallyAsync(ct).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (attempt < PrepareAttempts && !ct.IsCancellationRequested)
            {
                LogPrepareRetry(logger, attempt, ex.Message);
                await Task.Delay(PreparePause, time, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task ScanAsync(ChannelWriter<BlobRef> writer, CancellationToken ct)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in reports.ListAsync(ct).ConfigureAwait(false))
        {
            listed.Add(blob.Name);
            if (_handled.TryGetValue(blob.Name, out var done) && done == blob.ETag)
            {
                continue;
            }

            if (!_inFlight.TryAdd(blob.Name, 0))
            {
                continue;
            }

            await writer.WriteAsync(blob, ct).ConfigureAwait(false);
        }

        // The cache holds the blobs of the last complete listing only: deleted blobs leave it, so it never outgrows the container.
        foreach (var name in _handled.Keys.Where(n => !listed.Contains(n)))
        {
            _handled.TryRemove(name, out _);
        }
    }

    /// <summary>
    /// Processes queued blobs. Stopping (SIGTERM, Ctrl+C) cancels the documents in flight — their readers and child
    /// processes observe the token — and records nothing for them, so the next start offers them again: cancelled, not lost.
    /// </summary>
    private async Task WorkAsync(ChannelReader<BlobRef> reader, CancellationToken stoppingToken)
    {
        await foreach (var blob in reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                var outcome = await processor.ProcessAsync(blob, stoppingToken).ConfigureAwait(false);
                if (outcome.Recorded && outcome.Kind != ProcessingKind.Gone)
                {
                    _handled[blob.Name] = blob.ETag;
                }

                Interlocked.Increment(ref _processedCount);
                Handled?.Invoke(outcome);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                LogCancelled(logger, blob.Name);
            }
            catch (Exception ex)
            {
                // Not recorded: the next scan offers the blob again.
                LogWorkerFailed(logger, blob.Name, ex.GetType().Name, ex.Message);
            }
            finally
            {
                _inFlight.TryRemove(blob.Name, out _);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching container {Container}: {Parallelism} in parallel, scan every {IntervalMs} ms")]
    private static partial void LogStarted(ILogger logger, string container, int parallelism, int intervalMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped after {Count} blobs handled")]
    private static partial void LogStopped(ILogger logger, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scan failed: {Type}: {Error}")]
    private static partial void LogScanFailed(ILogger logger, string type, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage or Cosmos not ready (attempt {Attempt}): {Error}")]
    private static partial void LogPrepareRetry(ILogger logger, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: {BlobName} cancelled, offered again at the next start")]
    private static partial void LogCancelled(ILogger logger, string blobName);

    [LoggerMessage(Level = LogLevel.Error, Message = "Worker failed on {BlobName}: {Type}: {Error}")]
    private static partial void LogWorkerFailed(ILogger logger, string blobName, string type, string error);
}
