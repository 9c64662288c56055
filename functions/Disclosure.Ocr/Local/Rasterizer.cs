using System.Globalization;
using System.Text;
using Disclosure.Ocr.Raster;

namespace Disclosure.Ocr.Local;

/// <summary>Grey rasters for the scan path: PDF pages through pdftoppm, and JPEG images by wrapping them in a one-page PDF.</summary>
internal static class Rasterizer
{
    public static async Task<(GrayImage? Image, string? Error)> PageAsync(string pdf, int page, int dpi, OcrOptions options, TempFolder temp, CancellationToken ct)
    {
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

    /// <summary>
    /// A one-page PDF showing the JPEG at <paramref name="dpi"/> (the JPEG data is embedded as is, DCTDecode), so that
    /// poppler decodes it: rasterised at the same resolution it gives back the image's own pixels.
    /// </summary>
    public static byte[] JpegAsPdf(ReadOnlySpan<byte> jpeg, long width, long height, int components, int dpi)
    {
        var colourSpace = components == 1 ? "/DeviceGray" : components == 4 ? "/DeviceCMYK /Decode [1 0 1 0 1 0 1 0]" : "/DeviceRGB";
        var w = (width * 72.0 / dpi).ToString("0.###", CultureInfo.InvariantCulture);
        var h = (height * 72.0 / dpi).ToString("0.###", CultureInfo.InvariantCulture);
        var content = $"q {w} 0 0 {h} 0 0 cm /Im0 Do Q";
        using var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Write(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        void Object(string body)
        {
            offsets.Add(pdf.Position);
            Write($"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }

        Write("%PDF-1.4\n");
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w} {h}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>");
        offsets.Add(pdf.Position);
        Write($"4 0 obj\n<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace {colourSpace} /BitsPerComponent 8 /Filter /DCTDecode /Length {jpeg.Length} >>\nstream\n");
        pdf.Write(jpeg);
        Write("\nendstream\nendobj\n");
        Object($"<< /Length {content.Length} >>\nstream\n{content}\nendstream");
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
