using Azure.Core;
using Azure.Identity;
using Disclosure.Core.Engine;
using Disclosure.Ocr;
using Disclosure.Pipeline.Configuration;
using Disclosure.Pipeline.Sweep;
using Disclosure.Readers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Disclosure.Pipeline;

/// <summary>
/// The one composition every host shares: the Functions app, the local host (`disclosure serve`), the CLI commands and
/// the tests. It registers services only. What starts work is each host's own addition: the Functions app's triggers
/// (ProcessReport, AnnualSweep), the local host's blob poller and in-process schedule (<see cref="SweepServiceCollectionExtensions.AddSweepSchedule"/>).
/// </summary>
public static class DisclosureComposition
{
    /// <summary>The engine, report processing (stores, blobs, alerts) and the sweep.</summary>
    public static IServiceCollection AddDisclosureServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDisclosureEngine(configuration);
        services.AddDisclosurePipeline(configuration);
        services.AddDisclosureSweep(configuration);
        return services;
    }

    /// <summary>
    /// The engine of <see cref="CreateEngine"/> with the pipeline's size limit (Pipeline__MaxBytes); a registered
    /// <see cref="TokenCredential"/> (the Functions app's) is the one Document Intelligence uses.
    /// </summary>
    public static IServiceCollection AddDisclosureEngine(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = new ReadLimits { MaxBytes = PipelineOptions.From(configuration).MaxBytes };
        services.TryAddSingleton(sp => CreateEngine(limits, configuration, sp.GetService<ILoggerFactory>(), sp.GetService<TokenCredential>()));
        return services;
    }

    /// <summary>
    /// Text, HTML and DOCX readers, plus the PDF and image readers of the configured OCR engine (`Ocr__Engine`: local
    /// poppler + tesseract by default, or documentintelligence), all under the same limits.
    /// </summary>
    public static ReportEngine CreateEngine(ReadLimits limits, IConfiguration configuration, ILoggerFactory? loggers = null, TokenCredential? credential = null)
    {
        var ocr = OcrReaders.FromConfiguration(configuration);
        // Entra ID when Document Intelligence is chosen without a key (managed identity in Azure, developer login locally).
        credential ??= ocr.Engine == OcrEngine.DocumentIntelligence && ocr.DocumentIntelligence.Key is null ? new DefaultAzureCredential() : null;
        return new ReportEngine([.. ReaderRegistry.CreateDefault(limits), .. OcrReaders.Create(ocr, limits, loggers, credential)], limits);
    }
}
