using Disclosure.Core.Engine;
using Disclosure.Corpus;

namespace Disclosure.Tests.Ocr;

/// <summary>
/// The scan path end to end on committed corpus reports: each text-layer PDF is rasterised at 300 dpi, rotated, blurred
/// and made noisy into an image-only PDF, then read and scored as the accuracy command scores (cells exact, misreads
/// flagged, planted inconsistencies found, no alarm on a consistent report).
/// </summary>
public sealed class ScanAccuracyTests
{
    [Theory]
    [InlineData("gen-11-001-err", 0.8, 5)]
    [InlineData("seed-004", -1.2, 6)]
    public async Task A_scanned_report_reads_its_cells_and_flags_every_misread(string name, double degrees, int seed)
    {
        OcrTestPaths.RequireTool("pdftoppm");
        var dir = Directory.CreateTempSubdirectory("scan-accuracy-").FullName;
        try
        {
            var expected = Path.Combine(dir, name + ".expected.json");
            File.Copy(Path.Combine(OcrTestPaths.Corpus, name + ".expected.json"), expected);
            File.Copy(Path.Combine(OcrTestPaths.Corpus, name + ".values.txt"), Path.Combine(dir, name + ".values.txt"));
            var scan = Path.Combine(dir, name + ".scan.pdf");
            Converters.PdfToScanPdf(Path.Combine(OcrTestPaths.Corpus, name + ".pdf"), scan, 300, degrees, seed);
            var limits = new ReadLimits();
            var readers = Accuracy.Readers(limits).GroupBy(r => r.Format).ToDictionary(g => g.Key, g => g.Last());

            var (score, entry) = await Accuracy.ScoreAsync(expected, "scan", scan, readers, new ReportEngine(readers.Values, limits));

            var detail = entry.ToJsonString();
            Assert.Equal(0, score.Failed);
            Assert.Equal(0, score.WrongGuessed);
            Assert.True(score.Exact >= 0.995 * score.Cells, $"{score.Exact}/{score.Cells} exact: {detail}");
            // A planted error is found, or (a cell of its identity read with doubt) reported as doubtful instead of as an error.
            Assert.Equal(score.Planted, score.PlantedFound + score.PlantedFlagged);
            Assert.Equal(0, score.UnexplainedAlarms);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
