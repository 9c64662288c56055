using System.Text.Json.Nodes;
using Disclosure.Core.Contract;
using Disclosure.Integration.Tests.Infrastructure;
using Disclosure.Pipeline.Processing;

namespace Disclosure.Integration.Tests;

/// <summary>PDF (text layer), DOCX, HTML and a scanned image go through the same pipeline as text, OCR included.</summary>
[Collection(EmulatorFixture.Collection)]
public sealed class DocumentFormatsPipelineTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task Pdf_docx_html_and_image_uploads_are_processed_end_to_end()
    {
        var files = new (string Blob, string Path)[]
        {
            ("2023/seed-004.pdf", Path.Combine(emulators.RepoRoot, "tests", "corpus", "seed-004.pdf")),
            ("2019/seed-001.docx", Path.Combine(emulators.RepoRoot, "tests", "corpus", "seed-001.docx")),
            ("2019/seed-001.html", Path.Combine(emulators.RepoRoot, "tests", "corpus", "seed-001.html")),
            ("scans/table2.png", Path.Combine(emulators.RepoRoot, "tests", "Disclosure.Tests", "Ocr", "Fixtures", "table2.png")),
        };

        await using var h = new PipelineHarness(emulators, "formats");
        await h.InitializeAsync();
        foreach (var (blob, path) in files)
        {
            await h.Container.UploadBlobAsync(blob, BinaryData.FromBytes(await File.ReadAllBytesAsync(path)));
        }

        await h.StartHostAsync();
        await PipelineHarness.WaitUntilAsync(async () => (await h.AllResultsAsync()).Count == files.Length, TimeSpan.FromSeconds(180), "4 results");

        var stored = (await h.AllResultsAsync()).ToDictionary(d => (string)d["blobName"]!);
        foreach (var (blob, path) in files)
        {
            var expected = await h.Engine.AnalyzeAsync(blob, await File.ReadAllBytesAsync(path));
            var diff = JsonEquivalence.FirstDifference(JsonNode.Parse(ResultJson.Serialize(expected)), ResultDocuments.ToContract(stored[blob]));
            Assert.True(diff is null, $"{blob}: stored result differs from the engine's: {diff}");
        }

        Assert.Equal("pdf", (string?)stored["2023/seed-004.pdf"]["source"]?["format"]);
        Assert.Equal("passed", (string?)stored["2023/seed-004.pdf"]["status"]);
        Assert.Equal(1m, (decimal?)stored["2023/seed-004.pdf"]["cells"]?["t4.review.total"]);
        Assert.Equal("docx", (string?)stored["2019/seed-001.docx"]["source"]?["format"]);
        Assert.Equal(4m, (decimal?)stored["2019/seed-001.docx"]["cells"]?["t3.new_received.total"]);
        Assert.Equal("html", (string?)stored["2019/seed-001.html"]["source"]?["format"]);
        Assert.Equal("image", (string?)stored["scans/table2.png"]["source"]?["format"]);
        Assert.True((bool?)stored["scans/table2.png"]["source"]?["ocr"], "the image was OCR'd");
    }
}
