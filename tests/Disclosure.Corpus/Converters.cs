using System.Diagnostics;
using System.Globalization;

namespace Disclosure.Corpus;

/// <summary>HTML to PDF (Chromium), HTML to DOCX (LibreOffice), PDF to degraded scans (pdftoppm + rotation, blur, noise).</summary>
public static class Converters
{
    public static void Run(string program, string workDir, params string[] args) => Run(program, workDir, TimeSpan.FromMinutes(3), args);

    public static void Run(string program, string workDir, TimeSpan timeout, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { WorkingDirectory = workDir, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"{program} did not start");
        var err = p.StandardError.ReadToEndAsync();
        _ = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(true);
            throw new TimeoutException($"{program} timed out");
        }

        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({p.ExitCode}): {err.Result}");
        }
    }

    public static void HtmlToPdf(string html, string pdf)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(pdf))!;
        var profile = Path.Combine(Path.GetTempPath(), "corpus-chromium-" + Guid.NewGuid().ToString("N"));
        try
        {
            Run("chromium", dir, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", $"--user-data-dir={profile}",
                $"--print-to-pdf={Path.GetFullPath(pdf)}", "file://" + Path.GetFullPath(html));
        }
        finally
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, true);
            }
        }
    }

    public static void HtmlToDocx(string html, string docx)
    {
        var outDir = Path.Combine(Path.GetTempPath(), "corpus-soffice-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outDir);
        try
        {
            Run("soffice", outDir, $"-env:UserInstallation=file://{outDir}/profile", "--headless", "--convert-to", "docx:MS Word 2007 XML",
                "--outdir", outDir, Path.GetFullPath(html));
            File.Copy(Path.Combine(outDir, Path.GetFileNameWithoutExtension(html) + ".docx"), docx, true);
        }
        finally
        {
            Directory.Delete(outDir, true);
        }
    }

    /// <summary>
    /// Converts documents with LibreOffice in one run (one start-up for all): <paramref name="target"/> is a
    /// --convert-to argument such as <c>pdf:writer_pdf_Export</c> or <c>docx:MS Word 2007 XML</c>. Returns the outputs.
    /// </summary>
    public static List<string> Soffice(IReadOnlyList<string> inputs, string target, string outDir)
    {
        var profile = Path.Combine(Path.GetTempPath(), "corpus-soffice-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outDir);
        try
        {
            // A minute to start, half a minute a document (a loaded machine; Writer converts one at a time).
            Run("soffice", outDir, TimeSpan.FromSeconds(60 + 30 * inputs.Count), [$"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target, "--outdir", Path.GetFullPath(outDir), .. inputs.Select(Path.GetFullPath)]);
        }
        finally
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, true);
            }
        }

        var ext = "." + target.Split(':')[0];
        return [.. inputs.Select(i => Path.Combine(outDir, Path.GetFileNameWithoutExtension(i) + ext))];
    }

    /// <summary>Rasterises every page at <paramref name="dpi"/> in grey, rotates, blurs and adds noise; writes PNG pages.</summary>
    public static List<string> PdfToScans(string pdf, string outPrefix, int dpi, double degrees, bool blur, double noise, int seed)
    {
        var outputs = new List<string>();
        foreach (var (page, i) in DegradedPages(pdf, dpi, degrees, blur, noise, seed).Select((p, i) => (p, i)))
        {
            var path = $"{outPrefix}-p{i + 1}.png";
            File.WriteAllBytes(path, Png.Gray(page.W, page.H, page.Px, dpi));
            outputs.Add(path);
        }

        return outputs;
    }

    /// <summary>
    /// The same degraded pages bound into an image-only PDF (no text layer), without a browser: what a test needs to put a
    /// committed text-layer PDF through the scan path.
    /// </summary>
    public static void PdfToScanPdf(string pdf, string scanPdf, int dpi, double degrees, int seed) =>
        ImagePdf.Write(DegradedPages(pdf, dpi, degrees, blur: true, noise: 12, seed), dpi, scanPdf);

    /// <summary>A scan of a print with the given defects, bound into an image-only PDF.</summary>
    public static void PdfToScanPdf(string pdf, string scanPdf, ScanDefects defects, int seed) =>
        ImagePdf.Write(
            [.. DegradedPages(pdf, defects.Dpi, defects.Degrees, defects.Blur, defects.Noise, seed)
                .Select(p => (p.W, p.H, Px: ScanDefects.Jpeg(p.W, p.H, ScanDefects.ApplyToner(p.Px, defects.Toner), defects.JpegQuality)))],
            defects.Dpi, scanPdf);

    private static List<(int W, int H, byte[] Px)> DegradedPages(string pdf, int dpi, double degrees, bool blur, double noise, int seed)
    {
        var tmp = Path.Combine(Path.GetTempPath(), "corpus-scan-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(tmp);
        try
        {
            Run("pdftoppm", tmp, "-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", Path.GetFullPath(pdf), Path.Combine(tmp, "p"));
            var pages = new List<(int W, int H, byte[] Px)>();
            var rng = new Random(seed);
            foreach (var pgm in Directory.GetFiles(tmp, "p*.pgm").Order())
            {
                var (w, h, px) = ReadPgm(pgm);
                px = Rotate(w, h, px, degrees * Math.PI / 180);
                if (blur)
                {
                    px = Blur(w, h, px);
                }

                if (noise > 0)
                {
                    for (var k = 0; k < px.Length; k++)
                    {
                        var n = (rng.NextDouble() + rng.NextDouble() + rng.NextDouble() - 1.5) * 2 * noise;
                        px[k] = (byte)Math.Clamp(px[k] + n, 0, 255);
                    }
                }

                pages.Add((w, h, px));
            }

            return pages;
        }
        finally
        {
            Directory.Delete(tmp, true);
        }
    }

    private static (int W, int H, byte[] Px) ReadPgm(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var pos = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)bytes[pos]))
            {
                pos++;
            }

            var start = pos;
            while (!char.IsWhiteSpace((char)bytes[pos]))
            {
                pos++;
            }

            return System.Text.Encoding.ASCII.GetString(bytes, start, pos - start);
        }

        _ = Token();
        var w = int.Parse(Token(), CultureInfo.InvariantCulture);
        var h = int.Parse(Token(), CultureInfo.InvariantCulture);
        _ = Token();
        pos++;
        return (w, h, bytes[pos..(pos + w * h)]);
    }

    private static byte[] Rotate(int w, int h, byte[] src, double angle)
    {
        if (Math.Abs(angle) < 1e-6)
        {
            return src;
        }

        var dst = new byte[src.Length];
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        double cx = w / 2.0, cy = h / 2.0;
        Parallel.For(0, h, y =>
        {
            for (var x = 0; x < w; x++)
            {
                var sx = cos * (x - cx) + sin * (y - cy) + cx;
                var sy = -sin * (x - cx) + cos * (y - cy) + cy;
                var ix = (int)sx;
                var iy = (int)sy;
                if (ix < 0 || iy < 0 || ix >= w - 1 || iy >= h - 1)
                {
                    dst[y * w + x] = 255;
                    continue;
                }

                double fx = sx - ix, fy = sy - iy;
                var v = src[iy * w + ix] * (1 - fx) * (1 - fy) + src[iy * w + ix + 1] * fx * (1 - fy)
                    + src[(iy + 1) * w + ix] * (1 - fx) * fy + src[(iy + 1) * w + ix + 1] * fx * fy;
                dst[y * w + x] = (byte)Math.Round(v);
            }
        });
        return dst;
    }

    private static byte[] Blur(int w, int h, byte[] src)
    {
        var dst = (byte[])src.Clone();
        Parallel.For(1, h - 1, y =>
        {
            for (var x = 1; x < w - 1; x++)
            {
                var s = 0;
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        s += src[(y + dy) * w + x + dx] * (dx == 0 && dy == 0 ? 4 : dx == 0 || dy == 0 ? 2 : 1);
                    }
                }

                dst[y * w + x] = (byte)(s / 16);
            }
        });
        return dst;
    }
}

/// <summary>8-bit grey PNGs for generated scans: the crops' writer, with the scan's resolution in pHYs.</summary>
public static class Png
{
    public static byte[] Gray(int w, int h, byte[] px, int dpi) => Disclosure.Ocr.Crops.GrayPng.Encode(new Disclosure.Ocr.Raster.GrayImage(w, h, px), dpi);
}
