using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Disclosure.Core.Contract;
using Disclosure.Pipeline.Sweep;
using Disclosure.Sweep;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Disclosure.Cli.Commands;

/// <summary>`disclosure sweep --year Y`: the annual compliance sweep on demand (same runner as the schedule).</summary>
public static class SweepCommand
{
    public static Command Create()
    {
        var year = new Option<int>("--year") { Description = "Report year to sweep (reports published in the following year)", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON" };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Also write the HTML report, CSV and JSON to this folder" };
        var command = new Command("sweep", "Annual compliance sweep: missing, late, unmatched and cross-year-inconsistent reports") { year, json, output };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = SweepCliServices.Build();
            var runner = services.GetRequiredService<SweepRunner>();
            var y = parse.GetValue(year);
            var result = await runner.RunAsync(y, ct);
            switch (result.Status)
            {
                case SweepRunStatus.Busy:
                    Console.Error.WriteLine($"sweep: another sweep is running (lease on {services.GetRequiredService<SweepOptions>().LockContainer}/{BlobSweepLock.BlobName}); try again later");
                    return 3;
                case SweepRunStatus.NoRegistry:
                    Console.Error.WriteLine($"sweep: no agency registry for {y}; import one first: disclosure registry import <file.csv|json> --year {y}");
                    return 2;
            }

            var outcome = result.Outcome!;
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            if (parse.GetValue(output) is { } dir)
            {
                dir.Create();
                await File.WriteAllTextAsync(Path.Combine(dir.FullName, $"sweep-{y}.html"), SweepHtmlRenderer.Render(outcome, now), ct);
                await File.WriteAllTextAsync(Path.Combine(dir.FullName, $"sweep-{y}.csv"), SweepCsv.Write(outcome), ct);
                await File.WriteAllTextAsync(Path.Combine(dir.FullName, $"sweep-{y}.json"), JsonSerializer.Serialize(outcome.Summary, ResultJson.Indented), ct);
            }

            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(outcome.Summary, ResultJson.Indented));
                return 0;
            }

            Print(result);
            return 0;
        });
        return command;
    }

    private static void Print(SweepRunResult result)
    {
        var s = result.Outcome!.Summary;
        var table = new Table().Title($"{s.Year}年度年报检查").AddColumns("地区", "应报", "已报", "未发布", "逾期", "结转不一致", "现行有效不衔接", "存在错误", "过时模板", "合规率");
        foreach (var (region, c) in s.Regions.Append(new KeyValuePair<string, SweepCounts>("合计", s.Overall)))
        {
            table.AddRow(Markup.Escape(region), I(c.Expected), I(c.Reported), I(c.Missing), I(c.Late), I(c.CarryoverMismatch), I(c.InForceMismatch),
                I(c.WithOpenErrors), I(c.TemplateOutdated), c.ComplianceRate.ToString("0.0", CultureInfo.InvariantCulture) + "%");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"无法匹配单位的报告: {s.Unmatched.Count}; 新告警: {result.AlertsRaised}/{result.AlertsTotal}; 用时 {result.Elapsed.TotalSeconds:0.0} s");
        foreach (var location in result.Outputs)
        {
            AnsiConsole.WriteLine(location);
        }
    }

    private static string I(int n) => n.ToString(CultureInfo.InvariantCulture);
}
