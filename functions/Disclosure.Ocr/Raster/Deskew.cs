namespace Disclosure.Ocr.Raster;

/// <summary>
/// Straightens a scanned page. The skew is the angle whose projection of the ink onto the y axis is the most peaked
/// (text lines and table rules line up); the page is then rotated back about its centre.
/// </summary>
internal static class Deskew
{
    /// <summary>Pixels sampled in both directions, and the height of a projection bin (they must be equal, see the score).</summary>
    private const int Step = 2;

    /// <summary>Skew in degrees: ink lines run along y = c + x·tan(angle). 0 when the page has too little ink to tell.</summary>
    public static double EstimateAngle(GrayImage image, double maxDegrees = 3)
    {
        // Every second pixel in both directions is plenty to find the peak and keeps the search to a few tens of ms.
        var xs = new List<int>();
        var ys = new List<int>();
        for (var y = 0; y < image.Height; y += Step)
        {
            var row = y * image.Width;
            for (var x = 0; x < image.Width; x += Step)
            {
                if (image.Pixels[row + x] < 128)
                {
                    xs.Add(x);
                    ys.Add(y);
                }
            }
        }

        if (xs.Count < 200)
        {
            return 0;
        }

        // Bins as tall as the row step: with one-pixel bins only every second bin is filled at exactly 0°, which doubled
        // the score of 0° against every other angle and won on sparse pages (a last page with a few lines of text).
        var pad = (int)(image.Width * Math.Tan(maxDegrees * Math.PI / 180)) + 2;
        var bins = new long[(image.Height + 2 * pad) / Step + 2];
        double Score(double degrees)
        {
            Array.Clear(bins);
            var t = Math.Tan(degrees * Math.PI / 180);
            for (var i = 0; i < xs.Count; i++)
            {
                bins[(int)((ys[i] - xs[i] * t + pad) / Step)]++;
            }

            long sum = 0;
            foreach (var b in bins)
            {
                sum += b * b;
            }

            return sum;
        }

        double Search(double from, double to, double step)
        {
            var (best, bestScore) = (0.0, double.MinValue);
            for (var a = from; a <= to + 1e-9; a += step)
            {
                var s = Score(a);
                if (s > bestScore)
                {
                    (best, bestScore) = (a, s);
                }
            }

            return best;
        }

        var coarse = Search(-maxDegrees, maxDegrees, 0.1);
        return Math.Round(Search(coarse - 0.1, coarse + 0.1, 0.01), 2);
    }

    /// <summary>The page rotated so that lines at <paramref name="degrees"/> become horizontal (bilinear, white fill).</summary>
    public static GrayImage Straighten(GrayImage image, double degrees)
    {
        var (w, h, src) = (image.Width, image.Height, image.Pixels);
        var rad = degrees * Math.PI / 180;
        var (cos, sin) = (Math.Cos(rad), Math.Sin(rad));
        var (cx, cy) = (w / 2.0, h / 2.0);
        var dst = new byte[src.Length];
        for (var y = 0; y < h; y++)
        {
            var dy = y - cy;
            for (var x = 0; x < w; x++)
            {
                var dx = x - cx;
                var sx = cx + dx * cos - dy * sin;
                var sy = cy + dx * sin + dy * cos;
                var x0 = (int)Math.Floor(sx);
                var y0 = (int)Math.Floor(sy);
                if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h)
                {
                    dst[y * w + x] = 255;
                    continue;
                }

                var (fx, fy) = (sx - x0, sy - y0);
                var i = y0 * w + x0;
                var top = src[i] + (src[i + 1] - src[i]) * fx;
                var bottom = src[i + w] + (src[i + w + 1] - src[i + w]) * fx;
                dst[y * w + x] = (byte)(top + (bottom - top) * fy + 0.5);
            }
        }

        return new GrayImage(w, h, dst);
    }
}
