using System.Globalization;
using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Disclosure.Ocr.Geometry;
using Microsoft.Extensions.Logging;

namespace Disclosure.Ocr.Local;

/// <summary>
/// PDF reader on poppler-utils: words with positions from the text layer (<c>pdftotext -bbox-layout</c>); pages without
/// a text layer are rasterised (<c>pdftoppm</c>) and OCR'd with tesseract. Everything runs in a private temporary folder.
/// </summary>
public sealed partial class LocalPdfReader(OcrOptions options, ReadLimits limits, ILogger<LocalPdfReader>? logger = null) : IDocumentReader
{
    private readonly ILogger _logger = (ILogger?)logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public SourceFormat Format => SourceFormat.Pdf;

    public async ValueTask<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        using var temp = new TempFolder(options.TempRoot);
        var pdf = temp.File("in.pdf");
        await File.WriteAllBytesAsync(pdf, content.ToArray(), cancellationToken).ConfigureAwait(false);

        var info = await ToolRunner.RunAsync("pdfinfo", [pdf], temp.Path, options.ToolTimeout, cancellationToken).ConfigureAwait(false);
        if (!info.Ok)
        {
            if (info.NotFound || info.TimedOut)
            {
                return ReadOutcome.Fail(info.TimedOut ? FailureCodes.Timeout : FailureCodes.EngineError, info.Describe("pdfinfo"));
            }

            return info.StdErr.Contains("password", StringComparison.OrdinalIgnoreCase)
                ? ReadOutcome.Fail(FailureCodes.Encrypted, "PDF 已加密，需要密码才能打开（encrypted PDF: a password is required）")
                : ReadOutcome.Fail(FailureCodes.Corrupt, $"PDF 已损坏，无法解析（corrupt PDF: {FirstLine(info.StdErr)}）");
        }

        var meta = PopplerParsers.ParsePdfInfo(info.StdOut);
        if (meta.Pages <= 0)
        {
            return ReadOutcome.Fail(FailureCodes.Corrupt, "PDF 没有任何页面（PDF has 0 pages）");
        }

        if (meta.Pages > limits.MaxPages)
        {
            return ReadOutcome.Fail(FailureCodes.PageLimit, $"PDF 共 {meta.Pages} 页，超过上限 {limits.MaxPages} 页（page limit exceeded）");
        }

        var bbox = temp.File("words.html");
        var text = await ToolRunner.RunAsync("pdftotext", ["-bbox-layout", "-enc", "UTF-8", pdf, bbox], temp.Path, options.ToolTimeout, cancellationToken)
            .ConfigureAwait(false);
        if (!text.Ok)
        {
            return ReadOutcome.Fail(text.TimedOut ? FailureCodes.Timeout : FailureCodes.Corrupt, $"PDF 文字层读取失败（{text.Describe("pdftotext")}）");
        }

        var pages = PopplerParsers.ParseBboxLayout(await File.ReadAllTextAsync(bbox, cancellationToken).ConfigureAwait(false), 1);
        var scanned = pages.Where(p => p.Words.Sum(w => w.Text.Length) < options.MinTextLayerChars).Select(p => p.Page).ToList();
        var notes = new List<string>();
        var grids = new List<GridPart>();
        if (scanned.Count > 0)
        {
            LogOcr(_logger, scanned.Count, meta.Pages);
            var ocred = new ScannedPage?[pages.Count];
            var failures = new List<string>();
            await Parallel.ForEachAsync(scanned, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount), CancellationToken = cancellationToken },
                async (pageNumber, ct) =>
                {
                    var page = pages[pageNumber - 1];
                    var (scannedPage, error) = await OcrPageAsync(pdf, page, temp, ct).ConfigureAwait(false);
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

            pages = [.. pages.Select((p, i) => ocred[i]?.Words ?? p)];
            grids.AddRange(ocred.Where(p => p is not null).SelectMany(p => p!.Grids));
            notes.Add($"OCR: 第 {string.Join(",", scanned)} 页无文字层，已识别（pages without a text layer were OCR'd）");
        }

        var blocks = GridTables.Merge(LayoutBuilder.Build(pages), grids);
        return ReadOutcome.Ok(new LayoutDocument(SourceFormat.Pdf, meta.Pages, blocks, Ocr: scanned.Count > 0) { Notes = notes });
    }

    private async Task<(ScannedPage? Page, string? Error)> OcrPageAsync(string pdf, PageWords page, TempFolder temp, CancellationToken ct)
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

        var (gray, rasterError) = await Rasterizer.PageAsync(pdf, page.Page, (int)dpi, options, temp, ct).ConfigureAwait(false);
        if (gray is null)
        {
            return (null, rasterError);
        }

        var (scannedPage, error) = await ScanPage.ReadAsync(gray, (int)dpi, page.Page, 72 / dpi, options, temp, ct).ConfigureAwait(false);
        return scannedPage is null ? (null, $"第 {page.Page} 页识别失败（{error}）") : (scannedPage with { Words = scannedPage.Words with { Width = page.Width, Height = page.Height } }, null);
    }

    private static string FirstLine(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "unknown error";

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
