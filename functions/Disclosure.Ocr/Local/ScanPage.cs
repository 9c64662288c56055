using Disclosure.Core.Layout;
using Disclosure.Layout;
using Disclosure.Ocr.Paddle;
using Disclosure.Ocr.Raster;
using Microsoft.ML.OnnxRuntime;

namespace Disclosure.Ocr.Local;

/// <summary>
/// One scanned page, read: the words outside ruled tables, and the ruled tables read cell by cell. <see cref="Continued"/>
/// (PP-OCRv4 path) completes the page's tables again offered the previous page's last table's column lines (in points):
/// a table continued after a page break has no header to confirm its columns (<see cref="CellPieces.Complete"/>).
/// </summary>
internal sealed record ScannedPage(PageWords Words, IReadOnlyList<GridPart> Grids)
{
    public Func<IReadOnlyList<double>, IReadOnlyList<GridPart>>? Continued { get; init; }

    /// <summary>
    /// The page after <paramref name="previous"/> (null: none, or not read): its tables completed again with the column
    /// lines of the previous page's last table where that can change something, else the page as it is. Pages are taken
    /// in order, so a table over three pages gets the columns through the middle one.
    /// </summary>
    public ScannedPage After(ScannedPage? previous) =>
        Continued is { } again && previous is { Grids.Count: > 0 } ? this with { Grids = again(previous.Grids.MaxBy(g => g.Box.Bottom)!.Xs) } : this;
}

/// <summary>
/// Reads one scanned page: straighten it, find its ruled tables, read their cells one by one (<see cref="CellReader"/>) and
/// the rest of the page as running text with the tables blanked out (PP-OCRv4 detection + recognition, or tesseract). Coordinates are returned in page units
/// (<paramref name="scale"/> per pixel).
/// </summary>
internal static class ScanPage
{
    private const int MaxCellsPerPage = 3000;

    public static async Task<(ScannedPage? Page, string? Error)> ReadAsync(
        GrayImage image, int dpi, int pageNumber, double scale, OcrOptions options, TempFolder temp, CancellationToken ct)
    {
        var angle = Deskew.EstimateAngle(image);
        if (Math.Abs(angle) >= 0.05)
        {
            image = Deskew.Straighten(image, angle);
        }

        IReadOnlyList<RuledTable> tables = options.ReadRuledTablesByCell ? RuleGrid.Detect(image, dpi) : [];

        // A table missing its inner column rules has them put back between its values, or is read as running text (MissingRules).
        if (options.RestoreMissingRules)
        {
            tables = [.. tables.Select(t => MissingRules.Restore(image, t, dpi))];
        }
        else if (options.StreamWhereRulesMissing)
        {
            tables = [.. tables.Where(t => !MissingRules.HidesColumns(image, t, dpi))];
        }

        // A report table has a few hundred cells; squared paper or a hostile page would have tens of thousands, each a
        // tesseract input. Such a page is read as running text instead.
        if (tables.Sum(t => t.Cells.Count) > MaxCellsPerPage)
        {
            tables = [];
        }

        var text = RunningTextImage(image, tables, dpi);
        var allCells = tables.SelectMany(t => t.Cells).ToList();
        PageWords words;
        IReadOnlyList<CellReader.CellText>? cellTexts;
        if (options.Recognizer == ScanRecognizer.PaddleOcr)
        {
            PaddleOcr ocr;
            try
            {
                ocr = PaddleOcr.For(options.ModelDirectory);
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException or OnnxRuntimeException)
            {
                return (null, e.Message);
            }

            words = PaddleText.Read(ocr, text, pageNumber, scale, ct);
            if (options.RecoverMissedValues)
            {
                words = WithMissedValues(ocr, text, words, dpi, scale);
            }

            if (tables.Count == 0)
            {
                return (new ScannedPage(words, []), null);
            }

            var read = PaddleCellReader.ReadCells(ocr, image, tables, dpi, ct);
            var (completed, cells, topGlued) = read.Complete(options, null);
            return (new ScannedPage(words, Grids(completed, cells, pageNumber, scale))
            {
                // Completed again only where the previous page's lines can change something (no OCR is repeated).
                Continued = !topGlued ? null : xs =>
                {
                    var (again, againCells, _) = read.Complete(options, [.. xs.Select(x => x / scale)]);
                    return Grids(again, againCells, pageNumber, scale);
                },
            }, null);
        }
        else
        {
            var pgm = temp.File($"p{pageNumber}-text.pgm");
            await File.WriteAllBytesAsync(pgm, RasterCleaner.WritePgm(text), ct).ConfigureAwait(false);
            var pageRun = Tesseract.RunAsync(pgm, options, temp, ct, dpi);
            (cellTexts, var cellError) = await CellReader.ReadAsync(image, allCells, dpi, options, temp, $"p{pageNumber}-cells", ct).ConfigureAwait(false);
            var (tsv, pageError) = await pageRun.ConfigureAwait(false);
            File.Delete(pgm); // Page images go as soon as read: a 300-page scan must not hold 300 of them (temp-disk budget).
            if (tsv is null || cellTexts is null)
            {
                return (null, pageError ?? cellError);
            }

            var parsed = PopplerParsers.ParseTesseractTsv(tsv, pageNumber, scale);
            words = parsed.Count > 0 ? parsed[0] with { Page = pageNumber }
                : new PageWords(pageNumber, image.Width * scale, image.Height * scale, []) { Ocr = true };
        }

        return (new ScannedPage(words, Grids(tables, cellTexts, pageNumber, scale)), null);
    }

