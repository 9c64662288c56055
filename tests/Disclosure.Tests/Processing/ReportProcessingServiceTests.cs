using System.Net;
using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using Disclosure.Pipeline.Alerts;
using Disclosure.Pipeline.Configuration;
using Disclosure.Pipeline.Processing;
using Disclosure.Readers;
using Disclosure.Testing.Fakes;
using Disclosure.Tests.Support;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;

namespace Disclosure.Tests.Processing;

/// <summary>
/// The steps of <see cref="ReportProcessingService"/> on in-memory adapters (tests/Disclosure.Testing/Fakes): receipt,
/// size guard, bounded download, analysis, stores, alert, poison, superseded content, refused download. The same flow
/// on the real emulators is tested in tests/Disclosure.Integration.Tests.
/// </summary>
public sealed class ReportProcessingServiceTests
{
    private static readonly DateTimeOffset Uploaded = new(2024, 3, 1, 2, 0, 0, TimeSpan.Zero);

    private readonly InMemoryReportSource _reports = new();
    private readonly InMemoryResultStore _results = new();
    private readonly InMemoryReceiptStore _receipts = new();
    private readonly InMemoryAlertStore _alertStore = new();
    private readonly RecordingAlertPublisher _published = new();
    private readonly FixedClock _time = new(new DateTimeOffset(2024, 3, 2, 0, 0, 0, TimeSpan.Zero));

