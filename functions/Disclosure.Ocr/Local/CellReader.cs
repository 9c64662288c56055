using System.Globalization;
using Disclosure.Layout;
using Disclosure.Ocr.Paddle;
using Disclosure.Ocr.Raster;

namespace Disclosure.Ocr.Local;

/// <summary>
/// Reads the cells of ruled tables one by one, which page-level OCR cannot do: it merges neighbouring labels, splits header
/// words over columns and reads digits through a Chinese model. Only the inked part of a cell is read; a cell without ink
/// is blank. With PP-OCRv4 (the default) see <see cref="PaddleCellReader"/>. With tesseract, every cell is read with the Chinese model (all cells stacked into one strip image with wide gaps, one
/// tesseract run, lines mapped back by position); cells that read as numbers are read again one by one with a
/// digits-only model. A number is confident only when both readings agree and the ink is as wide as the digits read
/// (<see cref="DigitWidth"/>); otherwise further readings of the same ink help choose, and the cell is reported with
/// low confidence, flagged rather than guessed.
/// </summary>
internal static class CellReader
{
    /// <summary>A rectangle of pixels, [Left, Right) × [Top, Bottom).</summary>
    internal readonly record struct PixelBox(int Left, int Top, int Right, int Bottom)
    {
        public int Width => Right - Left;

        public int Height => Bottom - Top;
    }

    internal const int Ink = 170;
    private const int ThinInk = 100;

    /// <summary>What a cell holds: text and the confidence (0..1) of the weakest word; empty text for a blank cell.</summary>
    public sealed record CellText(string Text, double? Confidence);

