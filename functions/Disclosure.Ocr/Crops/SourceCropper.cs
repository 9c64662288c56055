using System.Buffers.Binary;
using System.IO.Compression;
using Disclosure.Core.Contract;
using Disclosure.Ocr.Local;
using Disclosure.Ocr.Raster;

namespace Disclosure.Ocr.Crops;

/// <summary>A grey PNG of the source page around one cell, with the cell's rectangle in the crop's pixels.</summary>
public sealed record SourceCrop(string Key, int Page, byte[] Png, int Width, int Height, int CellLeft, int CellTop, int CellWidth, int CellHeight);

/// <summary>The crops made, or why none could be (a format without page images, no rasteriser on this machine).</summary>
public sealed record SourceCropOutcome(IReadOnlyList<SourceCrop> Crops, string? Unavailable);

/// <summary>
/// Crops of the source around cells, from the page and box the readers record (result.cellDetails): PDF pages rasterised
/// with pdftoppm (boxes in points), PNG scans decoded in process and JPEG scans through the same one-page PDF the OCR path
/// uses (boxes in image pixels). The adapter beside the pure review page; where no raster can be had it says why.
/// </summary>
public static class SourceCropper
{
    /// <summary>Resolution of the crops: enough to read printed digits, small enough to embed dozens in one page.</summary>
    public const int CropDpi = 110;

    /// <summary>At most this many crops per report, so a scan with a hundred blank cells still gives a page that opens quickly.</summary>
    public const int MaxCrops = 150;

    public static async Task<SourceCropOutcome> CropAsync(ReadOnlyMemory<byte> content, ReportResult result, IEnumerable<string> keys,
        OcrOptions options, CancellationToken cancellationToken)
    {
        var wanted = keys.Select(k => (Key: k, Detail: result.CellDetails?.GetValueOrDefault(k)))
            .Where(k => k.Detail is { Page: > 0, Box.Length: 4 })
            .Take(MaxCrops).ToList();
        var format = result.Source.Format;
        if (format is not ("pdf" or "image"))
        {
            return new SourceCropOutcome([], $"该格式（{format}）没有版面图像，无需截图；表中数字即报告原文。");
        }

        if (wanted.Count == 0)
        {
            return new SourceCropOutcome([], "读取时没有记录这些单元格在原件页面上的位置。");
        }

        using var temp = new TempFolder(options.TempRoot);
        var pages = new Dictionary<int, (GrayImage? Image, double Scale, string? Error)>();
        string? pdf = null;
        byte[]? bytes = null;
        var crops = new List<SourceCrop>();
        string? firstError = null;
        foreach (var (key, detail) in wanted)
        {
            var page = detail!.Page!.Value;
            if (!pages.TryGetValue(page, out var raster))
            {
                raster = format == "pdf"
                    ? await PdfPageAsync(bytes ??= content.ToArray(), pdf ??= await WriteAsync(temp, "in.pdf", bytes, cancellationToken).ConfigureAwait(false), page, options, temp, cancellationToken).ConfigureAwait(false)
                    : ImageRaster(content, options);
                pages[page] = raster;
            }

            if (raster.Image is not { } image)
            {
                firstError ??= raster.Error;
                continue;
            }

            crops.Add(Crop(key, page, image, detail.Box!, raster.Scale));
        }

        return new SourceCropOutcome(crops, crops.Count == 0 ? $"原件页面无法栅格化（{firstError}）" : null);
    }

    private static async Task<string> WriteAsync(TempFolder temp, string name, byte[] content, CancellationToken ct)
    {
        var path = temp.File(name);
        await File.WriteAllBytesAsync(path, content, ct).ConfigureAwait(false);
        return path;
    }

    private static async Task<(GrayImage? Image, double Scale, string? Error)> PdfPageAsync(byte[] bytes, string pdf, int page, OcrOptions options, TempFolder temp, CancellationToken ct)
    {
        var (image, error) = await Rasterizer.PageAsync(bytes, pdf, page, CropDpi, options, temp, ct).ConfigureAwait(false);
        return (image, CropDpi / 72.0, error);
    }

