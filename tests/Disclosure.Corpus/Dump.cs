using Disclosure.Core.Engine;
using Disclosure.Core.Layout;

namespace Disclosure.Corpus;

/// <summary>Prints the layout model a reader produces for one file (paragraphs and table grids), for debugging readers.</summary>
public static class Dump
{
    public static async Task<int> RunAsync(string file)
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
                Console.WriteLine($"[p{p.Page}] {p.Text}");
            }
            else if (block is LayoutTable t)
            {
                Console.WriteLine($"[p{t.Page}] TABLE {t.RowCount}x{t.ColumnCount}");
                foreach (var row in t.Cells.GroupBy(c => c.Row))
                {
                    Console.WriteLine("   " + string.Join(" | ", row.Select(c => $"{c.Column}{(c.ColumnSpan > 1 ? "+" + (c.ColumnSpan - 1) : "")}{(c.IsHeader ? "h" : "")}:{c.Text}{(c.Confidence is { } cf && cf < 0.8 ? $"(?{cf:0.00})" : "")}")));
                }
            }
        }

        return 0;
    }
}
