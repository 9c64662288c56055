using System.CommandLine;
using Disclosure.Cli.Output;
using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using Spectre.Console;

namespace Disclosure.Cli.Commands;

/// <summary>`disclosure check &lt;file|folder&gt;...`: audit reports on disk, as a person reads them or as JSON.</summary>
public static class CheckCommand
{
    public static Command Create(Func<ReportEngine> engineFactory)
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Report files or folders (searched recursively)." };
        var json = new Option<bool>("--json") { Description = "Print the contract's result object (one per line for several files)." };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit code 1 when a report has a finding of this severity or worse (failed reports always count): error|warning|never.",
            DefaultValueFactory = _ => "error",
        };
        failOn.AcceptOnlyFromAmong("error", "warning", "never");
        var html = new Option<string?>("--html") { Description = "Write a review page per report and an index page (index.html) into this folder." };
        var previous = new Option<string?>("--previous")
        {
            Description = "The agency's published report of the year before (any supported format): adds the cross-year findings " +
                          "(CARRYOVER_MISMATCH, IN_FORCE_MISMATCH) and the copied-text shares (COPIED_TEXT, TEXT_REUSE).",
        };

        var registry = new Option<string?>("--registry")
        {
            Description = "Agency registry (CSV or JSON, as `registry import` takes): an agency name read by OCR is matched against it " +
                          "(report.agencyMatch: the name as read, the name matched, the distance).",
        };

        var command = new Command("check", "Audit 政府信息公开工作年度报告 files: extract the tables, validate, print findings.") { paths, json, failOn, html, previous, registry };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = FileAnalysis.Expand(parse.GetValue(paths)!, out var missing);
            foreach (var m in missing)
            {
                Console.Error.WriteLine($"disclosure: not found: {m}");
            }

            if (files.Count == 0)
            {
                Console.Error.WriteLine("disclosure: no files to check");
                return 2;
            }

            var engine = engineFactory();
            // Adds the cross-year findings when a previous report is given; otherwise the result as read.
            Func<ReportResult, ReportResult> compare = result => result;
            if (parse.GetValue(previous) is { } previousPath)
            {
                var last = await PreviousReport.LoadAsync(engine, previousPath, cancellationToken);
                if (last is null)
                {
                    return 2;
                }

                compare = last.Compare;
            }

            if (parse.GetValue(registry) is { } registryPath)
            {
                if (await RegistryCommand.LoadMatcherAsync(registryPath, cancellationToken) is not { } matcher)
                {
                    return 2;
                }

                var compareRead = compare;
                compare = result => compareRead(Disclosure.Sweep.OcrAgencyNames.Apply(result, matcher, registryYear: null));
            }

            var pages = parse.GetValue(html) is { } dir ? new Review.HtmlReviewOutput(dir, TimeProvider.System) : null;
            Func<string, Task<ReportResult>> analyze = pages is null
                ? async file => compare(await FileAnalysis.AnalyzeFileAsync(engine, file, cancellationToken))
                : file => pages.AnalyzeAndWriteAsync(engine, file, cancellationToken, compare);
            var results = await RunAsync(analyze, files, parse.GetValue(json), showProgress: files.Count > 1 && !parse.GetValue(json));
            if (pages is not null)
            {
                var index = await pages.WriteIndexAsync(cancellationToken);
                (parse.GetValue(json) ? Console.Error : Console.Out).WriteLine($"审阅页 review pages: {index.AbsoluteUri}");
            }

            var code = ExitCode(results, parse.GetValue(failOn)!);
            return missing.Count > 0 && code == 0 ? 2 : code;
        });
        return command;
    }

    private static async Task<List<ReportResult>> RunAsync(Func<string, Task<ReportResult>> analyze, IReadOnlyList<string> files, bool json, bool showProgress)
    {
        var results = new List<ReportResult>(files.Count);
        if (json)
        {
            foreach (var file in files)
            {
                var result = await analyze(file);
                results.Add(result);
                Console.Out.WriteLine(ResultJson.Serialize(result, indented: files.Count == 1));
            }

            return results;
        }

        if (showProgress)
        {
            await AnsiConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("检查报告 checking", maxValue: files.Count);
                    foreach (var file in files)
                    {
                        results.Add(await analyze(file));
                        task.Increment(1);
                    }
                });
        }
        else
        {
            foreach (var file in files)
            {
                results.Add(await analyze(file));
            }
        }

        foreach (var result in results)
        {
            ResultPrinter.Print(AnsiConsole.Console, result);
        }

        if (results.Count > 1)
        {
            ResultPrinter.PrintSummary(AnsiConsole.Console, results);
        }

        return results;
    }

    public static int ExitCode(IEnumerable<ReportResult> results, string failOn)
    {
        if (failOn == "never")
        {
            return 0;
        }

        var threshold = failOn == "warning" ? Severity.Warning : Severity.Error;
        return results.Any(r => r.Status == ResultStatus.Failed || r.MaxSeverity() >= threshold) ? 1 : 0;
    }
}