    /// <summary>An image scan at a resolution near <see cref="CropDpi"/>; its boxes are in the image's own pixels.</summary>
    private static (GrayImage? Image, double Scale, string? Error) ImageRaster(ReadOnlyMemory<byte> content, OcrOptions options)
    {
        var info = ImageProbe.Probe(content.Span);
        var dpi = info.Dpi is >= 100 and <= 1200 ? info.Dpi : options.Dpi;
        GrayImage? image = null;
        string? error = null;
        if (info.Kind == ImageProbe.Kind.Png)
        {
            image = RasterCleaner.ReadPng(content.Span);
            error = image is null ? "PNG 无法解码" : null;
        }
        else if (info.Kind == ImageProbe.Kind.Jpeg && info.Components is 1 or 3 or 4)
        {
            // Decoded in managed code, as the scan path does (no poppler needed).
            try
            {
                image = Rasterizer.DecodeGray(content.ToArray());
            }
            catch (Exception e) when (e is SixLabors.ImageSharp.ImageFormatException or SixLabors.ImageSharp.UnknownImageFormatException or InvalidDataException)
            {
                error = $"JPEG 无法解码（{e.Message}）";
            }
        }
        else
        {
            error = $"{info.Name} 图片暂不支持截图";
        }

        if (image is null)
        {
            return (null, 1, error);
        }

        var factor = Math.Max(1, (int)Math.Round((double)dpi / CropDpi));
        return (Downsample(image, factor), 1.0 / factor, null);
    }

    private static SourceCrop Crop(string key, int page, GrayImage image, double[] box, double scale)
    {
        var (left, top, right, bottom) = (box[0] * scale, box[1] * scale, box[2] * scale, box[3] * scale);
        var (w, h) = (Math.Max(1, right - left), Math.Max(1, bottom - top));

        // Context: the boxes are those of the printed text (a digit may be 5 pt wide), so the crop reaches about an inch to
        // each side and a third of an inch above and below: the neighbouring cells and the header or label are in view.
        var padX = Math.Max(w * 1.5, CropDpi);
        var padY = Math.Max(h * 1.5, CropDpi / 3.0);
        var x0 = (int)Math.Floor(Math.Max(0, left - padX));
        var y0 = (int)Math.Floor(Math.Max(0, top - padY));
        var x1 = (int)Math.Ceiling(Math.Min(image.Width, right + padX));
        var y1 = (int)Math.Ceiling(Math.Min(image.Height, bottom + padY));
        var crop = image.Crop(x0, y0, Math.Max(x0 + 1, x1), Math.Max(y0 + 1, y1));
        // The outline frames the text with a small margin instead of cutting through it.
        var margin = CropDpi / 16.0;
        var (ol, ot) = (Math.Max(0, left - margin - x0), Math.Max(0, top - margin - y0));
        return new SourceCrop(key, page, GrayPng.Encode(crop), crop.Width, crop.Height,
            (int)Math.Round(ol), (int)Math.Round(ot), (int)Math.Round(Math.Min(crop.Width - ol, w + (2 * margin))), (int)Math.Round(Math.Min(crop.Height - ot, h + (2 * margin))));
    }

    private static GrayImage Downsample(GrayImage image, int factor)
    {
        if (factor <= 1)
        {
            return image;
        }

        var (w, h) = (image.Width / factor, image.Height / factor);
        var px = new byte[w * h];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var sum = 0;
                for (var dy = 0; dy < factor; dy++)
                {
                    var row = ((y * factor) + dy) * image.Width;
                    for (var dx = 0; dx < factor; dx++)
                    {
                        sum += image.Pixels[row + (x * factor) + dx];
                    }
                }

                px[(y * w) + x] = (byte)(sum / (factor * factor));
            }
        }

        return new GrayImage(w, h, px);
    }
}

/// <summary>An 8-bit greyscale PNG writer (IHDR, pHYs when a resolution is given, one zlib IDAT, IEND), without an image library.</summary>
internal static class GrayPng
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    public static byte[] Encode(GrayImage image, int? dpi = null)
    {
        using var idat = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < image.Height; y++)
            {
                z.WriteByte(0); // filter: none
                z.Write(image.Pixels, y * image.Width, image.Width);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), image.Height);
        header[8] = 8; // bit depth; colour type 0 (grey), compression 0, filter 0, no interlace
        Chunk(png, "IHDR", header);
        if (dpi is { } d)
        {
            var phys = new byte[9];
            var perMetre = (int)Math.Round(d / 0.0254);
            BinaryPrimitives.WriteInt32BigEndian(phys, perMetre);
            BinaryPrimitives.WriteInt32BigEndian(phys.AsSpan(4), perMetre);
            phys[8] = 1; // unit: metre
            Chunk(png, "pHYs", phys);
        }

        Chunk(png, "IDAT", idat.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        s.Write(word);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes);
        s.Write(data);
        var crc = Crc(Crc(0xFFFFFFFFu, typeBytes), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        s.Write(word);
    }

    private static uint Crc(uint crc, byte[] data)
    {
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