    private static byte[] Seed => File.ReadAllBytes(Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).First());

    /// <summary>Bytes no reader accepts: a failed result (UNSUPPORTED_FORMAT or CORRUPT) with an alert.</summary>
    private static byte[] Garbage => [0x00, 0xFF, 0x13, 0x37, 0x00, 0x01, 0x02, 0x03, 0xFE, 0x00, 0x00, 0x9C];

    private ReportProcessingService Service(long maxBytes = PipelineOptions.DefaultMaxBytes, int maxAttempts = 3)
    {
        var limits = new ReadLimits { MaxBytes = maxBytes };
        // Retries wait on the clock's timers, which are real (FixedClock fixes only the time read), so they are a millisecond.
        var options = new PipelineOptions { MaxBytes = maxBytes, MaxAttempts = maxAttempts, RetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(1) };
        var sink = new AlertSink(_alertStore, _published, NullLogger<AlertSink>.Instance);
        return new ReportProcessingService(_reports, new ReportEngine(ReaderRegistry.CreateDefault(limits), limits), _results, _receipts, sink,
            options, new AlertOptions(), _time, NullLogger<ReportProcessingService>.Instance);
    }

    [Fact]
    public async Task A_report_is_analysed_stored_and_receipted_and_the_same_ETag_again_changes_nothing()
    {
        var blob = _reports.Put("2023/a.txt", Seed, Uploaded);
        var service = Service();

        var first = await service.ProcessAsync(blob, CancellationToken.None);
        var expected = await new ReportEngine(ReaderRegistry.CreateDefault(new ReadLimits())).AnalyzeAsync("2023/a.txt", Seed);
        Assert.Equal(ProcessingKind.Processed, first.Kind);
        var stored = Assert.Single(_results.Results);
        Assert.Equal(DocumentKeys.DocKey("2023/a.txt"), (string?)stored["id"]);
        Assert.Equal(DocumentKeys.YearKey(expected.Report.Year), (string?)stored["pk"]);
        Assert.Equal(expected.Source.Sha256, (string?)stored["source"]?["sha256"]);
        Assert.Contains(DocumentKeys.YearKey(expected.Report.Year), _results.Years);
        var receipt = _receipts[first.DocKey]!;
        Assert.Equal((blob.ETag, Receipt.States.Processed, expected.Source.Sha256, 1), (receipt.ETag, receipt.State, receipt.ContentSha256, receipt.Attempts));
        Assert.Equal(_time.GetUtcNow(), receipt.UpdatedAt);

        var again = await service.ProcessAsync(blob, CancellationToken.None);
        Assert.Equal(ProcessingKind.AlreadyProcessed, again.Kind);
        Assert.Equal(1, _reports.Downloads);
    }

    [Fact]
    public async Task The_same_bytes_under_a_new_ETag_only_move_the_receipt()
    {
        var service = Service();
        await service.ProcessAsync(_reports.Put("a.txt", Seed, Uploaded), CancellationToken.None);
        var before = Assert.Single(_results.Results).ToJsonString();

        var reupload = _reports.Put("a.txt", Seed, Uploaded.AddHours(1));
        var outcome = await service.ProcessAsync(reupload, CancellationToken.None);

        Assert.Equal(ProcessingKind.SameContent, outcome.Kind);
        Assert.Equal(reupload.ETag, _receipts[outcome.DocKey]!.ETag);
        Assert.Equal(before, Assert.Single(_results.Results).ToJsonString());
    }

    [Fact]
    public async Task A_listed_size_over_the_limit_is_refused_without_a_download()
    {
        var blob = _reports.Put("big.txt", new byte[2048], Uploaded);
        var outcome = await Service(maxBytes: 1024).ProcessAsync(blob, CancellationToken.None);

        Assert.Equal(ProcessingKind.Failed, outcome.Kind);
        Assert.Equal(0, _reports.Downloads);
        Assert.Equal(FailureCodes.TooLarge, (string?)Assert.Single(_results.Results)["errorCode"]);
        var alert = Assert.Single(_alertStore.All);
        Assert.Equal((AlertEventTypes.ReportFailed, FailureCodes.TooLarge), (alert.EventType, alert.Code));
        Assert.Equal(Receipt.States.Failed, _receipts[outcome.DocKey]!.State);
    }

    [Fact]
    public async Task A_report_that_grew_since_it_was_listed_is_read_only_one_byte_past_the_limit()
    {
        var listed = _reports.Put("grew.txt", new byte[4096], Uploaded) with { Size = 10 };
        var outcome = await Service(maxBytes: 1024).ProcessAsync(listed, CancellationToken.None);

        Assert.Equal(ProcessingKind.Failed, outcome.Kind);
        Assert.Equal(1, _reports.Downloads);
        var result = Assert.Single(_results.Results);
        Assert.Equal(FailureCodes.TooLarge, (string?)result["errorCode"]);
        // Bounded download: the adapter was asked for MaxBytes + 1 bytes, and that is what was hashed and kept.
        Assert.Equal(1025, (long?)result["source"]?["bytes"]);
    }

    [Fact]
    public async Task A_report_deleted_or_replaced_after_the_listing_is_gone_and_nothing_is_stored()
    {
        var service = Service();
        var deleted = _reports.Put("deleted.txt", Seed, Uploaded);
        _reports.Delete("deleted.txt");
        var replaced = _reports.Put("replaced.txt", Seed, Uploaded);
        _reports.Put("replaced.txt", Garbage, Uploaded.AddMinutes(1));

        Assert.Equal(ProcessingKind.Gone, (await service.ProcessAsync(deleted, CancellationToken.None)).Kind);
        Assert.Equal(ProcessingKind.Gone, (await service.ProcessAsync(replaced, CancellationToken.None)).Kind);
        Assert.Equal(ProcessingKind.Gone, (await service.ProcessAsync("never-uploaded.txt", CancellationToken.None)).Kind);
        Assert.Empty(_results.Results);
        Assert.Null(_receipts[DocumentKeys.DocKey("deleted.txt")]);
    }

    [Fact]
    public async Task Unreadable_content_is_a_failed_result_with_one_published_alert()
    {
        var service = Service();
        var blob = _reports.Put("bad.bin", Garbage, Uploaded);
        var outcome = await service.ProcessAsync("bad.bin", CancellationToken.None);

        Assert.Equal(ProcessingKind.Failed, outcome.Kind);
        var result = Assert.Single(_results.Results);
        Assert.Equal("failed", (string?)result["status"]);
        var alert = Assert.Single(_alertStore.All);
        Assert.Equal(outcome.AlertId, alert.Id);
        Assert.True(alert.Published);
        Assert.Equal(alert.Id, Assert.Single(_published.Published).Id);

        // Processing again (a redelivery) publishes nothing more.
        Assert.Equal(ProcessingKind.AlreadyProcessed, (await service.ProcessAsync(blob, CancellationToken.None)).Kind);
        Assert.Single(_published.Published);
    }

    [Fact]
    public async Task New_content_under_the_same_name_resolves_the_old_contents_alert()
    {
        var service = Service();
        var failed = await service.ProcessAsync(_reports.Put("r.txt", Garbage, Uploaded), CancellationToken.None);
        Assert.Equal(AlertStatuses.Open, Assert.Single(_alertStore.All).Status);

        var fixedReport = await service.ProcessAsync(_reports.Put("r.txt", Seed, Uploaded.AddDays(1)), CancellationToken.None);

        Assert.Equal(ProcessingKind.Processed, fixedReport.Kind);
        var old = Assert.Single(_alertStore.All, a => a.Id == failed.AlertId);
        Assert.Equal(AlertStatuses.Resolved, old.Status);
        Assert.Equal(_time.GetUtcNow(), old.ResolvedAt);
        // One result per blob: the failed one (pk "unknown") was replaced by the readable one.
        Assert.Single(_results.Results);
    }

    [Fact]
    public async Task A_refused_download_is_a_failed_DOWNLOAD_FAILED_result_not_a_poison_receipt()
    {
        _reports.Put("../evil.txt", Seed, Uploaded);
        _reports.Refuse("../evil.txt", 400);

        var outcome = await Service().ProcessAsync("../evil.txt", CancellationToken.None);

        Assert.Equal(ProcessingKind.Failed, outcome.Kind);
        var result = Assert.Single(_results.Results);
        Assert.Equal(FailureCodes.DownloadFailed, (string?)result["errorCode"]);
        Assert.Contains("HTTP 400", (string?)result["error"], StringComparison.Ordinal);
        Assert.Equal(FailureCodes.DownloadFailed, Assert.Single(_alertStore.All).Code);
        Assert.Equal(Receipt.States.Failed, _receipts[outcome.DocKey]!.State);
    }

    [Fact]
    public async Task A_transient_fault_is_retried_and_then_the_report_goes_through()
    {
        var faults = 2;
        _results.Fault = op => op == "upsert" && faults-- > 0 ? new CosmosException("throttled", HttpStatusCode.TooManyRequests, 0, "", 0) : null;

        var outcome = await Service(maxAttempts: 3).ProcessAsync(_reports.Put("a.txt", Seed, Uploaded), CancellationToken.None);

        Assert.Equal(ProcessingKind.Processed, outcome.Kind);
        Assert.Equal(3, _receipts[outcome.DocKey]!.Attempts);
    }

    [Fact]
    public async Task Faults_that_outlast_every_attempt_leave_a_poison_receipt_with_a_clean_bounded_error()
    {
        var hostile = "disk\u001b]0;owned\u0007 gone " + new string('x', 2000);
        _results.Fault = op => op == "upsert" ? new IOException(hostile) : null;

        var outcome = await Service(maxAttempts: 3).ProcessAsync(_reports.Put("a.txt", Seed, Uploaded), CancellationToken.None);

        Assert.Equal(ProcessingKind.Poison, outcome.Kind);
        Assert.True(outcome.Recorded);
        var receipt = _receipts[outcome.DocKey]!;
        Assert.Equal((Receipt.States.Poison, 3), (receipt.State, receipt.Attempts));
        Assert.StartsWith("IOException: disk]0;owned gone", receipt.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(receipt.Error!, char.IsControl);
        Assert.True(receipt.Error!.Length <= 300, $"error text of {receipt.Error.Length} characters");
        Assert.Equal(receipt.Error, outcome.Error);
    }

    [Fact]
    public async Task A_missing_container_is_not_transient_one_attempt_and_no_re_creation()
    {
        _results.Fault = op => op == "upsert" ? new CosmosException("NotFound: container", HttpStatusCode.NotFound, 0, "", 0) : null;

        var outcome = await Service(maxAttempts: 5).ProcessAsync(_reports.Put("a.txt", Seed, Uploaded), CancellationToken.None);

        Assert.Equal(ProcessingKind.Poison, outcome.Kind);
        Assert.Equal(1, _receipts[outcome.DocKey]!.Attempts);
    }

    [Fact]
    public async Task When_not_even_the_poison_record_can_be_written_the_outcome_says_so()
    {
        _receipts.Fault = _ => new TimeoutException("store unreachable");

        var outcome = await Service(maxAttempts: 2).ProcessAsync(_reports.Put("a.txt", Seed, Uploaded), CancellationToken.None);

        Assert.Equal(ProcessingKind.Poison, outcome.Kind);
        Assert.False(outcome.Recorded);
        Assert.Null(_receipts[outcome.DocKey]);
    }

    [Fact]
    public async Task Content_handed_over_by_a_trigger_is_not_downloaded()
    {
        var blob = _reports.Put("bound.txt", Seed, Uploaded);
        var outcome = await Service().ProcessAsync(blob, Seed, CancellationToken.None);

        Assert.Equal(ProcessingKind.Processed, outcome.Kind);
        Assert.Equal(0, _reports.Downloads);
    }

    [Fact]
    public void Error_text_is_bounded_and_free_of_control_characters()
    {
        var text = ReportProcessingService.ErrorText(new InvalidOperationException("a\u001b[2Jb\r\nc\u0000" + new string('y', 5000)));
        Assert.StartsWith("InvalidOperationException: a[2Jbc", text, StringComparison.Ordinal);
        Assert.DoesNotContain(text, char.IsControl);
        Assert.True(text.Length <= 300);
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.Gone, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData((HttpStatusCode)449, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.Conflict, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.InternalServerError, false)]
    public void Cosmos_faults_are_transient_as_the_SDK_documents(HttpStatusCode status, bool transient) =>
        Assert.Equal(transient, TransientFaults.IsTransient(new CosmosException("x", status, 0, "", 0), CancellationToken.None));

    [Fact]
    public async Task Garbage_is_really_unreadable()
    {
        // Guards the other tests: if a reader ever accepted these bytes, the failure tests would test nothing.
        var result = await new ReportEngine(ReaderRegistry.CreateDefault(new ReadLimits())).AnalyzeAsync("bad.bin", Garbage);
        Assert.Equal(ResultStatus.Failed, result.Status);
    }

    /// <summary>The time read is fixed (stored timestamps are checked); waits and timers are the system's.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
