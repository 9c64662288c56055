using System.Globalization;

namespace Disclosure.Corpus;

/// <summary>
/// What a scanner and a printer do to a page: resolution, tilt, blur, noise, JPEG compression (8×8 blocks quantised as
/// a JPEG encoder does, without one) and toner (lighter: thin grey strokes; darker: strokes that fill in).
/// </summary>
public sealed record ScanDefects(int Dpi, double Degrees, bool Blur, double Noise, int JpegQuality, double Toner)
{
    /// <summary>Defects of scan <paramref name="index"/> at <paramref name="dpi"/>: tilt up to ±1.5°, every other one blurred, JPEG 40–90, toner −0.35…+0.35.</summary>
    public static ScanDefects For(int dpi, Random rng) => new(
        dpi,
        Degrees: (rng.NextDouble() - 0.5) * 3,
        Blur: rng.Next(2) == 0,
        Noise: 4 + rng.Next(12),
        JpegQuality: rng.Next(3) == 0 ? 0 : 40 + 10 * rng.Next(6),
        Toner: Math.Round((rng.NextDouble() - 0.5) * 0.7, 2));

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Dpi} dpi, tilt {Degrees:0.00}°{(Blur ? ", blur" : "")}, noise {Noise:0}{(JpegQuality > 0 ? $", JPEG q{JpegQuality}" : "")}, toner {(Toner >= 0 ? "lighter" : "darker")} {Math.Abs(Toner):0.00}");

    /// <summary>Lighter toner lifts dark pixels towards white; darker toner pushes grey towards black (a gamma curve).</summary>
    public static byte[] ApplyToner(byte[] px, double toner)
    {
        if (toner == 0)
        {
            return px;
        }

        var gamma = Math.Pow(2, -2 * toner); // +0.35 → 0.62 (lighter), −0.35 → 1.62 (darker)
        var lut = new byte[256];
        for (var i = 0; i < 256; i++)
        {
            lut[i] = (byte)Math.Round(255 * Math.Pow(i / 255.0, gamma));
        }

        return [.. px.Select(p => lut[p])];
    }

    private static readonly int[] Luminance =
    [
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    ];

    /// <summary>JPEG's loss: each 8×8 block through the DCT, quantised with the standard luminance table at <paramref name="quality"/>, and back.</summary>
    public static byte[] Jpeg(int w, int h, byte[] px, int quality)
    {
        if (quality <= 0)
        {
            return px;
        }

        var scale = quality < 50 ? 5000.0 / quality : 200 - 2.0 * quality;
        var q = Luminance.Select(l => Math.Clamp(Math.Floor((l * scale + 50) / 100), 1, 255)).ToArray();
        var cos = new double[8, 8];
        for (var x = 0; x < 8; x++)
        {
            for (var u = 0; u < 8; u++)
            {
                cos[x, u] = Math.Cos((2 * x + 1) * u * Math.PI / 16) * (u == 0 ? Math.Sqrt(0.125) : 0.5);
            }
        }

        var dst = (byte[])px.Clone();
        Parallel.For(0, h / 8, by =>
        {
            var block = new double[64];
            var coef = new double[64];
            for (var bx = 0; bx < w / 8; bx++)
            {
                for (var y = 0; y < 8; y++)
                {
                    for (var x = 0; x < 8; x++)
                    {
                        block[y * 8 + x] = px[(by * 8 + y) * w + bx * 8 + x] - 128;
                    }
                }

                for (var v = 0; v < 8; v++)
                {
                    for (var u = 0; u < 8; u++)
                    {
                        double s = 0;
                        for (var y = 0; y < 8; y++)
                        {
                            for (var x = 0; x < 8; x++)
                            {
                                s += block[y * 8 + x] * cos[x, u] * cos[y, v];
                            }
                        }

                        coef[v * 8 + u] = Math.Round(s / q[v * 8 + u]) * q[v * 8 + u];
                    }
                }

                for (var y = 0; y < 8; y++)
                {
                    for (var x = 0; x < 8; x++)
                    {
                        double s = 0;
                        for (var v = 0; v < 8; v++)
                        {
                            for (var u = 0; u < 8; u++)
                            {
                                s += coef[v * 8 + u] * cos[x, u] * cos[y, v];
                            }
                        }

                        dst[(by * 8 + y) * w + bx * 8 + x] = (byte)Math.Clamp(Math.Round(s + 128), 0, 255);
                    }
                }
            }
        });
        return dst;
    }
}
