using System.Diagnostics;
using Disclosure.Core.Engine;
using Disclosure.Layout;
using Disclosure.Ocr.Local;
using Disclosure.Ocr.Raster;
using Disclosure.Ocr.TextLayer;

namespace Disclosure.Corpus;

/// <summary>Prints the ruled tables found on one rasterised page (skew, rules, cells), for debugging the scan path.</summary>
public static class GridDump
{
    /// <param name="png">When given, the straightened page is written there (to look at what the rules are found on).</param>
    /// <param name="segments">Also print the rule segments found, before the grid stage.</param>
    public static int Run(string pdf, int page, int dpi = 300, string? png = null, bool segments = false)
    {
        // The page as the reader gets it: its embedded scan image resampled in-process, else pdftoppm.
        var gray = Rasterizer.EmbeddedPageImage(File.ReadAllBytes(pdf), page, dpi);
        if (gray is null)
        {
            var prefix = Path.Combine(Path.GetTempPath(), "griddump-" + Guid.NewGuid().ToString("N"));
            using (var p = Process.Start("pdftoppm", ["-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-gray", "-singlefile", "-f", $"{page}", "-l", $"{page}", pdf, prefix]))
            {
                p.WaitForExit();
            }

            gray = RasterCleaner.ReadPgm(File.ReadAllBytes(prefix + ".pgm"))!;
            File.Delete(prefix + ".pgm");
        }

        var sw = Stopwatch.StartNew();
        var angle = Deskew.EstimateAngle(gray);
        var t1 = sw.ElapsedMilliseconds;
        if (Math.Abs(angle) >= 0.05)
        {
            gray = Deskew.Straighten(gray, angle);
        }

        var t2 = sw.ElapsedMilliseconds;
        // As the scan reader takes them: column lines a value row hides put back (MissingRules).
        var tables = RuleGrid.Detect(gray, dpi).Select(t => MissingRules.Restore(gray, t, dpi)).ToList();
        Console.WriteLine($"skew {angle}° (estimate {t1} ms, rotate {t2 - t1} ms, grid {sw.ElapsedMilliseconds - t2} ms)");
        if (png is not null)
        {
            using var image = SixLabors.ImageSharp.Image.LoadPixelData<SixLabors.ImageSharp.PixelFormats.L8>(gray.Pixels, gray.Width, gray.Height);
            // --png FILE or FILE@x,y,w,h: a crop of the page.
            var at = png.LastIndexOf('@');
            if (at > 0)
            {
                var r = png[(at + 1)..].Split(',').Select(int.Parse).ToArray();
                SixLabors.ImageSharp.Processing.ProcessingExtensions.Mutate(image, x => SixLabors.ImageSharp.Processing.CropExtensions.Crop(x, new SixLabors.ImageSharp.Rectangle(r[0], r[1], r[2], r[3])));
                png = png[..at];
            }

            SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, png);
        }

        if (segments)
        {
            var (h, v) = RuleGrid.Rules(gray, dpi);
            foreach (var s in h.OrderBy(s => s.Pos))
            {
                Console.WriteLine($"H y={s.Pos:0.0} x={s.From:0}-{s.To:0}");
            }

            foreach (var s in v.OrderBy(s => s.Pos))
            {
                Console.WriteLine($"V x={s.Pos:0.0} y={s.From:0}-{s.To:0}");
            }
        }

        foreach (var t in tables)
        {
            Console.WriteLine($"TABLE {t.Left:0},{t.Top:0}-{t.Right:0},{t.Bottom:0} xs=[{string.Join(",", t.Xs.Select(x => x.ToString("0")))}] ys=[{string.Join(",", t.Ys.Select(x => x.ToString("0")))}]");
            foreach (var row in t.Cells.GroupBy(c => c.Row))
            {
                Console.WriteLine("   " + string.Join(" ", row.Select(c => $"{c.Column}{(c.ColumnSpan > 1 ? "+" + (c.ColumnSpan - 1) : "")}{(c.RowSpan > 1 ? "v" + (c.RowSpan - 1) : "")}")));
            }
        }

        return 0;
    }

    /// <summary>The text-layer path on one page: the rules PdfPig found, the ruled tables, and the lattice's cells (`grid FILE --page N --vector`).</summary>
    /// <param name="segments">Also print the rules PdfPig found, before the grid stage.</param>
    public static int Vector(string pdf, int page, bool segments = false)
    {
        var layer = PdfPigTextLayer.Read(File.ReadAllBytes(pdf), new ReadLimits());
        if (layer.Pages.ElementAtOrDefault(page - 1) is not { } p)
        {
            Console.WriteLine($"page {page}: no text layer ({layer.Failure})");
            return 1;
        }

        Console.WriteLine($"page {page}: {p.Letters.Count} letters, {p.Horizontal.Count} horizontal and {p.Vertical.Count} vertical rules");
        if (segments)
        {
            foreach (var s in p.Horizontal.OrderBy(s => s.Pos).ThenBy(s => s.From))
            {
                Console.WriteLine($"H y={s.Pos:0.00} x={s.From:0.00}-{s.To:0.00}");
            }

            foreach (var s in p.Vertical.OrderBy(s => s.Pos).ThenBy(s => s.From))
            {
                Console.WriteLine($"V x={s.Pos:0.00} y={s.From:0.00}-{s.To:0.00}");
            }
        }

        foreach (var t in GridBuilder.Build(p.Horizontal, p.Vertical, new RuleGridOptions { Tolerance = VectorTableOptions.Default.RuleTolerance, CloseOpenSides = true, JoinGap = VectorTableOptions.Default.RuleJoinGap }))
        {
            Console.WriteLine($"RULED {t.Left:0},{t.Top:0}-{t.Right:0},{t.Bottom:0} xs=[{string.Join(",", t.Xs.Select(x => x.ToString("0")))}] ys=[{string.Join(",", t.Ys.Select(x => x.ToString("0")))}]");
            foreach (var row in t.Cells.GroupBy(c => c.Row))
            {
                Console.WriteLine("   " + string.Join(" | ", row.Select(c => $"{c.Column}{(c.ColumnSpan > 1 ? "+" + (c.ColumnSpan - 1) : "")}{(c.RowSpan > 1 ? "v" + (c.RowSpan - 1) : "")}:"
                    + VectorTables.CellText([.. p.Letters.Where(g => g.Box.CenterX >= t.Xs[c.Column] && g.Box.CenterX < t.Xs[c.Column + c.ColumnSpan] && g.Box.CenterY >= t.Ys[c.Row] && g.Box.CenterY < t.Ys[c.Row + c.RowSpan])], VectorTableOptions.Default, null).Replace("\u0001", "‖", StringComparison.Ordinal))));
            }
        }

        foreach (var g in VectorTables.Read(p).Grids)
        {
            Console.WriteLine($"GRID xs=[{string.Join(",", g.Xs.Select(x => x.ToString("0")))}]");
            foreach (var row in g.Cells.GroupBy(c => c.Row))
            {
                Console.WriteLine("   " + string.Join(" | ", row.Select(c => $"{c.Column}{(c.ColumnSpan > 1 ? "+" + (c.ColumnSpan - 1) : "")}:{c.Text}")));
            }
        }

        return 0;
    }
}