    /// <summary>The cells read with tesseract (chi_sim for every cell, eng digits for numbers).</summary>
    public static async Task<(IReadOnlyList<CellText>? Cells, string? Error)> ReadAsync(
        GrayImage page, IReadOnlyList<RuledCell> cells, int dpi, OcrOptions options, TempFolder temp, string name, CancellationToken ct)
    {
        var crops = cells.Select(c => InkCrop(page, c, dpi)).ToList();
        var result = new CellText[cells.Count];
        var inked = Enumerable.Range(0, cells.Count).Where(i => crops[i] is not null).ToList();
        foreach (var i in Enumerable.Range(0, cells.Count).Except(inked))
        {
            result[i] = new CellText("", null);
        }

        if (inked.Count == 0)
        {
            return (result, null);
        }

        var (labels, error) = await ReadStripAsync([.. inked.Select(i => crops[i]!)], dpi, options.Languages, null, options, temp, name + "-text", ct).ConfigureAwait(false);
        if (labels is null)
        {
            return (null, error);
        }

        var numeric = new List<int>();
        for (var k = 0; k < inked.Count; k++)
        {
            var text = TextRules.RepairDigits(labels[k].Text);
            result[inked[k]] = labels[k] with { Text = text };
            if (LooksNumeric(text))
            {
                numeric.Add(k);
            }
        }

        if (numeric.Count == 0)
        {
            return (result, null);
        }

        var (digits, digitError) = await ReadEachAsync([.. numeric.Select(k => crops[inked[k]]!)], dpi, options, temp, name + "-digits", ct)
            .ConfigureAwait(false);
        if (digits is null)
        {
            return (null, digitError);
        }

        // The ink's width says how many digits a cell holds (DigitWidth); the page's own digits calibrate it.
        string Digits(int n) => digits[n].Text.Replace(" ", "", StringComparison.Ordinal);
        bool Agreed(int n) => Digits(n).Length > 0 && Digits(n) == result[inked[numeric[n]]].Text.Trim();
        double Ratio(int n) => (double)crops[inked[numeric[n]]]!.Width / crops[inked[numeric[n]]]!.Height;
        var perDigit = DigitWidth.Calibrate(Enumerable.Range(0, numeric.Count).Where(Agreed).Select(n => (Digits(n), Ratio(n))));

        // Cells the two models did not agree on, or agreed on against the ink's width, get three more readings: thinner
        // strokes (a stricter ink threshold separates blurred neighbours), the crop as a raw line (--psm 13), which reads
        // a lone narrow 1 that the line model returns nothing for, and the crop stretched 1.4 times in width, which
        // pulls apart two 1s that blur made touch.
        var doubtful = Enumerable.Range(0, numeric.Count)
            .Where(n => !Agreed(n) || !DigitWidth.Fits(Digits(n), Ratio(n), perDigit))
            .Select(n => (N: n, Crop: InkCrop(page, cells[inked[numeric[n]]], dpi, ThinInk) ?? crops[inked[numeric[n]]]!))
            .ToList();
        var more = new Dictionary<int, string[]>();
        if (doubtful.Count > 0)
        {
            var thinRun = ReadEachAsync([.. doubtful.Select(d => d.Crop)], dpi, options, temp, name + "-thin", ct);
            var rawRun = ReadEachAsync([.. doubtful.Select(d => crops[inked[numeric[d.N]]]!)], dpi, options, temp, name + "-raw", ct, psm: "13");
            var wideRun = ReadEachAsync([.. doubtful.Select(d => Stretch(crops[inked[numeric[d.N]]]!, 1.4))], dpi, options, temp, name + "-wide", ct);
            var (thin, thinError) = await thinRun.ConfigureAwait(false);
            var (raw, rawError) = await rawRun.ConfigureAwait(false);
            var (wide, wideError) = await wideRun.ConfigureAwait(false);
            if (thin is null || raw is null || wide is null)
            {
                return (null, thinError ?? rawError ?? wideError);
            }

            for (var d = 0; d < doubtful.Count; d++)
            {
                more[doubtful[d].N] = [.. new[] { thin[d], raw[d], wide[d] }.Select(r => r.Text.Replace(" ", "", StringComparison.Ordinal))];
            }
        }

        for (var n = 0; n < numeric.Count; n++)
        {
            var index = inked[numeric[n]];
            var first = result[index];
            var a = first.Text.Trim();
            var b = Digits(n);
            var ratio = Ratio(n);
            if (Agreed(n) && DigitWidth.Fits(b, ratio, perDigit))
            {
                result[index] = new CellText(b, Math.Max(first.Confidence ?? 0, digits[n].Confidence ?? 0));
                continue;
            }

            // Not agreed, or not as wide as read: the first reading that fits the ink (digits model, Chinese model, thin
            // strokes, raw line, stretched), else the digits model's; never a confident one.
            string[] order = [b, a, .. more.GetValueOrDefault(n) ?? []];
            var chosen = order.FirstOrDefault(r => r.Length > 0 && TextRules.IsValue(r) && DigitWidth.Error(r, ratio, perDigit) is not null && DigitWidth.Fits(r, ratio, perDigit))
                ?? order.FirstOrDefault(r => r.Length > 0 && TextRules.IsValue(r))
                ?? (b.Length > 0 ? b : a);
            result[index] = new CellText(chosen, Math.Min(0.5, Math.Min(first.Confidence ?? 0.5, digits[n].Confidence ?? 0.5)));
        }

        return (result, null);
    }

    /// <summary>
    /// A cell worth a digits-only reading: no Chinese at all (a number, or noise the Chinese model made of one), a single
    /// character (the Chinese model reads 1 as 工 or 了), or a short number with a stray character it invented (人4).
    /// </summary>
    internal static bool LooksNumeric(string text) =>
        !Disclosure.Core.Vocabulary.Placeholders.IsLayoutPlaceholder(text)
        && (!text.Any(TextRules.IsCjk) || (text.Count(TextRules.IsCjk) <= 1 && text.Trim().Length <= 6 && (text.Any(char.IsAsciiDigit) || text.Trim().Length == 1)));

    /// <summary>The crop widened by <paramref name="factor"/> (nearest neighbour), height unchanged.</summary>
    private static GrayImage Stretch(GrayImage crop, double factor)
    {
        var w = (int)Math.Round(crop.Width * factor);
        var px = new byte[w * crop.Height];
        for (var y = 0; y < crop.Height; y++)
        {
            for (var x = 0; x < w; x++)
            {
                px[y * w + x] = crop.Pixels[y * crop.Width + Math.Min(crop.Width - 1, (int)(x / factor))];
            }
        }

        return new GrayImage(w, crop.Height, px);
    }

