namespace Disclosure.Ocr.Raster;

/// <summary>An 8-bit grey raster, row-major, 0 = black. Immutable by convention: stages return new images.</summary>
internal sealed record GrayImage(int Width, int Height, byte[] Pixels)
{
    /// <summary>A copy of the rectangle [x0, x1) × [y0, y1), clipped to the image.</summary>
    public GrayImage Crop(int x0, int y0, int x1, int y1)
    {
        x0 = Math.Clamp(x0, 0, Width);
        x1 = Math.Clamp(x1, x0, Width);
        y0 = Math.Clamp(y0, 0, Height);
        y1 = Math.Clamp(y1, y0, Height);
        var (w, h) = (x1 - x0, y1 - y0);
        var px = new byte[w * h];
        for (var y = 0; y < h; y++)
        {
            Buffer.BlockCopy(Pixels, (y0 + y) * Width + x0, px, y * w, w);
        }

        return new GrayImage(w, h, px);
    }
}
