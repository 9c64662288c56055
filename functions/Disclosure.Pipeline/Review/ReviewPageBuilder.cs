using Disclosure.Core.Contract;
using Disclosure.Core.Layout;
using Disclosure.Ocr;
using Disclosure.Ocr.Crops;
using Disclosure.Review;

namespace Disclosure.Pipeline.Review;

/// <summary>
/// Builds one review page: asks the crop adapter for the marked cells of PDFs and scans, then calls the pure generator.
/// Shared by `disclosure check --html` and the pipeline.
/// </summary>
public static class ReviewPageBuilder
{
    public static async Task<string> BuildAsync(ReportResult result, LayoutDocument? layout, ReadOnlyMemory<byte> content, DateTimeOffset processedAt,
        OcrOptions ocr, bool crops, string? indexHref, CancellationToken cancellationToken)
    {
        var input = new ReviewInput
        {
            Result = result,
            Layout = layout,
            ProcessedAt = processedAt,
            IndexHref = indexHref,
            Crops = await CropsAsync(result, content, ocr, crops, cancellationToken).ConfigureAwait(false),
        };
        return ReviewPage.Render(input);
    }

    private static async Task<CellCrops?> CropsAsync(ReportResult result, ReadOnlyMemory<byte> content, OcrOptions ocr, bool enabled, CancellationToken ct)
    {
        if (result.Status == ResultStatus.Failed || result.Source.Format is not ("pdf" or "image"))
        {
            return null;
        }

        var keys = CellMarks.CellsToCrop(result);
        if (keys.Count == 0)
        {
            return null;
        }

        if (!enabled)
        {
            return CellCrops.None("本次处理未开启原件截图（settings: crops off）。");
        }

        var outcome = await SourceCropper.CropAsync(content, result, keys, ocr, ct).ConfigureAwait(false);
        return new CellCrops(
            outcome.Crops.ToDictionary(c => c.Key, c => new CellCrop(c.Png, c.Width, c.Height, c.CellLeft, c.CellTop, c.CellWidth, c.CellHeight) { Page = c.Page },
                StringComparer.Ordinal),
            outcome.Unavailable);
    }
}
