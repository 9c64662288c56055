using System.Globalization;
using System.Text;
using Disclosure.Ocr.Raster;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using UglyToad.PdfPig;

namespace Disclosure.Ocr.Local;

/// <summary>
/// Grey rasters for the scan path: a scanned PDF page's embedded image and image files decoded in managed code (PdfPig,
/// ImageSharp: no outside program, as in Azure); other PDF pages through pdftoppm.
/// </summary>
internal static class Rasterizer
{
    /// <summary>
    /// One page as a grey raster at <paramref name="dpi"/>: a page that is one embedded image (a scan) is decoded in
    /// managed code (<see cref="EmbeddedPageImage"/>), which needs no outside program and so works in Azure; any other
    /// page is rendered by pdftoppm.
    /// </summary>
    /// <param name="bytes">The PDF as read (the embedded image is taken from it, with no second read).</param>
    /// <param name="pdf">The same PDF written for pdftoppm; null where poppler is not installed (Azure).</param>
    public static async Task<(GrayImage? Image, string? Error)> PageAsync(byte[] bytes, string? pdf, int page, int dpi, OcrOptions options, TempFolder temp, CancellationToken ct)
    {
        if (EmbeddedPageImage(bytes, page, dpi) is { } embedded)
        {
            return (embedded, null);
        }

        if (pdf is null)
        {
            return (null, $"第 {page} 页无文字层，且不是可在进程内解码的扫描图像（page {page} has no text layer and no single embedded scan image this reader decodes without poppler）");
        }

        var prefix = temp.File($"p{page}");
        var pageArg = page.ToString(CultureInfo.InvariantCulture);
        var raster = await ToolRunner.RunAsync("pdftoppm",
            ["-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-singlefile", "-f", pageArg, "-l", pageArg, pdf, prefix],
            temp.Path, options.ToolTimeout, ct).ConfigureAwait(false);
        if (!raster.Ok)
        {
            return (null, $"第 {page} 页栅格化失败（{raster.Describe("pdftoppm")}）");
        }

        var gray = RasterCleaner.ReadPgm(await File.ReadAllBytesAsync(prefix + ".pgm", ct).ConfigureAwait(false));
        File.Delete(prefix + ".pgm");
        return gray is null ? (null, $"第 {page} 页栅格化结果无法读取（pdftoppm output is not an 8-bit PGM）") : (gray, null);
    }

    /// <summary>A scanned page covers at least this share of the page with its one image.</summary>
    private const double ScanCoverage = 0.9;

    /// <summary>
    /// The page's image when the page is a scan — one embedded image covering it (PdfPig finds it, ImageSharp decodes
    /// JPEG (DCTDecode) and Flate-encoded grey/RGB data) — resampled to <paramref name="dpi"/>; null when the page is
    /// anything else or its image cannot be decoded here (JPEG 2000, CCITT), which pdftoppm then renders.
    /// </summary>
    public static GrayImage? EmbeddedPageImage(byte[] pdf, int page, int dpi)
    {
        try
        {
            using var document = PdfDocument.Open(pdf);
            if (page < 1 || page > document.NumberOfPages)
            {
                return null;
            }

            var p = document.GetPage(page);
            var pageArea = p.Width * p.Height;
            var images = p.GetImages().ToList();
            if (images.Count != 1 || pageArea <= 0 || images[0].BoundingBox.Width * images[0].BoundingBox.Height < ScanCoverage * pageArea)
            {
                return null;
            }

            var image = images[0];
            var width = (int)Math.Round(p.Width / 72 * dpi);
            var height = (int)Math.Round(p.Height / 72 * dpi);
            if (DirectSamples(image) is { } samples)
            {
                return Resized(samples, width, height);
            }

            // JPEG (PdfPig does not decode it: ImageSharp reads the raw stream), and what the sample path leaves out.
            var encoded = image.TryGetPng(out var png) ? png : image.RawBytes.ToArray();
            return DecodeGray(encoded, 0, width, height);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            // Not a PDF PdfPig can read, or an image ImageSharp cannot decode: poppler may still render it.
            return null;
        }
    }

    /// <summary>
    /// The grey samples of a page image PdfPig decodes to plain 8-bit samples — Flate-encoded or unfiltered, DeviceGray
    /// or DeviceRGB, no Decode array other than the default, no mask — taken as they are (RGB turned grey as ImageSharp
    /// does, BT.709 luminance); null for anything else (JPEG, other colour spaces, masks), which keeps the PNG path.
    /// Why: PdfPig re-encoding a 2481×3508 page as PNG for ImageSharp to decode cost 0.6–1.2 CPU-s a page (docs/ocr.md).
    /// </summary>
    internal static GrayImage? DirectSamples(UglyToad.PdfPig.Content.IPdfImage image)
    {
        if (image.IsImageMask || image.MaskImage is not null || image.BitsPerComponent != 8 || !OnlyFlate(image.ImageDictionary))
        {
            return null;
        }

        var components = image.ColorSpaceDetails?.Type switch
        {
            UglyToad.PdfPig.Graphics.Colors.ColorSpace.DeviceGray => 1,
            UglyToad.PdfPig.Graphics.Colors.ColorSpace.DeviceRGB => 3,
            _ => 0,
        };
        if (components == 0 || !DefaultDecode(image.Decode, components) || !image.TryGetBytesAsMemory(out var memory))
        {
            return null;
        }

        var (w, h) = (image.WidthInSamples, image.HeightInSamples);
        if (w <= 0 || h <= 0 || memory.Length != (long)w * h * components)
        {
            return null;
        }

        var data = memory.Span;
        if (components == 1)
        {
            return new GrayImage(w, h, data.ToArray());
        }

        var grey = new byte[w * h];
        for (var i = 0; i < grey.Length; i++)
        {
            var rgb = new Rgb24(data[3 * i], data[(3 * i) + 1], data[(3 * i) + 2]);
            L8 l = default;
            l.FromRgb24(rgb);
            grey[i] = l.PackedValue;
        }

        return new GrayImage(w, h, grey);
    }

