using Disclosure.Cli.Commands;
using Disclosure.Pipeline;
using Disclosure.Core.Contract;
using Disclosure.Core.Engine;

namespace Disclosure.Tests.YearOverYear;

/// <summary>`disclosure check DRAFT --previous LAST_YEAR`: the draft gets the same cross-year findings as on arrival.</summary>
public sealed class CheckPreviousTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("disclosure-previous-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_draft_checked_against_last_years_report_gets_the_cross_year_findings()
    {
        var engine = DisclosureComposition.CreateEngine(new ReadLimits());
        var lastPath = Path.Combine(_dir, "2023.txt");
        var draftPath = Path.Combine(_dir, "draft-2024.txt");
        await File.WriteAllTextAsync(lastPath, CrossYearTests.Last().Build());
        await File.WriteAllTextAsync(draftPath, CrossYearTests.Wrong2024().Build());

        var previous = await PreviousReport.LoadAsync(engine, lastPath, CancellationToken.None);
        Assert.NotNull(previous);
        var draft = previous.Compare(await FileAnalysis.AnalyzeFileAsync(engine, draftPath, CancellationToken.None));

        // The same findings the pipeline adds on arrival for the same pair.
        var onArrival = Disclosure.Core.Comparison.YearOverYearComparer.Apply(
            await FileAnalysis.AnalyzeFileAsync(engine, draftPath, CancellationToken.None), previous.Result);
        Assert.Equal(ResultJson.Serialize(onArrival), ResultJson.Serialize(draft));
        Assert.Equal(2, draft.Findings.Count(f => f.Code == FindingCodes.CarryoverMismatch));
        Assert.Equal(1, CheckCommand.ExitCode([draft], "error"));
    }

    [Fact]
    public async Task A_previous_report_that_cannot_be_read_is_refused()
    {
        var engine = DisclosureComposition.CreateEngine(new ReadLimits());
        var junk = Path.Combine(_dir, "junk.txt");
        await File.WriteAllBytesAsync(junk, []);
        Assert.Null(await PreviousReport.LoadAsync(engine, junk, CancellationToken.None));
        Assert.Null(await PreviousReport.LoadAsync(engine, Path.Combine(_dir, "missing.txt"), CancellationToken.None));
    }
}