    /// <summary>The inked part of a cell's interior (binarised), or null when the cell is blank.</summary>
    internal static GrayImage? InkCrop(GrayImage page, RuledCell cell, int dpi, int ink = Ink)
    {
        if (InkBounds(page, cell, dpi, ink) is not { } b)
        {
            return null;
        }

        var crop = page.Crop(b.Left, b.Top, b.Right, b.Bottom);
        for (var i = 0; i < crop.Pixels.Length; i++)
        {
            crop.Pixels[i] = crop.Pixels[i] < ink ? (byte)0 : (byte)255;
        }

        return crop;
    }

    /// <summary>A cell's interior: its box less the rules (an inset that grows with the resolution).</summary>
    internal static PixelBox Interior(RuledCell cell, int dpi)
    {
        var inset = Math.Max(3, dpi / 36);
        return new PixelBox(cell.Left + inset, cell.Top + inset, cell.Right - inset, cell.Bottom - inset);
    }

    /// <summary>The box of the ink inside a cell's interior, or null when the cell is blank (no ink, or only dust).</summary>
    internal static PixelBox? InkBounds(GrayImage page, RuledCell cell, int dpi, int ink = Ink)
    {
        var (x0, y0, x1, y1) = Interior(cell, dpi);
        if (x1 - x0 < 4 || y1 - y0 < 4)
        {
            return null;
        }

        int minX = int.MaxValue, maxX = -1, minY = int.MaxValue, maxY = -1, count = 0;
        for (var y = y0; y < y1; y++)
        {
            var row = y * page.Width;
            for (var x = x0; x < x1; x++)
            {
                if (page.Pixels[row + x] < ink)
                {
                    count++;
                    minX = Math.Min(minX, x);
                    maxX = Math.Max(maxX, x);
                    minY = Math.Min(minY, y);
                    maxY = Math.Max(maxY, y);
                }
            }
        }

        // A few dark pixels are dust, not a character (a full stop at 300 dpi is already ~40 pixels).
        if (count < Math.Max(8, dpi * dpi / 9000))
        {
            return null;
        }

        return new PixelBox(minX, minY, maxX + 1, maxY + 1);
    }

    /// <summary>Stacks the crops with gaps wider than any line spacing and reads them in one tesseract run.</summary>
    private static async Task<(CellText[]? Cells, string? Error)> ReadStripAsync(
        IReadOnlyList<GrayImage> crops, int dpi, string languages, string? whitelist, OcrOptions options, TempFolder temp, string name, CancellationToken ct)
    {
        var margin = dpi / 15;
        var gap = dpi / 8;
        var width = crops.Max(c => c.Width) + 2 * margin;
        var height = crops.Sum(c => c.Height + gap) + 2 * margin;
        var strip = new byte[width * height];
        Array.Fill(strip, (byte)255);
        var slots = new (int Top, int Bottom)[crops.Count];
        var y = margin;
        for (var i = 0; i < crops.Count; i++)
        {
            var c = crops[i];
            for (var row = 0; row < c.Height; row++)
            {
                Buffer.BlockCopy(c.Pixels, row * c.Width, strip, (y + row) * width + margin, c.Width);
            }

            slots[i] = (y, y + c.Height);
            y += c.Height + gap;
        }

        var path = temp.File(name + ".pgm");
        await File.WriteAllBytesAsync(path, RasterCleaner.WritePgm(new GrayImage(width, height, strip)), ct).ConfigureAwait(false);
        var args = new List<string> { path, "stdout", "-l", languages, "--psm", "6", "--dpi", dpi.ToString(CultureInfo.InvariantCulture), "-c", "preserve_interword_spaces=1" };
        if (whitelist is not null)
        {
            args.AddRange(["-c", "tessedit_char_whitelist=" + whitelist]);
        }

        args.Add("tsv");

        var run = await ToolRunner.RunAsync("tesseract", args, temp.Path, options.ToolTimeout, ct).ConfigureAwait(false);
        if (!run.Ok)
        {
            return (null, run.Describe("tesseract"));
        }

        var words = PopplerParsers.ParseTesseractTsv(run.StdOut, 1).SelectMany(p => p.Words).ToList();
        var result = new CellText[crops.Count];
        for (var i = 0; i < crops.Count; i++)
        {
            var (top, bottom) = slots[i];
            var mine = words.Where(w => w.Box.CenterY >= top - gap / 2.0 && w.Box.CenterY < bottom + gap / 2.0).ToList();
            result[i] = new CellText(JoinLines(mine), mine.Count > 0 ? mine.Min(w => w.Confidence ?? 0) : null);
        }

        return (result, null);
    }