    /// <summary>No filter, or FlateDecode alone (whose predictor PdfPig undoes): the filters whose output is plain samples.</summary>
    private static bool OnlyFlate(UglyToad.PdfPig.Tokens.DictionaryToken dictionary)
    {
        if (!dictionary.TryGet(UglyToad.PdfPig.Tokens.NameToken.Filter, out var filter) && !dictionary.TryGet(UglyToad.PdfPig.Tokens.NameToken.F, out filter))
        {
            return true;
        }

        static bool Flate(UglyToad.PdfPig.Tokens.IToken t) =>
            t is UglyToad.PdfPig.Tokens.NameToken n && (n.Data == "FlateDecode" || n.Data == "Fl");
        return filter switch
        {
            UglyToad.PdfPig.Tokens.NameToken => Flate(filter),
            UglyToad.PdfPig.Tokens.ArrayToken a => a.Data.Count == 0 || (a.Data.Count == 1 && Flate(a.Data[0])),
            _ => false,
        };
    }

    /// <summary>A Decode array absent or [0 1 …] for every component: samples mean what they say.</summary>
    private static bool DefaultDecode(IReadOnlyList<double>? decode, int components) =>
        decode is null || decode.Count == 0
        || (decode.Count == 2 * components && Enumerable.Range(0, components).All(c => decode[2 * c] == 0 && decode[(2 * c) + 1] == 1));

    /// <summary><paramref name="image"/> resampled to <paramref name="width"/> × <paramref name="height"/> as <see cref="DecodeGray"/> does (unchanged when already that size).</summary>
    private static GrayImage Resized(GrayImage image, int width, int height)
    {
        if ((width == image.Width && height == image.Height) || width <= 0 || height <= 0)
        {
            return image;
        }

        using var one = Image.LoadPixelData<L8>(image.Pixels, image.Width, image.Height);
        one.Mutate(x => x.Resize(width, height));
        var pixels = new L8[one.Width * one.Height];
        one.CopyPixelDataTo(pixels);
        return new GrayImage(one.Width, one.Height, System.Runtime.InteropServices.MemoryMarshal.AsBytes(pixels.AsSpan()).ToArray());
    }

    /// <summary>Frames in an encoded image (PNG, JPEG: 1; TIFF: one per page).</summary>
    public static int FrameCount(byte[] encoded)
    {
        using var image = Image.Load<L8>(encoded);
        return image.Frames.Count;
    }

    /// <summary>
    /// Decodes one frame of an encoded image (PNG, JPEG, TIFF, …) to 8-bit grey in managed code (ImageSharp), resampled to
    /// <paramref name="width"/> × <paramref name="height"/> when those are given.
    /// </summary>
    public static GrayImage DecodeGray(byte[] encoded, int frame = 0, int? width = null, int? height = null)
    {
        using var image = Image.Load<L8>(encoded);
        using var one = image.Frames.CloneFrame(Math.Clamp(frame, 0, image.Frames.Count - 1));
        if (width is { } w && height is { } h && (w != one.Width || h != one.Height) && w > 0 && h > 0)
        {
            one.Mutate(x => x.Resize(w, h));
        }

        var pixels = new L8[one.Width * one.Height];
        one.CopyPixelDataTo(pixels);
        return new GrayImage(one.Width, one.Height, System.Runtime.InteropServices.MemoryMarshal.AsBytes(pixels.AsSpan()).ToArray());
    }

    /// <summary>One page image of an image-only PDF: the encoded data is embedded as is under its PDF filter.</summary>
    public sealed record PdfImage(long Width, long Height, string ColourSpace, string Filter, byte[] Data);

    /// <summary>An image-only PDF, one image per page, each page sized so that the image is at <paramref name="dpi"/>.</summary>
    public static byte[] ImagesAsPdf(IReadOnlyList<PdfImage> pages, int dpi)
    {
        using var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Write(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        void Begin()
        {
            offsets.Add(pdf.Position);
            Write($"{offsets.Count} 0 obj\n");
        }

        // Objects: 1 catalog, 2 pages, then for page i: 3+3i page, 4+3i image, 5+3i content.
        Write("%PDF-1.4\n");
        Begin();
        Write("<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        Begin();
        Write($"<< /Type /Pages /Count {pages.Count} /Kids [{string.Join(" ", pages.Select((_, i) => $"{3 + 3 * i} 0 R"))}] >>\nendobj\n");
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            var w = (page.Width * 72.0 / dpi).ToString("0.###", CultureInfo.InvariantCulture);
            var h = (page.Height * 72.0 / dpi).ToString("0.###", CultureInfo.InvariantCulture);
            Begin();
            Write($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w} {h}] /Resources << /XObject << /Im0 {4 + 3 * i} 0 R >> >> /Contents {5 + 3 * i} 0 R >>\nendobj\n");
            Begin();
            Write($"<< /Type /XObject /Subtype /Image /Width {page.Width} /Height {page.Height} /ColorSpace {page.ColourSpace} /BitsPerComponent 8 /Filter {page.Filter} /Length {page.Data.Length} >>\nstream\n");
            pdf.Write(page.Data);
            Write("\nendstream\nendobj\n");
            var content = $"q {w} 0 0 {h} 0 0 cm /Im0 Do Q";
            Begin();
            Write($"<< /Length {content.Length} >>\nstream\n{content}\nendstream\nendobj\n");
        }

        var xref = pdf.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets)
        {
            Write($"{o:0000000000} 00000 n \n");
        }

        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }
}
