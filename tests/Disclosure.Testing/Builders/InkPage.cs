namespace Disclosure.Testing;

/// <summary>
/// A white 8-bit grey raster (row-major, 0 = black) on which tests draw dark boxes: the ink of characters, digits, rules
/// and specks, at known pixels, for the scan reader's geometry stages.
/// </summary>
public sealed class InkPage(int width, int height)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public byte[] Pixels { get; } = Enumerable.Repeat((byte)255, width * height).ToArray();

    /// <summary>Fills [x0, x1) × [y0, y1) with <paramref name="value"/> (black by default; a faint rule is ~130).</summary>
    public InkPage Box(int x0, int y0, int x1, int y1, byte value = 0)
    {
        for (var y = Math.Max(0, y0); y < Math.Min(Height, y1); y++)
        {
            for (var x = Math.Max(0, x0); x < Math.Min(Width, x1); x++)
            {
                Pixels[y * Width + x] = value;
            }
        }

        return this;
    }
}
