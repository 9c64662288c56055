using System.Net;

namespace Disclosure.Corpus;

/// <summary>Writes each report as HTML, DOCX, PDF (text layer) and scanned PDF, with <c>NAME.expected.json</c> beside.</summary>
public static class Generator
{
    public static void Generate(string outDir, int count, int seed, IReadOnlyCollection<string> formats, bool includeSeeds, string goldDir, int scanDpi = 300)
    {
        Directory.CreateDirectory(outDir);
        var rng = new Random(seed);
        var specs = new List<ReportSpec>();
        if (includeSeeds && Directory.Exists(goldDir))
        {
            specs.AddRange(Directory.GetFiles(goldDir, "*.json").Order().Select(ReportSpec.FromGold));
        }

        for (var i = 0; i < count; i++)
        {
            var spec = ReportSpec.Random($"gen-{seed}-{i:D3}", rng);
            // Every other generated report carries one planted arithmetic error.
            specs.Add(i % 2 == 1 ? spec.WithError(rng) : spec);
        }

        foreach (var spec in specs)
        {
            var baseName = Path.Combine(outDir, spec.Name);
            var values = new List<string>();
            var html = HtmlRenderer.Render(spec, values);
            File.WriteAllText(baseName + ".expected.json", spec.ExpectedJson());
            File.WriteAllText(baseName + ".values.txt", string.Join("\n", values) + "\n");
            File.WriteAllText(baseName + ".html", html);
            if (formats.Contains("docx"))
            {
                Converters.HtmlToDocx(baseName + ".html", baseName + ".docx");
            }

            if (formats.Contains("pdf") || formats.Contains("scan"))
            {
                Converters.HtmlToPdf(baseName + ".html", baseName + ".pdf");
            }

            if (formats.Contains("scan"))
            {
                // A stable seed from the name (string.GetHashCode differs from run to run).
                var scanRng = new Random(spec.Name.Aggregate(17, (h, c) => unchecked(h * 31 + c)));
                var degrees = (scanRng.NextDouble() - 0.5) * 3; // up to ±1.5°
                var pages = Converters.PdfToScans(baseName + ".pdf", baseName + "-scan", scanDpi, degrees, blur: true, noise: 12, seed: scanRng.Next());
                // Bind the page images into an image-only PDF (no text layer), as a scanner would.
                var imgHtml = baseName + "-scan.html";
                File.WriteAllText(imgHtml, "<!DOCTYPE html><html><head><style>@page{size:A4;margin:0} body{margin:0} img{width:210mm;height:297mm;display:block;page-break-after:always}</style></head><body>"
                    + string.Concat(pages.Select(p => $"<img src=\"{WebUtility.HtmlEncode(Path.GetFileName(p))}\">")) + "</body></html>");
                Converters.HtmlToPdf(imgHtml, baseName + ".scan.pdf");
                File.Delete(imgHtml);
                foreach (var p in pages.Skip(1))
                {
                    File.Delete(p);
                }

                // Page 1 stays as a PNG: the image reader's own input.
                File.Move(pages[0], baseName + ".scan-p1.png", true);
            }

            if (!formats.Contains("html"))
            {
                File.Delete(baseName + ".html");
            }

            if (!formats.Contains("pdf") && File.Exists(baseName + ".pdf"))
            {
                File.Delete(baseName + ".pdf");
            }

            Console.WriteLine($"generated {spec.Name} ({spec.Template}, planted: {spec.Planted ?? "none"})");
        }
    }
}
