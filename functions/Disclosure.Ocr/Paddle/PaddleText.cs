using Disclosure.Core.Layout;
using Disclosure.Layout;
using Disclosure.Ocr.Raster;

namespace Disclosure.Ocr.Paddle;

/// <summary>
/// Running text of a scanned page (tables already whitened out): PP-OCRv4 detection finds the lines, each line is read
/// by the recogniser and becomes one word with its box, in page units (<paramref name="scale"/> per pixel).
/// </summary>
internal static class PaddleText
{
    public static PageWords Read(PaddleOcr ocr, GrayImage page, int pageNumber, double scale, CancellationToken ct)
    {
        var boxes = ocr.Detect(page);
        var words = new PositionedWord?[boxes.Count];
        Parallel.For(0, boxes.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct }, i =>
        {
            var b = boxes[i];
            var read = ocr.Recognize(page.Crop(b.Left, b.Top, b.Right, b.Bottom));
            var text = read.Text.Trim();
            words[i] = text.Length == 0 ? null
                : new PositionedWord(text, new BoundingBox(b.Left * scale, b.Top * scale, b.Right * scale, b.Bottom * scale), read.Confidence);
        });

        return new PageWords(pageNumber, page.Width * scale, page.Height * scale, [.. words.OfType<PositionedWord>()]) { Ocr = true };
    }
}
