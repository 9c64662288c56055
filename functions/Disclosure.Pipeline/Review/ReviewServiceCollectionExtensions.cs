using Azure.Storage.Blobs;
using Disclosure.Ocr;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Disclosure.Pipeline.Review;

public static class ReviewServiceCollectionExtensions
{
    /// <summary>Review pages: the blob store and the writer, on the validated <see cref="ReviewPageOptions"/> and <see cref="OcrOptions"/>.</summary>
    public static IServiceCollection AddDisclosureReviewPages(this IServiceCollection services)
    {
        services.TryAddSingleton<IReviewPageStore>(sp => new BlobReviewPageStore(sp.GetRequiredService<BlobServiceClient>(),
            sp.GetRequiredService<ReviewPageOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new ReviewPageWriter(sp.GetRequiredService<IReviewPageStore>(), sp.GetRequiredService<ReviewPageOptions>(),
            sp.GetRequiredService<OcrOptions>(), sp.GetRequiredService<ILogger<ReviewPageWriter>>()));
        return services;
    }
}
