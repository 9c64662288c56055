using Azure.Storage.Blobs;
using Disclosure.Integration.Tests.Infrastructure;
using Disclosure.Pipeline.Processing;
using Disclosure.Pipeline.Review;
using Disclosure.Pipeline.Storage;

namespace Disclosure.Integration.Tests.Review;

/// <summary>The pipeline writes each report's review page beside its result, and the alert and its CloudEvent link to it (Azurite SAS).</summary>
[Collection(EmulatorFixture.Collection)]
public sealed class ReviewPagePipelineTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task The_alert_of_a_report_with_errors_links_to_its_page_and_the_link_opens_it()
    {
        await using var listener = await HttpsEventListener.StartAsync();
        var pages = "review-" + Guid.NewGuid().ToString("N")[..8];
        var settings = listener.TopicSettings();
        settings["Review__Container"] = pages;
        settings["Review__LinkDays"] = "2";
        await using var h = new PipelineHarness(emulators, "review", settings);
        await h.InitializeAsync();
        const string name = "2024/某区教育局/年报.html";
        var bytes = await File.ReadAllBytesAsync(Path.Combine(emulators.RepoRoot, "tests", "corpus", "gen-11-001-err.html"));
        await h.Container.UploadBlobAsync(name, BinaryData.FromBytes(bytes));

        var outcome = await h.Processor.ProcessAsync(name, CancellationToken.None);
        Assert.Equal(ProcessingKind.Processed, outcome.Kind);
        var alert = await h.Alerts.GetAsync(outcome.AlertId!, outcome.ResultPk!, CancellationToken.None);
        Assert.NotNull(alert?.ReviewUrl);

        // The page blob is there, named from the result id and the content it was made from.
        var sha = DocumentKeys.Sha256Hex(bytes);
        var blob = new BlobServiceClient(emulators.StorageConnectionString, BlobClientFactory.Options())
            .GetBlobContainerClient(pages).GetBlobClient(BlobReviewPageStore.PageName(outcome.DocKey, sha));
        Assert.True((await blob.ExistsAsync()).Value);
        var url = new Uri(alert.ReviewUrl!);
        Assert.Equal(blob.Uri.AbsolutePath, url.AbsolutePath);

        // The link opens the page with no credential but its own read-only signature; the bare URL does not.
        using var http = new HttpClient();
        using var response = await http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET review link: {(int)response.StatusCode}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-code=\"T4_TOTAL\"", html);
        Assert.Contains("<td class=\"c m-error\" id=\"c-t4-suit_after_review-total\"", html);
        Assert.Contains("sp=r", url.Query);
        var expiry = System.Web.HttpUtility.ParseQueryString(url.Query)["se"];
        Assert.InRange(DateTimeOffset.Parse(expiry!, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddDays(2).AddMinutes(-10), DateTimeOffset.UtcNow.AddDays(2).AddMinutes(10));
        using var bare = await http.GetAsync(blob.Uri);
        Assert.False(bare.IsSuccessStatusCode);

        // The CloudEvent carries the same link.
        await PipelineHarness.WaitUntilAsync(() => Task.FromResult(!listener.Received.IsEmpty), TimeSpan.FromSeconds(30), "the alert's CloudEvent");
        var data = listener.Received.Single().Body.AsArray().Single()!["data"]!;
        Assert.Equal(alert.ReviewUrl, (string?)data["reviewUrl"]);
    }
}
