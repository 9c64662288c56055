using Disclosure.Core.Engine;
using Disclosure.Pipeline.Alerts;
using Disclosure.Pipeline.Configuration;
using Disclosure.Pipeline.Cosmos;
using Disclosure.Pipeline.Hosting;
using Disclosure.Pipeline.Processing;
using Disclosure.Readers;
using Disclosure.Testing.Fakes;
using Disclosure.Tests.Support;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;

namespace Disclosure.Tests.Processing;

/// <summary>The local host's trigger on the report-source port: each (name, ETag) handed over once, new versions again.</summary>
public sealed class BlobPollingServiceTests
{
    [Fact]
    public async Task Each_listed_version_is_processed_once_and_a_new_version_again()
    {
        var reports = new InMemoryReportSource();
        var receipts = new InMemoryReceiptStore();
        var limits = new ReadLimits();
        var options = new PipelineOptions { MaxParallelism = 2, PollInterval = TimeSpan.FromMilliseconds(5) };
        var processor = new ReportProcessingService(reports, new ReportEngine(ReaderRegistry.CreateDefault(limits), limits), new InMemoryResultStore(), receipts,
            new AlertSink(new InMemoryAlertStore(), new RecordingAlertPublisher(), NullLogger<AlertSink>.Instance), options, new AlertOptions(),
            TimeProvider.System, NullLogger<ReportProcessingService>.Instance);
        // Not the emulator: the start-up bootstrap leaves Cosmos alone (the client is never called).
        using var client = new CosmosClient("https://cosmos.invalid:443/", LocalHost.EmulatorKey);
        var poller = new BlobPollingService(reports, processor, new CosmosBootstrap(client, "db"), options, TimeProvider.System,
            NullLogger<BlobPollingService>.Instance);
        var seeds = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).Take(3).Select(File.ReadAllBytes).ToArray();
        var handled = new System.Collections.Concurrent.ConcurrentQueue<ProcessingOutcome>();
        var three = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var four = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        poller.Handled += o =>
        {
            handled.Enqueue(o);
            if (handled.Count >= 3)
            {
                three.TrySetResult();
            }

            if (handled.Count >= 4)
            {
                four.TrySetResult();
            }
        };

        for (var i = 0; i < 3; i++)
        {
            reports.Put($"r{i}.txt", seeds[i], DateTimeOffset.UnixEpoch);
        }

        await poller.StartAsync(CancellationToken.None);
        try
        {
            // Upper bounds only, so that a broken poller fails instead of hanging; nothing is timed.
            await three.Task.WaitAsync(TimeSpan.FromMinutes(2));
            reports.Put("r0.txt", seeds[1], DateTimeOffset.UnixEpoch.AddDays(1));
            await four.Task.WaitAsync(TimeSpan.FromMinutes(2));
        }
        finally
        {
            await poller.StopAsync(CancellationToken.None);
        }

        Assert.True(reports.Ensured);
        Assert.Equal(new[] { "r0.txt", "r0.txt", "r1.txt", "r2.txt" }, handled.Select(o => o.BlobName).Order(StringComparer.Ordinal));
        Assert.All(handled.Take(3), o => Assert.Equal(ProcessingKind.Processed, o.Kind));
        Assert.Equal(4, poller.ProcessedCount);
        Assert.Equal(reports.Downloads, handled.Count);
        Assert.Equal(Receipt.States.Processed, receipts[DocumentKeys.DocKey("r0.txt")]!.State);
    }
}
