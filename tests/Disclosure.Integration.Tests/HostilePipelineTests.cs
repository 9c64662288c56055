using System.Text;
using Azure.Storage.Sas;
using Disclosure.Core.Engine;
using Disclosure.Integration.Tests.Infrastructure;
using Disclosure.Pipeline.Alerts;
using Disclosure.Pipeline.Processing;
using Disclosure.Testing;

namespace Disclosure.Integration.Tests;

/// <summary>
/// Every blob accounted for (issue 14), on Azurite and the Cosmos emulator: a blob whose download the service refuses,
/// content replaced under the same name, a host stopped while a document is being read, a report for year 2099.
/// </summary>
[Collection(EmulatorFixture.Collection)]
public sealed class HostilePipelineTests(EmulatorFixture emulators)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120);

    private string Seed => Directory.GetFiles(Path.Combine(emulators.SharedDirectory, "seeds"), "*.txt").Order(StringComparer.Ordinal).First();

    [Fact]
    public async Task A_blob_whose_download_is_refused_gets_a_failed_result_and_an_alert_under_its_name()
    {
        await using var h = new PipelineHarness(emulators, "refused");
        await h.InitializeAsync();

        // Stored through a raw request whose path keeps the dots escaped: Azurite lists it as "../../etc/passwd", and the
        // SDK's download of that name is normalised to another path, which Azurite answers with 400.
        const string name = "../../etc/passwd";
        var sas = h.Container.GenerateSasUri(BlobContainerSasPermissions.All, DateTimeOffset.UtcNow.AddHours(1));
        using (var http = new HttpClient())
        {
            var url = $"{sas.GetLeftPart(UriPartial.Path)}/%2E%2E/%2E%2E/etc/passwd{sas.Query}";
            using var put = new HttpRequestMessage(HttpMethod.Put, new Uri(url, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }))
            {
                Content = new ByteArrayContent(Encoding.UTF8.GetBytes("root:x:0:0")),
            };
            put.Headers.Add("x-ms-blob-type", "BlockBlob");
            put.Headers.Add("x-ms-version", "2025-01-05");
            var response = await http.SendAsync(put);
            Assert.True(response.IsSuccessStatusCode, $"upload: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var listed = new List<string>();
        await foreach (var item in h.Container.GetBlobsAsync())
        {
            listed.Add(item.Name);
        }

        Assert.Contains(name, listed);
        await h.StartHostAsync();
        await PipelineHarness.WaitUntilAsync(async () => (await h.AllResultsAsync()).Count == 1, Wait, "a result for the refused blob");

        var result = Assert.Single(await h.AllResultsAsync());
        Assert.Equal(name, (string?)result["blobName"]);
        Assert.Equal("failed", (string?)result["status"]);
        Assert.Equal(FailureCodes.DownloadFailed, (string?)result["errorCode"]);
        Assert.Matches("^[0-9a-f]{40}$", (string)result["id"]!);
        var alert = Assert.Single(await h.AllAlertsAsync());
        Assert.Equal(name, alert.BlobName);
        Assert.Equal(FailureCodes.DownloadFailed, alert.Code);
        var receipt = await h.Receipts.GetAsync(DocumentKeys.DocKey(name), CancellationToken.None);
        Assert.Equal(Receipt.States.Failed, receipt?.State);
    }

    [Fact]
    public async Task Content_replaced_under_the_same_name_resolves_the_old_alert()
    {
        await using var h = new PipelineHarness(emulators, "replaced");
        await h.InitializeAsync();
        var junk = new byte[2048];
        new Random(3).NextBytes(junk);
        junk[0] = 0;
        var blob = h.Container.GetBlobClient("report.txt");
        await blob.UploadAsync(BinaryData.FromBytes(junk));
        var first = await h.Processor.ProcessAsync("report.txt", CancellationToken.None);
        Assert.Equal(ProcessingKind.Failed, first.Kind);
        var oldAlertId = DocumentKeys.ReportAlertId(DocumentKeys.DocKey("report.txt"), DocumentKeys.Sha256Hex(junk));
        Assert.Equal(AlertStatuses.Open, Assert.Single(await h.AllAlertsAsync(), a => a.Id == oldAlertId).Status);

        var seed = await File.ReadAllBytesAsync(Seed);
        await blob.UploadAsync(BinaryData.FromBytes(seed), overwrite: true);
        var second = await h.Processor.ProcessAsync("report.txt", CancellationToken.None);
        Assert.NotEqual(ProcessingKind.Failed, second.Kind);

        var old = Assert.Single(await h.AllAlertsAsync(), a => a.Id == oldAlertId);
        Assert.Equal(AlertStatuses.Resolved, old.Status);
        Assert.NotNull(old.ResolvedAt);
        Assert.DoesNotContain(await h.AllAlertsAsync(), a => a.BlobName == "report.txt" && a.Status == AlertStatuses.Open && a.Code == "UNSUPPORTED_FORMAT");

        // Seen again: nothing changes, and the resolved alert is not announced twice.
        Assert.Equal(ProcessingKind.AlreadyProcessed, (await h.Processor.ProcessAsync("report.txt", CancellationToken.None)).Kind);
        Assert.Equal(old.ResolvedAt, Assert.Single(await h.AllAlertsAsync(), a => a.Id == oldAlertId).ResolvedAt);
    }

    [Fact]
    public async Task A_report_for_year_2099_is_listed()
    {
        await using var h = new PipelineHarness(emulators, "future");
        await h.InitializeAsync();
        var text = (await File.ReadAllTextAsync(Seed)).Replace("2020年", "2099年", StringComparison.Ordinal);
        await h.Container.UploadBlobAsync("future.txt", BinaryData.FromString(text));
        var outcome = await h.Processor.ProcessAsync("future.txt", CancellationToken.None);
        Assert.Equal("2099", outcome.ResultPk);

        var years = await h.Results.YearsAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Contains("2099", years);
        Assert.Contains(await h.AllResultsAsync(), r => (string?)r["blobName"] == "future.txt");
    }

    [Fact]
    public async Task Stopping_the_host_while_a_document_is_read_cancels_it_and_it_is_processed_later()
    {
        // A budget long enough that the stop comes first, short enough that the later run ends with it (TIMEOUT is a result).
        await using var h = new PipelineHarness(emulators, "sigterm", new Dictionary<string, string?> { ["Engine__DocumentTimeoutSeconds"] = "45" });
        await h.InitializeAsync();
        // Sixty blank scanned pages to OCR: minutes of work, so the stop certainly comes while it is being read.
        await h.Container.UploadBlobAsync("slow.pdf", BinaryData.FromBytes(PdfBuilder.Scanned(60)));
        await h.StartHostAsync();
        var docKey = DocumentKeys.DocKey("slow.pdf");
        await PipelineHarness.WaitUntilAsync(() => Task.FromResult(h.InFlightBlobs > 0), Wait, "the PDF taken by a worker");
        await Task.Delay(TimeSpan.FromSeconds(3)); // into the OCR of its pages

        // What SIGTERM does in the generic host; a guard against hanging, not a measurement.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await h.StopHostAsync().WaitAsync(guard.Token);

        Assert.Empty(h.Outcomes);
        Assert.Null(await h.Receipts.GetAsync(docKey, CancellationToken.None)); // nothing recorded: not poison, not failed
        Assert.Empty(await h.AllResultsAsync());

        // Later (a restart; here the processor directly) the blob gets its result: read, or failed by its time budget.
        var later = await h.Processor.ProcessAsync("slow.pdf", CancellationToken.None);
        Assert.NotEqual(ProcessingKind.Poison, later.Kind);
        Assert.Single(await h.AllResultsAsync());
    }
}
