namespace Disclosure.Ocr.Local;

/// <summary>The image header probe and PNG decoding as one call, for the fuzz harness (tests/Disclosure.Fuzz).</summary>
public static class FuzzEntry
{
    /// <summary>Probes the header and, for a PNG within a fuzzing-sized pixel count, decodes it; returns the pixel count.</summary>
    public static long Image(byte[] bytes)
    {
        var info = ImageProbe.Probe(bytes);
        return info.Kind == ImageProbe.Kind.Png && info.Pixels is > 0 and <= 4_000_000 && RasterCleaner.ReadPng(bytes) is { } gray ? gray.Pixels.Length : info.Pixels;
    }
}