    /// <summary>The page's tables as grid parts in page units, each cell with its text and confidence.</summary>
    private static List<GridPart> Grids(IReadOnlyList<RuledTable> tables, IReadOnlyList<CellReader.CellText> cellTexts, int pageNumber, double scale)
    {
        var grids = new List<GridPart>();
        var k = 0;
        foreach (var t in tables)
        {
            var cells = new List<LayoutCell>();
            foreach (var c in t.Cells)
            {
                var read = cellTexts[k++];
                cells.Add(new LayoutCell(c.Row, c.Column, read.Text, c.RowSpan, c.ColumnSpan, false,
                    new BoundingBox(c.Left * scale, c.Top * scale, c.Right * scale, c.Bottom * scale), read.Confidence, pageNumber));
            }

            grids.Add(new GridPart(pageNumber, [.. t.Xs.Select(x => x * scale)],
                new BoundingBox(t.Left * scale, t.Top * scale, t.Right * scale, t.Bottom * scale), GridTables.MarkHeaders(cells)));
        }

        return grids;
    }

    /// <summary>
    /// The page's words with the values the detector missed on value lines (<see cref="MissedValues"/>), each read by the
    /// recogniser from its own ink; kept only when it reads as a value, with the recogniser's confidence.
    /// </summary>
    private static PageWords WithMissedValues(PaddleOcr ocr, GrayImage text, PageWords words, int dpi, double scale)
    {
        var pixels = words.Words.Select(w => new MissedValues.Word(new CellReader.PixelBox(
            (int)Math.Floor(w.Box.Left / scale), (int)Math.Floor(w.Box.Top / scale), (int)Math.Ceiling(w.Box.Right / scale), (int)Math.Ceiling(w.Box.Bottom / scale)), w.Text)).ToList();
        var pad = dpi / 30;
        var added = new List<PositionedWord>();
        foreach (var b in MissedValues.Find(text, pixels, dpi))
        {
            var read = ocr.Recognize(text.Crop(Math.Max(0, b.Left - pad), Math.Max(0, b.Top - pad), Math.Min(text.Width, b.Right + pad), Math.Min(text.Height, b.Bottom + pad)));
            var value = TextRules.RepairDigits(read.Text.Trim());
            if (value.Length > 0 && TextRules.IsValue(value))
            {
                added.Add(new PositionedWord(value, new BoundingBox(b.Left * scale, b.Top * scale, b.Right * scale, b.Bottom * scale), read.Confidence));
            }
        }

        return added.Count == 0 ? words : words with { Words = [.. words.Words, .. added] };
    }

    /// <summary>The page for running text: the tables whitened out so that their cells are not read twice (or merged across rules), other rules removed.</summary>
    internal static GrayImage RunningTextImage(GrayImage image, IReadOnlyList<RuledTable> tables, int dpi)
    {
        var text = image with { Pixels = (byte[])image.Pixels.Clone() };
        var pad = dpi / 30;
        foreach (var t in tables)
        {
            Whiten(text, (int)t.Left - pad, (int)t.Top - pad, (int)t.Right + pad, (int)t.Bottom + pad);
        }

        RasterCleaner.RemoveRules(text, dpi);
        return text;
    }

    private static void Whiten(GrayImage image, int x0, int y0, int x1, int y1)
    {
        x0 = Math.Clamp(x0, 0, image.Width);
        x1 = Math.Clamp(x1, x0, image.Width);
        for (var y = Math.Max(0, y0); y < Math.Min(image.Height, y1); y++)
        {
            Array.Fill(image.Pixels, (byte)255, y * image.Width + x0, x1 - x0);
        }
    }
}
