using System.Diagnostics;
using System.Globalization;
using Disclosure.Core.Engine;
using Disclosure.Ocr;

namespace Disclosure.Corpus;

/// <summary>
/// Speed and memory of the local PDF/scan readers on the corpus: ms per text-layer page, s per OCR'd page, and the peak
/// working set while reading a 50-page PDF (the corpus PDFs joined with pdfunite).
/// </summary>
public static class Bench
{
    public static async Task<int> RunAsync(string dir, ScanRecognizer recognizer = ScanRecognizer.PaddleOcr, int scanFiles = 3)
    {
        var limits = new ReadLimits();
        var readers = OcrReaders.Create(new OcrOptions { Recognizer = recognizer }, limits);
        var pdfReader = readers.First(r => r.Format == Disclosure.Core.Layout.SourceFormat.Pdf);
        var all = Directory.GetFiles(dir, "*.pdf", SearchOption.AllDirectories).Order().ToList();
        var pdfs = all.Where(f => ScanKind(f) is null).ToList();
        // Scans by kind: `.scan.pdf` (Chromium corpus), `.scan300.pdf` and `.scan200.pdf` (LibreOffice corpus).
        var scanKinds = all.Where(f => ScanKind(f) is not null).GroupBy(f => ScanKind(f)!).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();

        async Task<(double Seconds, int Pages)> Time(string file)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            var sw = Stopwatch.StartNew();
            var outcome = await pdfReader.ReadAsync(bytes, CancellationToken.None);
            return (sw.Elapsed.TotalSeconds, outcome.Document?.PageCount ?? 0);
        }

