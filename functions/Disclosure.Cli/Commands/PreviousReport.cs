using Disclosure.Core.Comparison;
using Disclosure.Core.Contract;
using Disclosure.Core.Engine;

namespace Disclosure.Cli.Commands;

/// <summary>`check --previous`: the agency's report of the year before, read once, compared with each report checked.</summary>
public sealed class PreviousReport(ReportResult last)
{
    public ReportResult Result => last;

    /// <summary>Reads the previous report; null (with the reason on stderr) when it is missing or could not be read.</summary>
    public static async Task<PreviousReport?> LoadAsync(ReportEngine engine, string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"disclosure: --previous not found: {path}");
            return null;
        }

        var result = await FileAnalysis.AnalyzeFileAsync(engine, path, cancellationToken);
        if (result.Status == ResultStatus.Failed)
        {
            await Console.Error.WriteLineAsync($"disclosure: --previous could not be read ({result.ErrorCode}): {result.Error}");
            return null;
        }

        return new PreviousReport(result);
    }

    /// <summary>
    /// The same comparison the pipeline makes on arrival. A previous report of another year than the one before is still
    /// compared (the user chose it), with a note on stderr, since the carry-over figures then mean little.
    /// </summary>
    public ReportResult Compare(ReportResult draft)
    {
        if (draft.Report.Year is { } y && last.Report.Year is { } p && p != y - 1)
        {
            Console.Error.WriteLine($"disclosure: note: {draft.Source.Name} is for {y}, --previous {last.Source.Name} for {p} (expected {y - 1})");
        }

        if (draft.Report.Agency is { } a && last.Report.Agency is { } b && !string.Equals(a, b, StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"disclosure: note: {draft.Source.Name} is by {a}, --previous {last.Source.Name} by {b}");
        }

        return YearOverYearComparer.Apply(draft, last);
    }
}
