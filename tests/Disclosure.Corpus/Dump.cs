using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using Disclosure.Core.Layout;

namespace Disclosure.Corpus;

/// <summary>
/// Prints the layout model a reader produces for one file (paragraphs and table grids), for debugging readers; then the
/// engine's findings and the cells it flagged, to see why a reading is judged doubtful.
/// </summary>
public static class Dump
{
    public static async Task<int> RunAsync(string file, bool boxes = false)
    {
        var bytes = await File.ReadAllBytesAsync(file);
        var format = FormatDetector.Detect(bytes);
        var reader = Accuracy.Readers(new ReadLimits()).LastOrDefault(r => r.Format == format);
        if (reader is null)
        {
            Console.WriteLine($"no reader for {format}");
            return 1;
        }

        var outcome = await reader.ReadAsync(bytes, CancellationToken.None);
        if (!outcome.Succeeded)
        {
            Console.WriteLine($"FAILED {outcome.ErrorCode}: {outcome.Error}");
            return 1;
        }

        foreach (var block in outcome.Document!.Blocks)
        {
            if (block is LayoutParagraph p)
            {
                Console.WriteLine($"[p{p.Page}] {p.Text}{(p.Confidence is { } pc ? $" (conf {pc:0.000})" : "")}");
            }
            else if (block is LayoutTable t)
            {
                Console.WriteLine($"[p{t.Page}] TABLE {t.RowCount}x{t.ColumnCount}");
                foreach (var row in t.Cells.GroupBy(c => c.Row))
                {
                    Console.WriteLine("   " + string.Join(" | ", row.Select(c => $"{c.Column}{(c.ColumnSpan > 1 ? "+" + (c.ColumnSpan - 1) : "")}{(c.IsHeader ? "h" : "")}:{c.Text}{(c.Confidence is { } cf && cf < 0.8 ? $"(?{cf:0.00})" : "")}{(boxes && c.Box is { } b ? $"@{b.Left:0}-{b.Right:0},{b.Top:0}" : "")}")));
                }
            }
        }

        var engine = new ReportEngine(Accuracy.Readers(new ReadLimits()), new ReadLimits());
        var result = engine.Analyze(new SourceInfo(Path.GetFileName(file), "", format.ToString().ToLowerInvariant(), null, false), outcome.Document);
        Console.WriteLine($"status {result.Status}, template {result.Report.Template}");
        foreach (var f in result.Findings)
        {
            Console.WriteLine($"  {f.Code} [{string.Join(",", f.Cells.Take(12))}{(f.Cells.Count > 12 ? ",…" : "")}] {f.Message}");
        }

        return 0;
    }
}
