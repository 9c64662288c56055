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

namespace Disclosure.Pipeline;

/// <summary>
/// The one composition every host shares: the Functions app, the local host (`disclosure serve`,
/// <see cref="Hosting.LocalHost"/>), the CLI commands and the tests. It registers services only. What starts work is each
/// host's own addition: the Functions app's triggers (ProcessReport, AnnualSweep), the local host's blob poller and
/// in-process schedule (<see cref="SweepServiceCollectionExtensions.AddSweepSchedule"/>). Nothing removes another host's part.
/// </summary>
public static class DisclosureComposition
{
    /// <summary>Settings (validated at start), the engine, report processing (stores, blobs, alerts) and the sweep.</summary>
    public static IServiceCollection AddDisclosureServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDisclosureSettings(configuration);
        services.AddDisclosureEngine(configuration);
        services.AddDisclosurePipeline(configuration);
        services.AddDisclosureSweep(configuration);
        return services;
    }

    /// <summary>
    /// The engine: text, HTML and DOCX readers plus the PDF and image readers of the configured OCR engine (`Ocr__Engine`),
    /// every one under the one <see cref="ReadLimits"/> of <see cref="SettingsOptions.AddEngineSettings"/>. A registered
    /// <see cref="TokenCredential"/> (the Functions app's) is the one Document Intelligence uses without a key.
    /// </summary>
    public static IServiceCollection AddDisclosureEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEngineSettings(configuration);
        // Entra ID for Document Intelligence without a key (developer login locally); created only if a reader asks for it.
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.AddDisclosureOcr();
        services.TryAddSingleton(sp =>
        {
            var limits = sp.GetRequiredService<ReadLimits>();
            // The default readers first; registered readers (the OCR engine's PDF and image readers) come after and win per format.
            return new ReportEngine([.. ReaderRegistry.CreateDefault(limits), .. sp.GetServices<IDocumentReader>()], limits);
        });
        return services;
    }

    /// <summary>
    /// The engine of the one-shot commands (`disclosure check`, `bench`) and of tests: the hosts' engine from
    /// <paramref name="configuration"/> (environment variables when null), its settings validated now.
    /// <paramref name="limits"/> replaces the settings' limits (tests of small budgets).
    /// </summary>
    public static ReportEngine CreateEngine(ReadLimits? limits = null, IConfiguration? configuration = null)
    {
        var services = new ServiceCollection().AddDisclosureEngine(configuration ?? new ConfigurationBuilder().AddEnvironmentVariables().Build());
        if (limits is not null)
        {
            services.Replace(ServiceDescriptor.Singleton(limits));
        }

        // The engine and its readers live as long as the process; the provider holds nothing else to dispose.
        var provider = services.BuildServiceProvider().ValidateSettings();
        return provider.GetRequiredService<ReportEngine>();
    }
}
