using Azure.Storage.Blobs;
using Disclosure.Ocr;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Disclosure.Pipeline.Review;

public static class ReviewServiceCollectionExtensions
{
    /// <summary>Review pages: options (validated now, so a bad setting stops the host at start), the blob store and the writer.</summary>
    public static IServiceCollection AddDisclosureReviewPages(this IServiceCollection services, IConfiguration configuration)
    {
        var options = ReviewPageOptions.From(configuration);
        services.TryAddSingleton(options);
        services.TryAddSingleton<IReviewPageStore>(sp => new BlobReviewPageStore(sp.GetRequiredService<BlobServiceClient>(), options, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new ReviewPageWriter(sp.GetRequiredService<IReviewPageStore>(), options,
            sp.GetService<OcrOptions>() ?? OcrReaders.FromConfiguration(configuration), sp.GetRequiredService<ILogger<ReviewPageWriter>>()));
        return services;
    }
}
