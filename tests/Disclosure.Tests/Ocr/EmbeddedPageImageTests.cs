using System.IO.Compression;
using Disclosure.Ocr.Local;

namespace Disclosure.Tests.Ocr;

/// <summary>
/// A scanned page's image taken from the PDF: Flate-encoded 8-bit grey or RGB samples are used as they are (no PNG
/// re-encoding), and give the same pixels as the PNG path; JPEG stays on its own path.
/// </summary>
public sealed class EmbeddedPageImageTests
{
    private const int W = 64;
    private const int H = 48;

    private static byte[] Samples(int components) =>
        [.. Enumerable.Range(0, W * H * components).Select(i => (byte)((i * 37 + (i / (W * components)) * 11) % 256))];

    private static byte[] Flate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>The page image at its own resolution (page size = samples at <paramref name="dpi"/>).</summary>
    private static byte[] Pdf(int components, int dpi = 200) =>
        Rasterizer.ImagesAsPdf([new Rasterizer.PdfImage(W, H, components == 1 ? "/DeviceGray" : "/DeviceRGB", "/FlateDecode", Flate(Samples(components)))], dpi);

    [Fact]
    public void Flate_grey_samples_are_taken_sample_for_sample()
    {
        var image = Rasterizer.EmbeddedPageImage(Pdf(1), 1, 200);

        Assert.NotNull(image);
        Assert.Equal((W, H), (image!.Width, image.Height));
        Assert.Equal(Samples(1), image.Pixels);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void The_sample_path_gives_the_pixels_of_the_png_path(int components)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(Pdf(components));
        var pdfImage = Assert.Single(document.GetPage(1).GetImages());
        Assert.True(pdfImage.TryGetPng(out var png));
        var viaPng = Rasterizer.DecodeGray(png);

        var direct = Rasterizer.DirectSamples(pdfImage);

        Assert.NotNull(direct);
        Assert.Equal((viaPng.Width, viaPng.Height), (direct!.Width, direct.Height));
        Assert.Equal(viaPng.Pixels, direct.Pixels);
    }

    [Fact]
    public void Samples_are_resampled_to_the_dpi_asked_for_as_the_png_path_does()
    {
        // Page sized for 100 dpi, read at 200: twice the samples each way.
        var image = Rasterizer.EmbeddedPageImage(Pdf(1, dpi: 100), 1, 200);
        using var document = UglyToad.PdfPig.PdfDocument.Open(Pdf(1, dpi: 100));
        Assert.True(Assert.Single(document.GetPage(1).GetImages()).TryGetPng(out var png));

        Assert.NotNull(image);
        Assert.Equal((2 * W, 2 * H), (image!.Width, image.Height));
        Assert.Equal(Rasterizer.DecodeGray(png, 0, 2 * W, 2 * H).Pixels, image.Pixels);
    }

    [Fact]
    public void A_jpeg_page_image_is_not_taken_as_samples()
    {
        var jpeg = File.ReadAllBytes(Path.Combine(OcrTestPaths.Fixtures, "table2-scan.jpg"));
        var info = ImageProbe.Probe(jpeg);
        var pdf = Rasterizer.ImagesAsPdf([new Rasterizer.PdfImage(info.Width, info.Height, info.Components == 1 ? "/DeviceGray" : "/DeviceRGB", "/DCTDecode", jpeg)], 200);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);

        Assert.Null(Rasterizer.DirectSamples(Assert.Single(document.GetPage(1).GetImages())));
        // … and the page is still decoded, by ImageSharp from the JPEG stream.
        var image = Rasterizer.EmbeddedPageImage(pdf, 1, 200);
        Assert.NotNull(image);
        Assert.Equal((info.Width, info.Height), (image!.Width, image.Height));
    }
}
