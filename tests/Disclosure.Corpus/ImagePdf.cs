using System.IO.Compression;
using Disclosure.Ocr.Local;

namespace Disclosure.Corpus;

/// <summary>Writes grey page images as an image-only PDF (one Flate-compressed image per page), as a scanner would.</summary>
public static class ImagePdf
{
    public static void Write(IReadOnlyList<(int W, int H, byte[] Px)> pages, int dpi, string path) =>
        File.WriteAllBytes(path, Rasterizer.ImagesAsPdf([.. pages.Select(p => new Rasterizer.PdfImage(p.W, p.H, "/DeviceGray", "/FlateDecode", Deflate(p.Px)))], dpi));

    private static byte[] Deflate(byte[] pixels)
    {
        using var packed = new MemoryStream();
        using (var z = new ZLibStream(packed, CompressionLevel.Fastest))
        {
            z.Write(pixels);
        }

        return packed.ToArray();
    }
}

/// <summary>
/// A small scan sample to commit: chosen pages of a corpus scan, re-encoded as grey JPEG (DCTDecode, as scanners write
/// them) at the scan's resolution, so that one or two pages stay well under a megabyte.
/// </summary>
public static class ScanSample
{
    public static int Write(string scanPdf, IReadOnlyList<int> pages, int dpi, int quality, string path)
    {
        var bytes = File.ReadAllBytes(scanPdf);
        var images = new List<Rasterizer.PdfImage>();
        foreach (var page in pages)
        {
            var gray = Rasterizer.EmbeddedPageImage(bytes, page, dpi) ?? throw new InvalidDataException($"page {page} of {scanPdf} is not one scan image");
            using var image = SixLabors.ImageSharp.Image.LoadPixelData<SixLabors.ImageSharp.PixelFormats.L8>(gray.Pixels, gray.Width, gray.Height);
            using var jpeg = new MemoryStream();
            image.Save(jpeg, new SixLabors.ImageSharp.Formats.Jpeg.JpegEncoder { Quality = quality, ColorType = SixLabors.ImageSharp.Formats.Jpeg.JpegColorType.Luminance });
            images.Add(new Rasterizer.PdfImage(gray.Width, gray.Height, "/DeviceGray", "/DCTDecode", jpeg.ToArray()));
            Console.WriteLine($"page {page}: {gray.Width}x{gray.Height}, JPEG {jpeg.Length / 1024} KB");
        }

        File.WriteAllBytes(path, Rasterizer.ImagesAsPdf(images, dpi));
        return 0;
    }
}