        if (pdfs.Count > 0)
        {
            await Time(pdfs[0]); // warm-up (JIT, page cache)
            var runs = new List<double>();
            foreach (var f in pdfs)
            {
                var (s, p) = await Time(f);
                runs.Add(s * 1000 / Math.Max(1, p));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"text-layer PDF: median {Median(runs):0} ms/page, max {runs.Max():0} ms/page over {runs.Count} files"));
        }

        foreach (var scans in scanKinds)
        {
            var runs = new List<double>();
            var cpu = new List<double>();
            var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            foreach (var f in scans.Take(scanFiles))
            {
                var before = CpuSeconds();
                var (s, p) = await Time(f);
                runs.Add(s / Math.Max(1, p));
                cpu.Add((CpuSeconds() - before) / Math.Max(1, p));
            }

            // Wall time depends on what else the machine runs; CPU time (ours + tesseract's) does not.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{scans.Key} PDF ({recognizer}, {Environment.ProcessorCount} cores, {runs.Count} files): median {Median(runs):0.00} s/page wall, {Median(cpu):0.00} CPU-s/page, max {cpu.Max():0.00} (load average {load} → {File.ReadAllText("/proc/loadavg").Split(' ')[0]})"));
        }

        if (pdfs.Count > 0)
        {
            var big = Path.Combine(Path.GetTempPath(), "bench-50-" + Guid.NewGuid().ToString("N") + ".pdf");
            try
            {
                var parts = new List<string>();
                var pages = 0;
                while (pages < 50)
                {
                    foreach (var f in pdfs)
                    {
                        parts.Add(Path.GetFullPath(f));
                        pages += PageCount(f);
                        if (pages >= 50)
                        {
                            break;
                        }
                    }
                }

                Converters.Run("pdfunite", Path.GetTempPath(), [.. parts, big]);
                GC.Collect();
                var before = Process.GetCurrentProcess().WorkingSet64;
                var (s, p) = await Time(big);
                Process.GetCurrentProcess().Refresh();
                var peak = Process.GetCurrentProcess().PeakWorkingSet64;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{p}-page text-layer PDF: {s:0.00} s, peak working set {peak / 1048576.0:0} MB (before read {before / 1048576.0:0} MB)"));
            }
            finally
            {
                File.Delete(big);
            }
        }

        return 0;
    }

    /// <summary>
    /// Where an OCR'd page's CPU goes: each page of one scanned PDF through the scan path's stages one after another
    /// (decode, deskew, ruled grid, running text, cells), CPU-seconds of the process per stage and the recogniser's runs.
    /// </summary>
    public static int Stages(string scanPdf, int dpi = 300)
    {
        var bytes = File.ReadAllBytes(scanPdf);
        var ocr = Disclosure.Ocr.Paddle.PaddleOcr.For(null);
        var options = new OcrOptions();
        var totals = new double[5];
        var pages = 0;
        long runs = 0;
        int count;
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes))
        {
            count = pdf.NumberOfPages;
        }

        for (var page = 1; page <= count; page++)
        {
            var t = new double[5];
            var c0 = CpuSeconds();
            if (Disclosure.Ocr.Local.Rasterizer.EmbeddedPageImage(bytes, page, dpi) is not { } raw)
            {
                Console.WriteLine($"page {page} is not one embedded image");
                return 2;
            }

            var c1 = CpuSeconds();
            var angle = Disclosure.Ocr.Raster.Deskew.EstimateAngle(raw);
            var image = Math.Abs(angle) >= 0.05 ? Disclosure.Ocr.Raster.Deskew.Straighten(raw, angle) : raw;
            var c2 = CpuSeconds();
            // As the scan reader takes them: column lines a value row hides put back (MissingRules).
            var tables = Disclosure.Ocr.Raster.RuleGrid.Detect(image, dpi).Select(x => Disclosure.Ocr.Local.MissingRules.Restore(image, x, dpi)).ToList();
            var c3 = CpuSeconds();
            var text = Disclosure.Ocr.Local.ScanPage.RunningTextImage(image, tables, dpi);
            var before = ocr.Recognitions;
            // Detection alone once more, to tell its share of the running text (not counted in the totals).
            var cd = CpuSeconds();
            _ = ocr.Detect(text);
            var detection = CpuSeconds() - cd;
            var cr = CpuSeconds();
            _ = Disclosure.Ocr.Paddle.PaddleText.Read(ocr, text, page, 72.0 / dpi, CancellationToken.None);
            var c4 = CpuSeconds();
            var textRuns = ocr.Recognitions - before;
            var cells = tables.SelectMany(x => x.Cells).ToList();
            _ = Disclosure.Ocr.Paddle.PaddleCellReader.Read(ocr, image, cells, dpi, options, CancellationToken.None);
            var c5 = CpuSeconds();
            var cellRuns = ocr.Recognitions - before - textRuns;
            t[0] = c1 - c0;
            t[1] = c2 - c1;
            t[2] = c3 - c2;
            t[3] = c4 - cr + (cd - c3);
            t[4] = c5 - c4;
            for (var k = 0; k < 5; k++)
            {
                totals[k] += t[k];
            }

            pages++;
            runs += cellRuns + textRuns;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"page {page}: decode {t[0]:0.00}, deskew {t[1]:0.00} ({angle:0.00}°), grid {t[2]:0.00} ({tables.Count} tables, {cells.Count} cells), text {t[3]:0.00} ({textRuns} lines; detection {detection:0.00}), cells {t[4]:0.00} ({cellRuns} lines) CPU-s"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{pages} pages: {totals.Sum() / Math.Max(1, pages):0.00} CPU-s/page (decode {totals[0] / pages:0.00}, deskew {totals[1] / pages:0.00}, grid {totals[2] / pages:0.00}, text {totals[3] / pages:0.00}, cells {totals[4] / pages:0.00}); {runs} recognitions; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        return 0;
    }

    /// <summary>"scan", "scan300", "scan200" for a scan's file name, null for a text-layer PDF.</summary>
    private static string? ScanKind(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var dot = name.LastIndexOf('.');
        return dot >= 0 && name[(dot + 1)..].StartsWith("scan", StringComparison.Ordinal) ? name[(dot + 1)..] : null;
    }

    private static int PageCount(string pdf)
    {
        var psi = new ProcessStartInfo("pdfinfo") { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(pdf);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return line is null ? 1 : int.Parse(line[6..].Trim(), CultureInfo.InvariantCulture);
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out RUsage usage);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSec;
        public long UserUsec;
        public long SysSec;
        public long SysUsec;
        [System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Rest;
    }

    /// <summary>CPU seconds used by this process and its finished children (pdftoppm, tesseract).</summary>
    private static double CpuSeconds()
    {
        double total = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        if (getrusage(-1, out var children) == 0)
        {
            total += children.UserSec + children.UserUsec / 1e6 + children.SysSec + children.SysUsec / 1e6;
        }

        return total;
    }

    private static double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
}
