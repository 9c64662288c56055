using System.Text;
using Disclosure.Ocr.Raster;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Disclosure.Ocr.Local;

/// <summary>
/// Removes table ruling lines from a grey raster before OCR: tesseract reads cell borders as '|', '[' or '一' and merges
/// neighbouring cells otherwise. A dark run longer than a quarter inch, horizontal or vertical, is a rule, not a glyph.
/// PGM (what pdftoppm writes) and PNG are decoded by SixLabors.ImageSharp; other inputs pass through.
/// </summary>
internal static class RasterCleaner
{
    public static void RemoveRules(GrayImage image, int dpi)
    {
        var (w, h, px) = (image.Width, image.Height, image.Pixels);
        var minRun = Math.Max(40, dpi / 4);
        const int dark = 150;
        var mask = new bool[px.Length];
        for (var y = 0; y < h; y++)
        {
            var start = -1;
            for (var x = 0; x <= w; x++)
            {
                var isDark = x < w && px[y * w + x] < dark;
                if (isDark && start < 0)
                {
                    start = x;
                }
                else if (!isDark && start >= 0)
                {
                    if (x - start >= minRun)
                    {
                        for (var k = start; k < x; k++)
                        {
                            mask[y * w + k] = true;
                        }
                    }

                    start = -1;
                }
            }
        }

        for (var x = 0; x < w; x++)
        {
            var start = -1;
            for (var y = 0; y <= h; y++)
            {
                var isDark = y < h && px[y * w + x] < dark;
                if (isDark && start < 0)
                {
                    start = y;
                }
                else if (!isDark && start >= 0)
                {
                    if (y - start >= minRun)
                    {
                        for (var k = start; k < y; k++)
                        {
                            mask[k * w + x] = true;
                        }
                    }

                    start = -1;
                }
            }
        }

        // Whiten the rules and their anti-aliased fringe (two pixels either side, unless the pixel is solid ink of a glyph).
        var clear = (bool[])mask.Clone();
        for (var i = 0; i < px.Length; i++)
        {
            if (!mask[i])
            {
                continue;
            }

            var (x, y) = (i % w, i / w);
            for (var d = -2; d <= 2; d++)
            {
                if (x + d >= 0 && x + d < w && px[i + d] > 40)
                {
                    clear[i + d] = true;
                }

                if (y + d >= 0 && y + d < h && px[i + d * w] > 40)
                {
                    clear[i + d * w] = true;
                }
            }
        }

        // Binarise: scanner noise and paper tone go, ink stays; tesseract's own thresholding does worse on speckled grey.
        for (var i = 0; i < px.Length; i++)
        {
            px[i] = clear[i] || px[i] >= Threshold ? (byte)255 : (byte)0;
        }
    }

    private const int Threshold = 170;

    /// <summary>An 8-bit binary PGM (what pdftoppm -gray writes), decoded by ImageSharp; null when it is anything else or broken.</summary>
    public static GrayImage? ReadPgm(byte[] bytes) =>
        bytes.Length >= 8 && bytes[0] == (byte)'P' && bytes[1] == (byte)'5' ? Decode(bytes) : null;

    public static byte[] WritePgm(GrayImage g)
    {
        var header = Encoding.ASCII.GetBytes($"P5\n{g.Width} {g.Height}\n255\n");
        var result = new byte[header.Length + g.Pixels.Length];
        header.CopyTo(result, 0);
        g.Pixels.CopyTo(result, header.Length);
        return result;
    }

    /// <summary>
    /// Decodes a PNG to grey (any bit depth, palette or interlacing) with ImageSharp; null when it cannot be decoded or its
    /// chunk structure is broken (<see cref="ImageProbe"/>), so a corrupt file is never OCR'd as a blank page.
    /// </summary>
    public static GrayImage? ReadPng(ReadOnlySpan<byte> png)
    {
        var info = ImageProbe.Probe(png);
        return info.Kind == ImageProbe.Kind.Png && info.Problem is null && info.Width > 0 ? Decode(png.ToArray()) : null;
    }

    private static GrayImage? Decode(byte[] bytes)
    {
        try
        {
            using var image = Image.Load<L8>(ImageProbe.Decoders, bytes);
            var pixels = new byte[image.Width * image.Height];
            image.CopyPixelDataTo(pixels);
            return new GrayImage(image.Width, image.Height, pixels);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            // The decoder's own defects on hostile data (see ImageProbe) are a file it cannot decode, not a crash.
            return null;
        }
    }
}
