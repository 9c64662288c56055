using Disclosure.Pipeline.Review;
using Disclosure.Sweep;

namespace Disclosure.Pipeline.Sweep;

/// <summary>The sweep's review links from the pipeline's review-page store (pages named by result id and content hash).</summary>
public sealed class ReviewPageSweepLinks(IReviewPageStore pages) : ISweepReviewLinks
{
    public Task<Uri> LinkAsync(string resultId, string contentSha256, CancellationToken cancellationToken = default) =>
        pages.LinkAsync(BlobReviewPageStore.PageName(resultId, contentSha256), cancellationToken);
}