    /// <summary>
    /// Reads each crop as one line of digits, in one tesseract run over a list of images. Slower than a strip, but a
    /// line on its own is not cut by the block's line finder, which drops a narrow second digit (11 read as 1).
    /// </summary>
    private static async Task<(CellText[]? Cells, string? Error)> ReadEachAsync(
        IReadOnlyList<GrayImage> crops, int dpi, OcrOptions options, TempFolder temp, string name, CancellationToken ct, string psm = "7")
    {
        var pad = dpi / 20;
        var files = new List<string>();
        for (var i = 0; i < crops.Count; i++)
        {
            var c = crops[i];
            var (w, h) = (c.Width + 2 * pad, c.Height + 2 * pad);
            var px = new byte[w * h];
            Array.Fill(px, (byte)255);
            for (var row = 0; row < c.Height; row++)
            {
                Buffer.BlockCopy(c.Pixels, row * c.Width, px, (row + pad) * w + pad, c.Width);
            }

            var file = temp.File($"{name}-{i}.pgm");
            await File.WriteAllBytesAsync(file, RasterCleaner.WritePgm(new GrayImage(w, h, px)), ct).ConfigureAwait(false);
            files.Add(file);
        }

        var list = temp.File(name + ".txt");
        await File.WriteAllLinesAsync(list, files, ct).ConfigureAwait(false);
        var run = await ToolRunner.RunAsync("tesseract",
            [list, "stdout", "-l", "eng", "--psm", psm, "--dpi", dpi.ToString(CultureInfo.InvariantCulture), "-c", "tessedit_char_whitelist=0123456789.-", "tsv"],
            temp.Path, options.ToolTimeout, ct).ConfigureAwait(false);
        if (!run.Ok)
        {
            return (null, run.Describe("tesseract"));
        }

        var pages = PopplerParsers.ParseTesseractTsv(run.StdOut, 1).ToDictionary(p => p.Page - 1);
        var result = new CellText[crops.Count];
        for (var i = 0; i < crops.Count; i++)
        {
            var words = pages.TryGetValue(i, out var page) ? page.Words : [];
            result[i] = new CellText(string.Concat(words.OrderBy(w => w.Box.Left).Select(w => w.Text)),
                words.Count > 0 ? words.Min(w => w.Confidence ?? 0) : null);
        }

        return (result, null);
    }

    /// <summary>Words in reading order: lines top to bottom (a wrapped label), words left to right.</summary>
    private static string JoinLines(List<PositionedWord> words)
    {
        if (words.Count == 0)
        {
            return "";
        }

        var h = LayoutBuilder.Median(words.Select(w => w.Box.Height));
        var lines = new List<List<PositionedWord>>();
        foreach (var w in words.OrderBy(w => w.Box.CenterY))
        {
            if (lines.Count == 0 || w.Box.CenterY - lines[^1].Average(x => x.Box.CenterY) > 0.5 * h)
            {
                lines.Add([]);
            }

            lines[^1].Add(w);
        }

        return lines.Select(l => l.OrderBy(w => w.Box.Left).Aggregate("", (acc, w) => TextRules.Join(acc, w.Text)))
            .Aggregate("", TextRules.Join);
    }
}
