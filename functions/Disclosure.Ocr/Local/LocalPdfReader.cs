using System.Globalization;
using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Disclosure.Layout;
using Disclosure.Ocr.TextLayer;
using Microsoft.Extensions.Logging;

namespace Disclosure.Ocr.Local;

/// <summary>
/// PDF reader: the text layer is read in-process (<see cref="PdfPigTextLayer"/>: letters and drawn rules), ruled tables
/// from their rules (<see cref="VectorTables"/>) and the rest from geometry (<see cref="LayoutBuilder"/>). Pages without
/// a text layer are rasterised — by poppler's <c>pdftoppm</c> where it is installed, else in-process from the page's one
/// embedded scan image (Azure has no Debian packages) — and read by the scan path (<see cref="ScanPage"/>).
/// </summary>
/// <param name="poppler">Whether pdftoppm may be used; null: when it is on the PATH.</param>
public sealed partial class LocalPdfReader(OcrOptions options, ReadLimits limits, ILogger<LocalPdfReader>? logger = null, bool? poppler = null) : IDocumentReader
{
    private readonly ILogger _logger = (ILogger?)logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    private readonly bool _poppler = poppler ?? OcrReaders.IsInstalled("pdftoppm");

    public SourceFormat Format => SourceFormat.Pdf;

    public async ValueTask<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var layer = PdfPigTextLayer.Read(content, limits);
        if (layer.FailureCode is not null)
        {
            return ReadOutcome.Fail(layer.FailureCode, layer.Failure!);
        }

        var lattice = TextLayerPages.Lattice(layer);
        var pages = lattice.Select(p => p.Words).ToList();
        var grids = lattice.SelectMany(p => p.Grids).ToList();
        var scanned = TextLayerPages.WithoutText(layer, options.MinTextLayerChars);
        var notes = new List<string>(layer.Notes);
        if (scanned.Count > 0)
        {
            LogOcr(_logger, scanned.Count, layer.PageCount);
            using var temp = new TempFolder(options.TempRoot);
            var bytes = content.ToArray();
            string? pdf = null;
            if (_poppler)
            {
                pdf = temp.File("in.pdf");
                await File.WriteAllBytesAsync(pdf, bytes, cancellationToken).ConfigureAwait(false);
            }

            var ocred = new ScannedPage?[pages.Count];
            var failures = new List<string>();
            await Parallel.ForEachAsync(scanned, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount), CancellationToken = cancellationToken },
                async (pageNumber, ct) =>
                {
                    var page = pages[pageNumber - 1];
                    var (scannedPage, error) = await OcrPageAsync(pdf, bytes, page, temp, ct).ConfigureAwait(false);
                    lock (failures)
                    {
                        if (error is not null)
                        {
                            failures.Add(error);
                        }
                        else
                        {
                            ocred[pageNumber - 1] = scannedPage;
                        }
                    }
                }).ConfigureAwait(false);

            if (failures.Count > 0)
            {
                var code = failures.Any(f => f.StartsWith(FailureCodes.PixelLimit, StringComparison.Ordinal)) ? FailureCodes.PixelLimit
                    : failures.Any(f => f.Contains("超时", StringComparison.Ordinal)) ? FailureCodes.Timeout : FailureCodes.EngineError;
                return ReadOutcome.Fail(code, failures[0]);
            }

            // A table continued after a page break takes the previous page's columns where they fit.
            for (var i = 1; i < ocred.Length; i++)
            {
                ocred[i] = ocred[i]?.After(ocred[i - 1]);
            }

            pages = [.. pages.Select((p, i) => ocred[i]?.Words ?? p)];
            grids = [.. grids.Where(g => ocred[g.Page - 1] is null), .. ocred.Where(p => p is not null).SelectMany(p => p!.Grids)];
            notes.Add($"OCR: 第 {string.Join(",", scanned)} 页无文字层，已识别（pages without a text layer were OCR'd）");
        }

        return ReadOutcome.Ok(TextLayerPages.Document(layer, pages, grids, scanned.Count > 0, notes));
    }

    /// <param name="pdf">The PDF written for pdftoppm, or null to take the page's embedded scan image in-process.</param>
    private async Task<(ScannedPage? Page, string? Error)> OcrPageAsync(string? pdf, byte[] bytes, PageWords page, TempFolder temp, CancellationToken ct)
    {
        // Keep the raster under the pixel cap: lower the resolution for oversized pages, refuse absurd ones.
        var dpi = (double)options.Dpi;
        var pixels = page.Width * dpi / 72 * (page.Height * dpi / 72);
        if (pixels > limits.MaxPixels)
        {
            dpi = Math.Floor(Math.Sqrt(limits.MaxPixels / (page.Width * page.Height)) * 72);
            if (dpi < 100)
            {
                return (null, $"{FailureCodes.PixelLimit}: 第 {page.Page} 页尺寸过大，超过像素上限（page too large to rasterise within the pixel cap）");
            }
        }

        var (gray, rasterError) = await Rasterizer.PageAsync(bytes, pdf, page.Page, (int)dpi, options, temp, ct).ConfigureAwait(false);
        if (gray is null)
        {
            return (null, rasterError);
        }

        var (scannedPage, error) = await ScanPage.ReadAsync(gray, (int)dpi, page.Page, 72 / dpi, options, temp, ct).ConfigureAwait(false);
        return scannedPage is null ? (null, $"第 {page.Page} 页识别失败（{error}）") : (scannedPage with { Words = scannedPage.Words with { Width = page.Width, Height = page.Height } }, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "OCR of {Scanned} of {Pages} PDF pages (no text layer)")]
    private static partial void LogOcr(ILogger logger, int scanned, int pages);
}

/// <summary>The tesseract invocation shared by PDF pages and images.</summary>
internal static class Tesseract
{
    public static async Task<(string? Tsv, string? Error)> RunAsync(string image, OcrOptions options, TempFolder temp, CancellationToken ct, int? dpi = null)
    {
        var result = await ToolRunner.RunAsync("tesseract",
            [image, "stdout", "-l", options.Languages, "--psm", "4", "--dpi", (dpi ?? options.Dpi).ToString(CultureInfo.InvariantCulture),
             "-c", "preserve_interword_spaces=1", "tsv"],
            temp.Path, options.ToolTimeout, ct).ConfigureAwait(false);
        return result.Ok ? (result.StdOut, null) : (null, result.Describe("tesseract"));
    }
}
