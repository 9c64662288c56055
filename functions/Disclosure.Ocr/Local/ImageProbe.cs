using System.Buffers.Binary;

namespace Disclosure.Ocr.Local;

/// <summary>Reads an image's type and pixel size from its header, before any decoder sees it (decompression-bomb guard).</summary>
internal static class ImageProbe
{
    public enum Kind
    {
        Unsupported,
        Png,
        Jpeg,
        Tiff,
    }

    public sealed record Info(Kind Kind, long Width, long Height, string Name)
    {
        /// <summary>Colour components (JPEG only: 1 grey, 3 colour, 4 CMYK); 0 when unknown.</summary>
        public int Components { get; init; }

        /// <summary>Resolution the file declares (PNG pHYs, JPEG JFIF density) in dots per inch; 0 when it declares none.</summary>
        public int Dpi { get; init; }

        public long Pixels => Width * Height;
    }

    public static Info Probe(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 24 && b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return new Info(Kind.Png, BinaryPrimitives.ReadUInt32BigEndian(b[16..]), BinaryPrimitives.ReadUInt32BigEndian(b[20..]), "PNG") { Dpi = PngDpi(b) };
        }

        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xD8)
        {
            return ProbeJpeg(b);
        }

        if (b.Length >= 8 && (b.StartsWith("II*\0"u8) || b.StartsWith("MM\0*"u8)))
        {
            return ProbeTiff(b);
        }

        var name = b.StartsWith("GIF8"u8) ? "GIF" : b.StartsWith("BM"u8) ? "BMP" : b.StartsWith("RIFF"u8) ? "WebP" : "unknown";
        return new Info(Kind.Unsupported, 0, 0, name);
    }

    /// <summary>pHYs (before the image data): pixels per metre when the unit byte is 1.</summary>
    private static int PngDpi(ReadOnlySpan<byte> b)
    {
        var pos = 8;
        while (pos + 12 <= b.Length)
        {
            var len = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(b[pos..]), int.MaxValue - 12);
            var type = b.Slice(pos + 4, 4);
            if (type.SequenceEqual("IDAT"u8) || type.SequenceEqual("IEND"u8))
            {
                return 0;
            }

            if (type.SequenceEqual("pHYs"u8) && len >= 9 && pos + 17 <= b.Length && b[pos + 16] == 1)
            {
                return (int)Math.Round(BinaryPrimitives.ReadUInt32BigEndian(b[(pos + 8)..]) * 0.0254);
            }

            if ((long)pos + 12 + len > b.Length)
            {
                return 0;
            }

            pos += 12 + len;
        }

        return 0;
    }

    /// <summary>JFIF APP0 density: units 1 = dots per inch, 2 = dots per centimetre.</summary>
    private static int JfifDpi(ReadOnlySpan<byte> b)
    {
        if (b.Length < 18 || b[2] != 0xFF || b[3] != 0xE0 || !b.Slice(6, 5).SequenceEqual("JFIF\0"u8))
        {
            return 0;
        }

        var density = BinaryPrimitives.ReadUInt16BigEndian(b[14..]);
        return b[13] switch { 1 => density, 2 => (int)Math.Round(density * 2.54), _ => 0 };
    }

    private static Info ProbeJpeg(ReadOnlySpan<byte> b)
    {
        var i = 2;
        while (i + 9 < b.Length)
        {
            if (b[i] != 0xFF)
            {
                i++;
                continue;
            }

            var marker = b[i + 1];
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7) or 0xFF)
            {
                i += marker == 0xFF ? 1 : 2;
                continue;
            }

            var len = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
            // SOF0..SOF15 except DHT (C4), JPG (C8), DAC (CC) carry the frame size.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                var h = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]);
                var w = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 7)..]);
                return new Info(Kind.Jpeg, w, h, "JPEG") { Components = b[i + 9], Dpi = JfifDpi(b) };
            }

            i += 2 + len;
        }

        return new Info(Kind.Jpeg, 0, 0, "JPEG");
    }

    private static Info ProbeTiff(ReadOnlySpan<byte> b)
    {
        var little = b[0] == (byte)'I';
        uint U32(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);
        ushort U16(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);

        long total = 0, maxW = 0, maxH = 0;
        var offset = U32(b[4..]);
        for (var page = 0; page < 10_000 && offset > 0 && offset + 2 <= b.Length; page++)
        {
            var count = U16(b[(int)offset..]);
            long w = 0, h = 0;
            for (var e = 0; e < count; e++)
            {
                var at = (int)offset + 2 + e * 12;
                if (at + 12 > b.Length)
                {
                    break;
                }

                var tag = U16(b[at..]);
                var type = U16(b[(at + 2)..]);
                long value = type == 3 ? U16(b[(at + 8)..]) : U32(b[(at + 8)..]);
                if (tag == 256)
                {
                    w = value;
                }
                else if (tag == 257)
                {
                    h = value;
                }
            }

            total += w * h;
            maxW = Math.Max(maxW, w);
            maxH = Math.Max(maxH, h);
            var next = (int)offset + 2 + count * 12;
            offset = next + 4 <= b.Length ? U32(b[next..]) : 0;
        }

        // Multi-page TIFF: the cap applies to all pages together, so report the total as one tall image.
        return new Info(Kind.Tiff, maxW, maxW == 0 ? 0 : total / maxW, "TIFF");
    }
}
