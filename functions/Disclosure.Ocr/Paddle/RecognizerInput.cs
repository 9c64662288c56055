using Disclosure.Ocr.Raster;

namespace Disclosure.Ocr.Paddle;

/// <summary>
/// PaddleOCR's recognition preprocessing (<c>resize_norm_img</c>) for one grey crop: resized to height 48 with its aspect
/// kept (bilinear), the grey value copied to 3 channels, scaled to [-1, 1], and padded on the right with 0 — mid-grey
/// after normalisation, as PaddleOCR pads; white padding made the model read a lone 0 as o. Tall crops are not rotated
/// (PaddleOCR's rule for detected boxes would turn a lone 1 on its side).
/// </summary>
internal static class RecognizerInput
{
    public const int Height = 48;

    /// <summary>Narrowest input: 96 reads single digits as well as PaddleOCR's 320 and takes half the time.</summary>
    public const int MinWidth = 96;

    /// <summary>Widest input (a 40:1 line); wider crops are squeezed, which only a page-wide line of running text reaches.</summary>
    public const int MaxWidth = 1920;

    /// <summary>The tensor (NCHW, N = 1) and the width the crop occupies in it before the padding.</summary>
    public static (float[] Data, int Width, int ContentWidth) Build(GrayImage crop)
    {
        var content = Math.Clamp((int)Math.Ceiling(Height * (double)crop.Width / Math.Max(1, crop.Height)), 1, MaxWidth);
        var width = Math.Max(MinWidth, content);
        var data = new float[3 * Height * width];
        var resized = Resize(crop, content, Height);
        var plane = Height * width;
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < content; x++)
            {
                var v = resized[y * content + x] / 255f;
                v = (v - 0.5f) / 0.5f;
                var i = y * width + x;
                data[i] = v;
                data[plane + i] = v;
                data[2 * plane + i] = v;
            }
        }

        return (data, width, content);
    }

    /// <summary>Bilinear resize with pixel centres aligned (as OpenCV's INTER_LINEAR).</summary>
    internal static byte[] Resize(GrayImage src, int width, int height)
    {
        var dst = new byte[width * height];
        var sx = (double)src.Width / width;
        var sy = (double)src.Height / height;
        for (var y = 0; y < height; y++)
        {
            var fy = Math.Clamp((y + 0.5) * sy - 0.5, 0, src.Height - 1);
            var y0 = (int)fy;
            var y1 = Math.Min(src.Height - 1, y0 + 1);
            var wy = fy - y0;
            for (var x = 0; x < width; x++)
            {
                var fx = Math.Clamp((x + 0.5) * sx - 0.5, 0, src.Width - 1);
                var x0 = (int)fx;
                var x1 = Math.Min(src.Width - 1, x0 + 1);
                var wx = fx - x0;
                var top = src.Pixels[y0 * src.Width + x0] * (1 - wx) + src.Pixels[y0 * src.Width + x1] * wx;
                var bottom = src.Pixels[y1 * src.Width + x0] * (1 - wx) + src.Pixels[y1 * src.Width + x1] * wx;
                dst[y * width + x] = (byte)Math.Round(top * (1 - wy) + bottom * wy);
            }
        }

        return dst;
    }
}
