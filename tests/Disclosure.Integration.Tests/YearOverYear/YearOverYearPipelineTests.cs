using System.Text.Json.Nodes;
using Disclosure.Core.Contract;
using Disclosure.Integration.Tests.Infrastructure;
using Disclosure.Pipeline.Processing;

namespace Disclosure.Integration.Tests.YearOverYear;

/// <summary>
/// Year over year in the pipeline, on Azurite and the Cosmos emulator: a report compared on arrival with the agency's
/// stored previous-year report, and a previous-year report arriving late re-checking the one already stored.
/// </summary>
[Collection(EmulatorFixture.Collection)]
public sealed class YearOverYearPipelineTests(EmulatorFixture emulators)
{
    private const string LastBlob = "2023/三门峡经济开发区.txt";
    private const string ThisBlob = "2024/三门峡经济开发区.txt";

    private string Seed004 => File.ReadAllText(Path.Combine(emulators.SharedDirectory, "seeds", "004_cbc979190ed8f941.txt"));

    /// <summary>
    /// The agency's 2024 report: the real 2023 report (seed 004) with its year moved on, narrative otherwise unchanged
    /// (雷同), and 2 applications carried over from 2023 although 2023 carried none forward (balance kept).
    /// </summary>
    private string Report2024() => Seed004.Replace("2023", "2024", StringComparison.Ordinal)
        .Replace("二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0", "二、上年结转政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2", StringComparison.Ordinal)
        .Replace("四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0", "四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2", StringComparison.Ordinal);

    [Fact]
    public async Task A_late_predecessor_re_checks_the_stored_report_and_its_alert_once()
    {
        Assert.Contains("上年结转政府信息公开申请数量\t\t2", Report2024(), StringComparison.Ordinal);
        await using var h = new PipelineHarness(emulators, "yoy");
        await h.InitializeAsync();

        // 2024 arrives first: nothing to compare with yet.
        await h.Container.UploadBlobAsync(ThisBlob, BinaryData.FromString(Report2024()));
        var first = await h.Processor.ProcessAsync(ThisBlob, CancellationToken.None);
        Assert.Equal(ProcessingKind.Processed, first.Kind);
        var docKey = DocumentKeys.DocKey(ThisBlob);
        var before = ResultDocuments.ToResult((await h.Results.GetAsync(docKey, "2024", CancellationToken.None))!)!;
        Assert.Null(before.YearOverYear);
        Assert.DoesNotContain(before.Findings, f => f.Code is FindingCodes.CarryoverMismatch or FindingCodes.CopiedText);
        Assert.Empty(await h.AllAlertsAsync());
        Assert.NotNull(before.Narrative);

        // 2023 arrives late: the stored 2024 result is re-checked against it.
        await h.Container.UploadBlobAsync(LastBlob, BinaryData.FromString(Seed004));
        Assert.Equal(ProcessingKind.Processed, (await h.Processor.ProcessAsync(LastBlob, CancellationToken.None)).Kind);

        var storedDoc = (await h.Results.GetAsync(docKey, "2024", CancellationToken.None))!;
        var after = ResultDocuments.ToResult(storedDoc)!;
        Assert.Equal(LastBlob, after.YearOverYear?.PreviousName);
        var carry = after.Findings.Where(f => f.Code == FindingCodes.CarryoverMismatch).ToList();
        Assert.Equal(["t3.carried_over.natural", "t3.carried_over.total"], carry.SelectMany(f => f.Cells).Order(StringComparer.Ordinal).ToList());
        Assert.All(carry, f => Assert.Equal((0m, 2m), (f.Expected!.Value, f.Actual!.Value)));
        Assert.Contains(after.Findings, f => f.Code == FindingCodes.CopiedText);
        Assert.Contains(after.Findings, f => f.Code == FindingCodes.TextReuse);
        Assert.Equal(ThisBlob, (string?)storedDoc["blobName"]); // storage fields kept

        // Its alert now carries the carry-over error (the result had none before).
        var alert = Assert.Single(await h.AllAlertsAsync());
        Assert.Equal(DocumentKeys.ReportAlertId(docKey, after.Source.Sha256), alert.Id);
        Assert.Contains(alert.Findings, f => f.Code == FindingCodes.CarryoverMismatch);

        // The 2023 result has no predecessor and is unchanged by the re-check of its successor.
        var last = ResultDocuments.ToResult((await h.Results.GetAsync(DocumentKeys.DocKey(LastBlob), "2023", CancellationToken.None))!)!;
        Assert.Null(last.YearOverYear);

        // Idempotent: the same step again, and the same blobs again, change nothing.
        await h.CrossYear.AfterStoreAsync(last, DocumentKeys.DocKey(LastBlob), CancellationToken.None);
        Assert.Equal(ProcessingKind.AlreadyProcessed, (await h.Processor.ProcessAsync(LastBlob, CancellationToken.None)).Kind);
        var again = (await h.Results.GetAsync(docKey, "2024", CancellationToken.None))!;
        Assert.True(JsonNode.DeepEquals(Strip(storedDoc), Strip(again)));
        Assert.Equal((string?)storedDoc["_etag"], (string?)again["_etag"]); // not even rewritten
        Assert.Single(await h.AllAlertsAsync());
    }

    [Fact]
    public async Task A_report_whose_predecessor_is_stored_is_compared_on_arrival()
    {
        await using var h = new PipelineHarness(emulators, "yoy-arrival");
        await h.InitializeAsync();
        await h.Container.UploadBlobAsync(LastBlob, BinaryData.FromString(Seed004));
        await h.Processor.ProcessAsync(LastBlob, CancellationToken.None);
        await h.Container.UploadBlobAsync(ThisBlob, BinaryData.FromString(Report2024()));
        await h.Processor.ProcessAsync(ThisBlob, CancellationToken.None);

        var stored = ResultDocuments.ToResult((await h.Results.GetAsync(DocumentKeys.DocKey(ThisBlob), "2024", CancellationToken.None))!)!;
        Assert.Equal(2, stored.Findings.Count(f => f.Code == FindingCodes.CarryoverMismatch));
        var alert = Assert.Single(await h.AllAlertsAsync());
        Assert.Contains(alert.Findings, f => f.Code == FindingCodes.CarryoverMismatch);
    }

    /// <summary>Cosmos system properties (_etag, _ts …) change on every write; the comparison is of the document itself.</summary>
    private static JsonObject Strip(JsonObject doc)
    {
        var copy = doc.DeepClone().AsObject();
        foreach (var key in copy.Select(kv => kv.Key).Where(k => k.StartsWith('_')).ToList())
        {
            copy.Remove(key);
        }

        return copy;
    }
}
