using Disclosure.Core.Contract;
using Spectre.Console;

namespace Disclosure.Cli.Output;

/// <summary>Human-readable rendering of results: a header per report and its findings as a table, in colour.</summary>
public static class ResultPrinter
{
    public static void Print(IAnsiConsole console, ReportResult result)
    {
        var status = result.Status switch
        {
            ResultStatus.Passed => "[green]passed 通过[/]",
            ResultStatus.Findings => result.MaxSeverity() == Severity.Error ? "[red]findings 有错误[/]" : "[yellow]findings 有提示[/]",
            _ => "[red bold]failed 处理失败[/]",
        };

        console.WriteLine();
        console.MarkupLine($"[bold]{TerminalText.Markup(result.Source.Name)}[/]  {status}");
        var report = result.Report;
        console.MarkupLine(
            $"  机关 agency: [cyan]{TerminalText.Markup(report.Agency ?? "?")}[/]   年度 year: [cyan]{report.Year?.ToString() ?? "?"}[/]   " +
            $"格式 template: [cyan]{TerminalText.Markup(report.Template ?? "?")}[/]   文件 format: {TerminalText.Markup(result.Source.Format)}" +
            (result.Source.Ocr ? " (OCR)" : string.Empty) + $"   单元格 cells: {result.Cells.Count}");

        if (result.Status == ResultStatus.Failed)
        {
            console.MarkupLine($"  [red]{TerminalText.Markup(result.ErrorCode ?? "FAILED")}[/]: {TerminalText.Markup(result.Error ?? string.Empty)}");
            return;
        }

        if (result.Findings.Count == 0)
        {
            console.MarkupLine("  [green]未发现问题 no findings[/]");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn("级别");
        table.AddColumn("代码 code");
        table.AddColumn(new TableColumn("说明 message"));
        table.AddColumn("单元格 cells");
        foreach (var f in result.Findings)
        {
            var cells = f.Cells.Count == 0 ? string.Empty : string.Join(", ", f.Cells.Take(3)) + (f.Cells.Count > 3 ? $" …(+{f.Cells.Count - 3})" : string.Empty);
            table.AddRow(
                new Markup(SeverityMarkup(f.Severity)),
                new Text(TerminalText.Clean(f.Code)),
                new Text(TerminalText.Clean(f.Message)),
                new Text(TerminalText.Clean(cells)));
        }

        console.Write(table);
    }

    public static void PrintSummary(IAnsiConsole console, IReadOnlyList<ReportResult> results)
    {
        console.WriteLine();
        var passed = results.Count(r => r.Status == ResultStatus.Passed);
        var findings = results.Count(r => r.Status == ResultStatus.Findings);
        var failed = results.Count(r => r.Status == ResultStatus.Failed);
        console.MarkupLine($"[bold]{results.Count} reports[/]: [green]{passed} passed[/], [yellow]{findings} with findings[/], [red]{failed} failed[/]");
    }

    public static string SeverityMarkup(Severity severity) => severity switch
    {
        Severity.Error => "[red]error 错误[/]",
        Severity.Warning => "[yellow]warning 提示[/]",
        _ => "[grey]info[/]",
    };
}
