using Disclosure.Core.Contract;
using Disclosure.Core.Layout;
using Disclosure.Ocr;
using Disclosure.Pipeline.Processing;
using Microsoft.Extensions.Logging;

namespace Disclosure.Pipeline.Review;

/// <summary>
/// The pipeline's review-page step: builds the page of a processed report and stores it beside the result. A transient
/// storage fault propagates (the processing retry runs the idempotent step again); anything else is logged and the report
/// goes on without a link, since a missing page must never lose a result or an alert.
/// </summary>
public sealed partial class ReviewPageWriter(IReviewPageStore store, ReviewPageOptions options, OcrOptions ocr, ILogger<ReviewPageWriter> logger)
{
    public async Task<Uri?> WriteAsync(ReportResult result, LayoutDocument? layout, ReadOnlyMemory<byte> content, string resultId, DateTimeOffset processedAt,
        CancellationToken cancellationToken)
    {
        var name = BlobReviewPageStore.PageName(resultId, result.Source.Sha256);
        try
        {
            var html = await ReviewPageBuilder.BuildAsync(result, layout, content, processedAt, ocr, options.Crops, null, cancellationToken).ConfigureAwait(false);
            return await store.WriteAsync(name, html, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!TransientFaults.IsTransient(ex, cancellationToken) && ex is not OperationCanceledException)
        {
            LogPageFailed(logger, name, ex.GetType().Name, ex.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Review page {Page} not written: {Type}: {Error}")]
    private static partial void LogPageFailed(ILogger logger, string page, string type, string error);
}
