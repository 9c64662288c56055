using Disclosure.Ocr.Local;

namespace Disclosure.Tests.Ocr;

/// <summary>The image header gives type, size and the resolution the file declares, before any decoder runs.</summary>
public sealed class ImageProbeTests
{
    [Theory]
    [InlineData("table2.png", "Png", 300)] // pHYs 11811 pixels per metre
    [InlineData("table2-scan.jpg", "Jpeg", 200)] // JFIF density 200 dots per inch
    public void Declared_resolution_is_read_from_the_header(string fixture, string kind, int dpi)
    {
        var info = ImageProbe.Probe(File.ReadAllBytes(Path.Combine(OcrTestPaths.Fixtures, fixture)));

        Assert.Equal(kind, info.Kind.ToString());
        Assert.Equal(dpi, info.Dpi);
        Assert.True(info.Width > 0 && info.Height > 0);
    }

    [Fact]
    public void A_header_without_a_resolution_declares_none()
    {
        // PNG signature and IHDR (1×1 grey) followed straight by IDAT: no pHYs.
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, (byte)'I', (byte)'D', (byte)'A', (byte)'T', 0, 0, 0, 0];

        Assert.Equal(0, ImageProbe.Probe(png).Dpi);
    }
}
