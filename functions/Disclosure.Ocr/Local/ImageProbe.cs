using System.Buffers.Binary;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata;

namespace Disclosure.Ocr.Local;

/// <summary>
/// Reads an image's type, pixel size and declared resolution before any decoder runs on its pixels (decompression-bomb
/// guard). The header is read by SixLabors.ImageSharp (Identify); on top of it two structural checks refuse what a
/// lenient decoder would quietly fill with black: a PNG whose chunks run past the end of the file, and a baseline JPEG
/// whose header claims more pixels than its scan data can hold. Such images come back with size 0, which the readers
/// report as a corrupt image.
/// </summary>
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

        /// <summary>Resolution the file declares (PNG pHYs, JPEG JFIF/EXIF density) in dots per inch; 0 when it declares none.</summary>
        public int Dpi { get; init; }

        /// <summary>Why the image is refused as corrupt (size is then 0); null when its structure holds.</summary>
        public string? Problem { get; init; }

        public long Pixels => Width * Height;
    }

    /// <summary>
    /// A header claiming more pixels than the default cap is reported with its size, whatever follows it: the reader then
    /// refuses it as a pixel bomb (the clearer reason) before anything is decoded.
    /// </summary>
    private static readonly long ClaimedPixelsReportedAsSuch = new Disclosure.Core.Engine.ReadLimits().MaxPixels;

    /// <summary>ImageSharp with its default decoders; one instance, as its decoders are stateless.</summary>
    internal static Configuration Decoders { get; } = Configuration.Default.Clone();

    public static Info Probe(ReadOnlySpan<byte> b)
    {
        var kind = b.Length >= 8 && b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? Kind.Png
            : b.Length >= 4 && b[0] == 0xFF && b[1] == 0xD8 ? Kind.Jpeg
            : b.Length >= 8 && (b.StartsWith("II*\0"u8) || b.StartsWith("MM\0*"u8)) ? Kind.Tiff
            : Kind.Unsupported;
        if (kind == Kind.Unsupported)
        {
            var other = b.StartsWith("GIF8"u8) ? "GIF" : b.StartsWith("BM"u8) ? "BMP" : b.StartsWith("RIFF"u8) ? "WebP" : "unknown";
            return new Info(Kind.Unsupported, 0, 0, other);
        }

        var name = kind.ToString().ToUpperInvariant();
        IImageInfo? info;
        try
        {
            using var stream = new MemoryStream(b.ToArray(), writable: false);
            info = Image.Identify(Decoders, stream);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            if (kind == Kind.Png && b.Length >= 24 && b[12..16].SequenceEqual("IHDR"u8)
                && (long)BinaryPrimitives.ReadUInt32BigEndian(b[16..]) * BinaryPrimitives.ReadUInt32BigEndian(b[20..]) > ClaimedPixelsReportedAsSuch)
            {
                // A bare IHDR claiming a pixel bomb: its size is the reason to give, whatever is broken after it.
                return new Info(kind, BinaryPrimitives.ReadUInt32BigEndian(b[16..]), BinaryPrimitives.ReadUInt32BigEndian(b[20..]), name);
            }

            // ImageSharp 2.1.13's Identify throws IndexOutOfRange on a short pHYs chunk and NullReference on a JPEG
            // without a frame (found by the fuzzer, kept in FuzzRegressions/image): any exception is a corrupt header.
            return Corrupt(kind, name, ex.GetType().Name);
        }

        if (info is null || info.Width <= 0 || info.Height <= 0)
        {
            return Corrupt(kind, name, "no image size in the header");
        }

        var problem = kind switch
        {
            Kind.Png => PngProblem(b),
            Kind.Jpeg => JpegScan.Problem(b),
            _ => null,
        };
        if (problem is not null && (long)info.Width * info.Height <= ClaimedPixelsReportedAsSuch)
        {
            return Corrupt(kind, name, problem);
        }

        var declares = kind switch
        {
            Kind.Png => PngDeclaresResolution(b),
            Kind.Jpeg => JpegDeclaresResolution(b),
            _ => true,
        };
        var dpi = declares ? Dpi(info.Metadata) : 0;
        if (kind == Kind.Tiff)
        {
            // Multi-page TIFF: the cap applies to all pages together, so report the total as one tall image.
            var (width, total) = TiffPixels(b);
            return new Info(Kind.Tiff, Math.Max(width, info.Width), total > 0 ? total / Math.Max(width, info.Width) : info.Height, name) { Dpi = dpi };
        }

        return new Info(kind, info.Width, info.Height, name)
        {
            Components = kind == Kind.Jpeg ? Math.Max(1, info.PixelType.BitsPerPixel / 8) : 0,
            Dpi = dpi,
        };
    }

    private static Info Corrupt(Kind kind, string name, string problem) => new(kind, 0, 0, name) { Problem = problem };

    private static int Dpi(ImageMetadata metadata) => metadata.ResolutionUnits switch
    {
        PixelResolutionUnit.PixelsPerInch => (int)Math.Round(metadata.HorizontalResolution),
        PixelResolutionUnit.PixelsPerCentimeter => (int)Math.Round(metadata.HorizontalResolution * 2.54),
        PixelResolutionUnit.PixelsPerMeter => (int)Math.Round(metadata.HorizontalResolution * 0.0254),
        _ => 0,
    };

    /// <summary>
    /// The PNG chunk structure: every chunk's length fits in the file (a length read as negative or past the end is
    /// corrupt, never a loop), and image data is present. One pass, at most one step per chunk.
    /// </summary>
    private static string? PngProblem(ReadOnlySpan<byte> b)
    {
        long pos = 8;
        var data = false;
        while (pos + 8 <= b.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(b[(int)pos..]);
            var type = b.Slice((int)pos + 4, 4);
            if (pos + 12 + length > b.Length)
            {
                return $"PNG chunk {Ascii(type)} of {length:N0} bytes runs past the end of the file";
            }

            data |= type.SequenceEqual("IDAT"u8);
            if (type.SequenceEqual("IEND"u8))
            {
                break;
            }

            pos += 12 + length;
        }

        return data ? null : "PNG without image data (IDAT)";
    }

    private static string Ascii(ReadOnlySpan<byte> type)
    {
        Span<char> chars = stackalloc char[4];
        for (var i = 0; i < 4; i++)
        {
            chars[i] = type[i] is >= 0x20 and < 0x7F ? (char)type[i] : '?';
        }

        return new string(chars);
    }

    /// <summary>A pHYs chunk before the image data (ImageSharp reports 96 dpi by default when there is none).</summary>
    private static bool PngDeclaresResolution(ReadOnlySpan<byte> b)
    {
        long pos = 8;
        while (pos + 8 <= b.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(b[(int)pos..]);
            var type = b.Slice((int)pos + 4, 4);
            if (type.SequenceEqual("pHYs"u8))
            {
                return true;
            }

            if (type.SequenceEqual("IDAT"u8) || type.SequenceEqual("IEND"u8))
            {
                return false;
            }

            pos += 12 + length;
        }

        return false;
    }

    /// <summary>A JFIF APP0 or an EXIF APP1 segment: the JPEG states a density.</summary>
    private static bool JpegDeclaresResolution(ReadOnlySpan<byte> b) =>
        (b.Length >= 11 && b[2] == 0xFF && b[3] == 0xE0 && b.Slice(6, 5).SequenceEqual("JFIF\0"u8))
        || b[..Math.Min(b.Length, 64 * 1024)].IndexOf("Exif\0\0"u8) >= 0;

    /// <summary>Width of the widest page and the pixels of all pages (IFD chain; a cycle in it is followed once).</summary>
    private static (long Width, long Total) TiffPixels(ReadOnlySpan<byte> b)
    {
        var little = b[0] == (byte)'I';
        uint U32(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);
        ushort U16(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);

        long total = 0, maxW = 0;
        var seen = new HashSet<uint>();
        var offset = U32(b[4..]);
        for (var page = 0; page < 10_000 && offset > 0 && offset + 2L <= b.Length && seen.Add(offset); page++)
        {
            var count = U16(b[(int)offset..]);
            long w = 0, h = 0;
            for (var e = 0; e < count; e++)
            {
                var at = (long)offset + 2 + e * 12L;
                if (at + 12 > b.Length)
                {
                    break;
                }

                var tag = U16(b[(int)at..]);
                var type = U16(b[((int)at + 2)..]);
                long value = type == 3 ? U16(b[((int)at + 8)..]) : U32(b[((int)at + 8)..]);
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
            var next = (long)offset + 2 + count * 12L;
            offset = next + 4 <= b.Length ? U32(b[(int)next..]) : 0;
        }

        return (maxW, total);
    }
}
