using Disclosure.Core.Contract;
using Disclosure.Corpus;
using Disclosure.Integration.Tests.Infrastructure;
using Disclosure.Pipeline.Processing;
using Disclosure.Sweep;

namespace Disclosure.Integration.Tests.Sweep;

/// <summary>
/// Report processing on the emulators matches an agency name read by OCR against the stored registry of the report's
/// year (OcrAgencyStep in the hosts' composition), and leaves names read from a text layer alone.
/// </summary>
[Collection(EmulatorFixture.Collection)]
public sealed class OcrAgencyPipelineTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task A_scanned_reports_agency_is_matched_against_the_registry_of_its_year()
    {
        var database = "ocr-agency-" + Guid.NewGuid().ToString("N")[..8];
        await using var h = new SweepHarness(emulators, database);
        await h.Cosmos.EnsureCreatedAsync();
        var work = Directory.CreateTempSubdirectory("ocr-agency-");
        try
        {
            // The report prints 南阳市宛城区教育局 (tests/corpus/gen-11-000, a 2019 report). The registry of 2019 spells the
            // district one character differently, as if the print were the misreading: the nearest registry name is one
            // edit away and its sibling three, so the scan's name is matched and corrected to the registry's form.
            await h.Registry.ReplaceAsync(2019,
            [
                new Agency("wc-edu", "南阳市苑城区教育局", [], "河南省南阳市", AgencyLevel.Department, null),
                new Agency("wc-mz", "南阳市苑城区民政局", [], "河南省南阳市", AgencyLevel.Department, null),
            ]);
            var pdf = Path.Combine(emulators.RepoRoot, "tests", "corpus", "gen-11-000.pdf");
            var scan = Path.Combine(work.FullName, "gen-11-000.scan.pdf");
            Converters.PdfToScanPdf(pdf, scan, 300, 0.5, 3);
            await h.Reports.CreateIfNotExistsAsync();
            await h.Reports.UploadBlobAsync("2019/scan.pdf", BinaryData.FromBytes(await File.ReadAllBytesAsync(scan)));
            await h.Reports.UploadBlobAsync("2019/text.pdf", BinaryData.FromBytes(await File.ReadAllBytesAsync(pdf)));

            var scanned = await StoredAsync(h, "2019/scan.pdf");
            Assert.True(scanned.Source.Ocr);
            var match = scanned.Report.AgencyMatch;
            Assert.NotNull(match);
            Assert.Equal(("南阳市苑城区教育局", "wc-edu", 2019), (match!.Matched, match.AgencyId, match.RegistryYear));
            Assert.InRange(match.Distance!.Value, 1, OcrAgencyNames.MaxEdits);
            Assert.Equal("南阳市苑城区教育局", scanned.Report.Agency);
            Assert.Contains("宛", match.Read, StringComparison.Ordinal);

            // The text layer's name is what the agency wrote: never matched by distance, never changed.
            var text = await StoredAsync(h, "2019/text.pdf");
            Assert.False(text.Source.Ocr);
            Assert.Null(text.Report.AgencyMatch);
            Assert.Equal("南阳市宛城区教育局", text.Report.Agency);
        }
        finally
        {
            work.Delete(recursive: true);
            await h.Cosmos.Database.DeleteAsync();
            await h.Reports.DeleteIfExistsAsync();
        }
    }

    private static async Task<ReportResult> StoredAsync(SweepHarness h, string blob)
    {
        var outcome = await h.Processor.ProcessAsync(blob, CancellationToken.None);
        Assert.Equal(ProcessingKind.Processed, outcome.Kind);
        var document = await h.Results.GetAsync(outcome.DocKey, outcome.ResultPk!, CancellationToken.None);
        return ResultDocuments.ToResult(document!)!;
    }
}
