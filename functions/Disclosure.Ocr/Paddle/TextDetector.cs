using Disclosure.Ocr.Raster;

namespace Disclosure.Ocr.Paddle;

/// <summary>
/// PP-OCRv4 detection (DB) pre- and post-processing, as PaddleOCR's defaults: the page scaled so that its longest side is
/// at most 960 (sides multiples of 32), ImageNet mean/std; the probability map thresholded at 0.3, each connected region a
/// line candidate, kept when its mean probability is at least 0.6, and grown back by DB's unclip ratio 1.5 (the model
/// predicts a shrunk text kernel). Boxes are axis-aligned: pages are straightened before detection.
/// </summary>
internal static class TextDetector
{
    public const int LongestSide = 960;
    private const float Threshold = 0.3f;
    private const double BoxThreshold = 0.6;
    private const double UnclipRatio = 1.5;
    private const int MinSide = 3;

    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Std = [0.229f, 0.224f, 0.225f];

    /// <summary>A detected line in page pixels, [Left, Right) × [Top, Bottom), and its mean probability.</summary>
    public sealed record Box(int Left, int Top, int Right, int Bottom, double Score);

    public static (float[] Data, int Width, int Height) Input(GrayImage page)
    {
        var ratio = Math.Min(1.0, (double)LongestSide / Math.Max(page.Width, page.Height));
        var w = Math.Max(32, (int)Math.Round(page.Width * ratio / 32) * 32);
        var h = Math.Max(32, (int)Math.Round(page.Height * ratio / 32) * 32);
        var resized = RecognizerInput.Resize(page, w, h);
        var plane = w * h;
        var data = new float[3 * plane];
        for (var i = 0; i < plane; i++)
        {
            var v = resized[i] / 255f;
            for (var c = 0; c < 3; c++)
            {
                data[c * plane + i] = (v - Mean[c]) / Std[c];
            }
        }

        return (data, w, h);
    }

    public static IReadOnlyList<Box> Boxes(ReadOnlySpan<float> map, int width, int height, int pageWidth, int pageHeight)
    {
        var label = new int[width * height];
        var boxes = new List<Box>();
        var stack = new Stack<int>();
        var next = 0;
        for (var start = 0; start < label.Length; start++)
        {
            if (label[start] != 0 || map[start] <= Threshold)
            {
                continue;
            }

            // Flood fill (4-connected) one region, tracking its bounding box.
            next++;
            int minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;
            label[start] = next;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                int x = i % width, y = i / width;
                minX = Math.Min(minX, x);
                maxX = Math.Max(maxX, x);
                minY = Math.Min(minY, y);
                maxY = Math.Max(maxY, y);
                if (x > 0)
                {
                    Visit(i - 1, map, label, next, stack);
                }

                if (x < width - 1)
                {
                    Visit(i + 1, map, label, next, stack);
                }

                if (y > 0)
                {
                    Visit(i - width, map, label, next, stack);
                }

                if (y < height - 1)
                {
                    Visit(i + width, map, label, next, stack);
                }
            }

            var (bw, bh) = (maxX - minX + 1, maxY - minY + 1);
            if (Math.Min(bw, bh) < MinSide)
            {
                continue;
            }

            double sum = 0;
            for (var y = minY; y <= maxY; y++)
            {
                for (var x = minX; x <= maxX; x++)
                {
                    sum += map[y * width + x];
                }
            }

            var score = sum / (bw * bh);
            if (score < BoxThreshold)
            {
                continue;
            }

            var d = bw * bh * UnclipRatio / (2.0 * (bw + bh));
            var (sx, sy) = ((double)pageWidth / width, (double)pageHeight / height);
            boxes.Add(new Box(
                Math.Clamp((int)Math.Floor((minX - d) * sx), 0, pageWidth),
                Math.Clamp((int)Math.Floor((minY - d) * sy), 0, pageHeight),
                Math.Clamp((int)Math.Ceiling((maxX + 1 + d) * sx), 0, pageWidth),
                Math.Clamp((int)Math.Ceiling((maxY + 1 + d) * sy), 0, pageHeight),
                score));
        }

        return boxes;
    }

    private static void Visit(int i, ReadOnlySpan<float> map, int[] label, int id, Stack<int> stack)
    {
        if (label[i] == 0 && map[i] > Threshold)
        {
            label[i] = id;
            stack.Push(i);
        }
    }
}
