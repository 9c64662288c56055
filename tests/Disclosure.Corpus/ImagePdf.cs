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
