using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Models;
using Disclosure.Core.Contract;
using Disclosure.Integration.Tests.Infrastructure;
using Disclosure.Pipeline.Alerts;
using Disclosure.Pipeline.Processing;

namespace Disclosure.Integration.Tests;

/// <summary>The event-driven pipeline end to end on Azurite and the Cosmos emulator: upload, poll, process, store, alert.</summary>
[Collection(EmulatorFixture.Collection)]
public sealed class PipelineTests(EmulatorFixture emulators)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    private string[] Seeds => Directory.GetFiles(Path.Combine(emulators.SharedDirectory, "seeds"), "*.txt").Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task Seeds_yield_the_engine_results_alerts_only_for_discrepancies_and_a_second_upload_adds_nothing()
    {
        await using var h = new PipelineHarness(emulators, "seeds");
        await h.InitializeAsync();
        Assert.Equal(5, Seeds.Length);
        foreach (var seed in Seeds)
        {
            await h.Container.UploadBlobAsync(Path.GetFileName(seed), BinaryData.FromBytes(await File.ReadAllBytesAsync(seed)));
        }

        await h.StartHostAsync();
        await PipelineHarness.WaitUntilAsync(async () => (await h.AllResultsAsync()).Count == 5, Wait, "5 results");
        await PipelineHarness.WaitUntilAsync(() => Task.FromResult(h.Outcomes.Count >= 5), Wait, "5 outcomes");

        var expectedAlerts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var seed in Seeds)
        {
            var name = Path.GetFileName(seed);
            var expected = await h.Engine.AnalyzeAsync(name, await File.ReadAllBytesAsync(seed));
            var docKey = DocumentKeys.DocKey(name);
            var stored = await h.Results.GetAsync(docKey, DocumentKeys.YearKey(expected.Report.Year), CancellationToken.None);
            Assert.NotNull(stored);
            var diff = JsonEquivalence.FirstDifference(JsonNode.Parse(ResultJson.Serialize(expected)), ResultDocuments.ToContract(stored));
            Assert.True(diff is null, $"{name}: stored result differs from the engine's: {diff}");
            Assert.Equal(name, (string?)stored["blobName"]);
            Assert.Equal(expected.Source.Sha256, (string?)stored["contentSha256"]);
            Assert.Equal("result", (string?)stored["type"]);
            if (expected.Report is { Agency: { } agency, Year: { } year } && expected.Status != ResultStatus.Failed)
            {
                // The agency-year pointer makes "this agency's report of year Y" (e.g. last year's) a point read.
                var byAgency = await h.Results.GetAgencyYearAsync(DocumentKeys.AgencyKey(agency), year, CancellationToken.None);
                Assert.Equal(docKey, (string?)byAgency?["id"]);
                Assert.Null(await h.Results.GetAgencyYearAsync(DocumentKeys.AgencyKey(agency), year - 1, CancellationToken.None));
            }

            if (expected.Status == ResultStatus.Failed || expected.MaxSeverity() >= Severity.Error)
            {
                expectedAlerts.Add(DocumentKeys.ReportAlertId(docKey, expected.Source.Sha256));
            }
        }

        var alerts = await h.AllAlertsAsync();
        Assert.Equal(expectedAlerts.Order(StringComparer.Ordinal), alerts.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.All(alerts, a => Assert.Equal(AlertStatuses.Open, a.Status));

        // Same files again: one re-uploaded with identical bytes (new ETag), one seen again by a direct call.
        var before = (await h.AllResultsAsync()).ToDictionary(d => (string)d["id"]!, d => (string?)d["processedAt"]);
        var first = Seeds[0];
        await h.Container.GetBlobClient(Path.GetFileName(first)).UploadAsync(BinaryData.FromBytes(await File.ReadAllBytesAsync(first)), overwrite: true);
        await PipelineHarness.WaitUntilAsync(() => Task.FromResult(h.Outcomes.Any(o => o.Kind == ProcessingKind.SameContent)), Wait, "re-upload seen");
        var again = await h.Processor.ProcessAsync(Path.GetFileName(Seeds[1]), CancellationToken.None);
        Assert.Equal(ProcessingKind.AlreadyProcessed, again.Kind);

        var after = (await h.AllResultsAsync()).ToDictionary(d => (string)d["id"]!, d => (string?)d["processedAt"]);
        Assert.Equal(before, after);
        Assert.Equal(alerts.Count, (await h.AllAlertsAsync()).Count);
    }

    [Fact]
    public async Task Corrupt_and_too_large_uploads_give_failed_results_and_alerts_while_the_others_are_processed()
    {
        await using var h = new PipelineHarness(emulators, "corrupt", new Dictionary<string, string?> { ["Pipeline__MaxBytes"] = "200000" });
        await h.InitializeAsync();
        var corrupt = new byte[4096];
        new Random(7).NextBytes(corrupt);
        corrupt[0] = 0; // binary garbage: no format detected
        await h.Container.UploadBlobAsync("坏/报告 (副本) ..%2e%2e x'; DROP--.pdf", BinaryData.FromBytes(corrupt));
        await h.Container.UploadBlobAsync("huge.txt", BinaryData.FromBytes(Encoding.UTF8.GetBytes(new string('报', 100_000))));
        foreach (var seed in Seeds.Take(2))
        {
            await h.Container.UploadBlobAsync("ok/" + Path.GetFileName(seed), BinaryData.FromBytes(await File.ReadAllBytesAsync(seed)));
        }

        await h.StartHostAsync();
        await PipelineHarness.WaitUntilAsync(async () => (await h.AllResultsAsync()).Count == 4, Wait, "4 results");

        var results = await h.AllResultsAsync();
        var bad = Assert.Single(results, r => (string?)r["blobName"] == "坏/报告 (副本) ..%2e%2e x'; DROP--.pdf");
        Assert.Equal("failed", (string?)bad["status"]);
        Assert.Equal("UNSUPPORTED_FORMAT", (string?)bad["errorCode"]);
        Assert.Matches("^[0-9a-f]{40}$", (string)bad["id"]!);
        var huge = Assert.Single(results, r => (string?)r["blobName"] == "huge.txt");
        Assert.Equal("TOO_LARGE", (string?)huge["errorCode"]);
        Assert.Equal(2, results.Count(r => ((string?)r["blobName"])!.StartsWith("ok/", StringComparison.Ordinal) && (string?)r["status"] != "failed"));

        var alerts = await h.AllAlertsAsync();
        Assert.Contains(alerts, a => a.BlobName == "坏/报告 (副本) ..%2e%2e x'; DROP--.pdf" && a.EventType == AlertEventTypes.ReportFailed && a.Code == "UNSUPPORTED_FORMAT");
        Assert.Contains(alerts, a => a.BlobName == "huge.txt" && a.Code == "TOO_LARGE");

        // The originals are untouched.
        var props = await h.Container.GetBlobClient("坏/报告 (副本) ..%2e%2e x'; DROP--.pdf").GetPropertiesAsync();
        Assert.Equal(4096, props.Value.ContentLength);
    }

    [Fact]
    public async Task Deleted_blobs_leave_the_pollers_cache_and_their_results_stay()
    {
        await using var h = new PipelineHarness(emulators, "prune");
        await h.InitializeAsync();
        var bytes = await File.ReadAllBytesAsync(Seeds[0]);
        for (var i = 0; i < 5; i++)
        {
            await h.Container.UploadBlobAsync($"prune/{i}.txt", BinaryData.FromBytes(bytes));
        }

        await h.StartHostAsync();
        await PipelineHarness.WaitUntilAsync(() => Task.FromResult(h.CachedBlobs == 5), Wait, "5 blobs cached");
        for (var i = 0; i < 4; i++)
        {
            await h.Container.DeleteBlobAsync($"prune/{i}.txt");
        }

        await PipelineHarness.WaitUntilAsync(() => Task.FromResult(h.CachedBlobs == 1), Wait, "cache pruned to the one blob left");
        Assert.Equal(5, (await h.AllResultsAsync()).Count(r => (string?)r["type"] == "result"));
    }

    [Fact]
    public async Task Cosmos_frozen_for_ten_seconds_mid_batch_loses_nothing()
    {
        await using var h = new PipelineHarness(emulators, "outage");
        await h.InitializeAsync();
        var bytes = await File.ReadAllBytesAsync(Seeds[0]);
        const int count = 120;
        await Parallel.ForAsync(0, count, async (i, ct) =>
            await h.Container.UploadBlobAsync($"batch/{i:D4}.txt", BinaryData.FromBytes(bytes), ct));

        await h.StartHostAsync();
        await PipelineHarness.WaitUntilAsync(() => Task.FromResult(h.Outcomes.Count >= 10), Wait, "first reports processed");
        emulators.SuspendCosmos();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
        }
        finally
        {
            emulators.ResumeCosmos();
        }

        await PipelineHarness.WaitUntilAsync(async () => (await h.AllResultsAsync()).Count(r => (string?)r["type"] == "result") == count,
            TimeSpan.FromSeconds(120), $"{count} results after the outage");
        var receipts = await Task.WhenAll(Enumerable.Range(0, count).Select(i => h.Receipts.GetAsync(DocumentKeys.DocKey($"batch/{i:D4}.txt"), CancellationToken.None)));
        Assert.All(receipts, r => Assert.Equal(Receipt.States.Processed, r?.State));
    }

    [Fact]
    public async Task A_burst_of_500_uploads_is_processed_exactly_once()
    {
        await using var h = new PipelineHarness(emulators, "burst");
        await h.InitializeAsync();
        var seeds = await Task.WhenAll(Seeds.Select(s => File.ReadAllBytesAsync(s)));
        const int count = 500;
        await h.StartHostAsync();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await h.Container.UploadBlobAsync($"burst/{i:D4}.txt", BinaryData.FromBytes(seeds[i % seeds.Length]), ct));

        await PipelineHarness.WaitUntilAsync(() => Task.FromResult(h.Outcomes.Count(o => o.Kind is ProcessingKind.Processed or ProcessingKind.Failed) >= count),
            TimeSpan.FromSeconds(120), $"{count} processed");
        await Task.Delay(TimeSpan.FromSeconds(1)); // a few more scans: nothing may be processed twice

        var effective = h.Outcomes.Where(o => o.Kind is ProcessingKind.Processed or ProcessingKind.Failed).ToList();
        Assert.Equal(count, effective.Count);
        Assert.Equal(count, effective.Select(o => o.BlobName).Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(h.Outcomes, o => o.Kind == ProcessingKind.Poison);
        var results = (await h.AllResultsAsync()).Where(r => (string?)r["type"] == "result").ToList();
        Assert.Equal(count, results.Count);
    }
}
