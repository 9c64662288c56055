using System.Net;
using System.Net.Sockets;
using Disclosure.Integration.Tests.Infrastructure;
using Disclosure.Pipeline.Processing;

namespace Disclosure.Integration.Tests;

/// <summary>Transient faults that outlast the attempts: the blob is recorded as poison once and not retried for that ETag.</summary>
[Collection(EmulatorFixture.Collection)]
public sealed class PoisonTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task Storage_unreachable_beyond_the_attempts_records_poison_and_the_blob_is_not_retried_for_that_etag()
    {
        // A real fault, not a mock: the blob endpoint is a port nobody listens on; Cosmos is the real emulator.
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var deadPort = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var h = new PipelineHarness(emulators, "poison", new Dictionary<string, string?>
        {
            ["ReportsStorage"] = emulators.StorageConnectionString.Replace($":{emulators.BlobPort}/", $":{deadPort}/", StringComparison.Ordinal),
            ["Pipeline__MaxAttempts"] = "2",
        });
        await h.Cosmos.EnsureCreatedAsync();

        var blob = new BlobRef("unreachable.txt", "0x8DC0FFEE", 1234, DateTimeOffset.UtcNow);
        var outcome = await h.Processor.ProcessAsync(blob, CancellationToken.None);

        Assert.Equal(ProcessingKind.Poison, outcome.Kind);
        Assert.True(outcome.Recorded);
        var receipt = await h.Receipts.GetAsync(DocumentKeys.DocKey("unreachable.txt"), CancellationToken.None);
        Assert.Equal(Receipt.States.Poison, receipt?.State);
        Assert.Equal(2, receipt?.Attempts);
        Assert.False(string.IsNullOrEmpty(receipt?.Error));
        Assert.Empty(await h.AllResultsAsync());

        // Seen again with the same ETag: left alone (a new upload, i.e. a new ETag, is processed again).
        Assert.Equal(ProcessingKind.AlreadyProcessed, (await h.Processor.ProcessAsync(blob, CancellationToken.None)).Kind);
    }
}
