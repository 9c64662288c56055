using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Disclosure.Ocr.Raster;

namespace Disclosure.Ocr.Local;

/// <summary>
/// Removes table ruling lines from a grey raster before OCR: tesseract reads cell borders as '|', '[' or '一' and merges
/// neighbouring cells otherwise. A dark run longer than a quarter inch, horizontal or vertical, is a rule, not a glyph.
/// Works on PGM (what pdftoppm writes) and on plain PNG (8-bit grey/RGB/RGBA, not interlaced); other inputs pass through.
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

    public static GrayImage? ReadPgm(byte[] bytes)
    {
        if (bytes.Length < 8 || bytes[0] != (byte)'P' || bytes[1] != (byte)'5')
        {
            return null;
        }

        var pos = 2;
        string Token()
        {
            while (pos < bytes.Length && char.IsWhiteSpace((char)bytes[pos]))
            {
                pos++;
            }

            var start = pos;
            while (pos < bytes.Length && !char.IsWhiteSpace((char)bytes[pos]))
            {
                pos++;
            }

            return Encoding.ASCII.GetString(bytes, start, pos - start);
        }

        var w = int.Parse(Token(), CultureInfo.InvariantCulture);
        var h = int.Parse(Token(), CultureInfo.InvariantCulture);
        var max = int.Parse(Token(), CultureInfo.InvariantCulture);
        pos++;
        return max != 255 || (long)w * h > bytes.Length - pos ? null : new GrayImage(w, h, bytes[pos..(pos + w * h)]);
    }

    public static byte[] WritePgm(GrayImage g)
    {
        var header = Encoding.ASCII.GetBytes($"P5\n{g.Width} {g.Height}\n255\n");
        var result = new byte[header.Length + g.Pixels.Length];
        header.CopyTo(result, 0);
        g.Pixels.CopyTo(result, header.Length);
        return result;
    }

    /// <summary>Decodes a plain PNG to grey; null for anything unusual (palette, 16-bit, interlaced), which is OCR'd as is.</summary>
    public static GrayImage? ReadPng(ReadOnlySpan<byte> png)
    {
        if (png.Length < 33)
        {
            return null;
        }

        var w = (int)BinaryPrimitives.ReadUInt32BigEndian(png[16..]);
        var h = (int)BinaryPrimitives.ReadUInt32BigEndian(png[20..]);
        int depth = png[24], colour = png[25], interlace = png[28];
        var channels = colour switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => 0 };
        if (depth != 8 || channels == 0 || interlace != 0)
        {
            return null;
        }

        using var idat = new MemoryStream();
        var pos = 8;
        while (pos + 8 <= png.Length)
        {
            var len = (int)BinaryPrimitives.ReadUInt32BigEndian(png[pos..]);
            var type = Encoding.ASCII.GetString(png.Slice(pos + 4, 4));
            if (type == "IDAT")
            {
                idat.Write(png.Slice(pos + 8, len));
            }

            pos += 12 + len;
        }

        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        var stride = w * channels;
        var raw = new byte[(stride + 1) * h];
        var read = 0;
        while (read < raw.Length)
        {
            var n = z.Read(raw, read, raw.Length - read);
            if (n == 0)
            {
                return null;
            }

            read += n;
        }

        var prev = new byte[stride];
        var cur = new byte[stride];
        var gray = new byte[w * h];
        for (var y = 0; y < h; y++)
        {
            var filter = raw[y * (stride + 1)];
            Buffer.BlockCopy(raw, y * (stride + 1) + 1, cur, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? cur[i - channels] : 0, b = prev[i], c = i >= channels ? prev[i - channels] : 0;
                cur[i] = filter switch
                {
                    1 => (byte)(cur[i] + a),
                    2 => (byte)(cur[i] + b),
                    3 => (byte)(cur[i] + (a + b) / 2),
                    4 => (byte)(cur[i] + Paeth(a, b, c)),
                    _ => cur[i],
                };
            }

            for (var x = 0; x < w; x++)
            {
                gray[y * w + x] = channels switch
                {
                    1 or 2 => cur[x * channels],
                    _ => (byte)((cur[x * channels] * 299 + cur[x * channels + 1] * 587 + cur[x * channels + 2] * 114) / 1000),
                };
            }

            (prev, cur) = (cur, prev);
        }

        return new GrayImage(w, h, gray);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
