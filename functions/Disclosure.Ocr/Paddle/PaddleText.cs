using Disclosure.Core.Layout;
using Disclosure.Layout;
using Disclosure.Ocr.Local;
using Disclosure.Ocr.Raster;

namespace Disclosure.Ocr.Paddle;

/// <summary>
/// Running text of a scanned page (tables already whitened out): PP-OCRv4 detection finds the lines, each line is read
/// by the recogniser and becomes one word with its box, in page units (<paramref name="scale"/> per pixel). A line that
/// reads as several values is split into one word per value where its ink falls apart into as many pieces (<see cref="SplitValues"/>).
/// </summary>
internal static class PaddleText
{
    public static PageWords Read(PaddleOcr ocr, GrayImage page, int pageNumber, double scale, CancellationToken ct)
    {
        var boxes = ocr.Detect(page);
        var words = new List<PositionedWord>[boxes.Count];
        Parallel.For(0, boxes.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct }, i =>
        {
            var b = boxes[i];
            var read = ocr.Recognize(page.Crop(b.Left, b.Top, b.Right, b.Bottom));
            var text = read.Text.Trim();
            words[i] = text.Length == 0 ? []
                : [.. SplitValues(page, new CellReader.PixelBox(b.Left, b.Top, b.Right, b.Bottom), text)
                    .Select(p => new PositionedWord(p.Text, new BoundingBox(p.Box.Left * scale, p.Box.Top * scale, p.Box.Right * scale, p.Box.Bottom * scale), read.Confidence))];
        });

        return new PageWords(pageNumber, page.Width * scale, page.Height * scale, [.. words.SelectMany(w => w)]) { Ocr = true };
    }

    /// <summary>
    /// The line as words: one per value when it reads as two or more space-separated values and its ink falls into exactly
    /// as many pieces (the detector joins close values of a borderless table into one line, "0 1", which then stood in
    /// one column: lo-45-006 table 4 at 200 dpi); otherwise the line whole. Each value's box is its piece's ink.
    /// </summary>
    internal static IReadOnlyList<(string Text, CellReader.PixelBox Box)> SplitValues(GrayImage page, CellReader.PixelBox box, string text)
    {
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (tokens.Length < 2 || !tokens.All(t => TextRules.IsValue(TextRules.RepairDigits(t))))
        {
            return [(text, box)];
        }

        // Cut as a cell's line is (CellPieces): at white gaps wider than a line height, specks kept with their neighbour.
        var pieces = CellPieces.Pieces(page, CellPieces.TightenRows(page, box));
        if (pieces.Count != tokens.Length)
        {
            return [(text, box)];
        }

        return [.. tokens.Zip(pieces, (t, p) => (t, p))];
    }
}
