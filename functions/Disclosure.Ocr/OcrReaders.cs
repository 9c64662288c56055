using Azure.Core;
using Azure.Core.Pipeline;
using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Disclosure.Ocr.DocumentIntelligence;
using Disclosure.Ocr.Local;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Disclosure.Ocr;

/// <summary>Composition of the PDF and image readers for the configured engine.</summary>
public static class OcrReaders
{
    /// <summary>
    /// The PDF and image readers. Text-layer PDFs are read in-process (PdfPig) with either engine. With
    /// <see cref="OcrEngine.DocumentIntelligence"/> scans and images go to the service (key from the options, or
    /// <paramref name="credential"/> for Entra ID); otherwise the local engine reads them: PP-OCRv4 in-process (or
    /// tesseract, <see cref="OcrOptions.Recognizer"/>), pages rasterised by poppler where it is installed, in managed code where not.
    /// </summary>
    public static IReadOnlyList<IDocumentReader> Create(OcrOptions options, ReadLimits limits, ILoggerFactory? loggerFactory = null,
        TokenCredential? credential = null, HttpPipelineTransportFactory? transport = null)
    {
        if (options.Engine == OcrEngine.DocumentIntelligence)
        {
            var client = DocumentIntelligenceClient.Create(options.DocumentIntelligence, credential, transport?.Invoke(), loggerFactory);
            return
            [
                new TextLayer.TextLayerPdfReader(new LayoutAnalyzerReader(client, SourceFormat.Pdf, limits), limits, options.MinTextLayerChars),
                new LayoutAnalyzerReader(client, SourceFormat.Image, limits),
            ];
        }

        // Without poppler (Azure has no Debian packages) scanned pages are taken from their embedded image, in-process.
        return [new LocalPdfReader(options, limits, loggerFactory?.CreateLogger<LocalPdfReader>()), new LocalImageReader(options, limits)];
    }

    /// <summary>True when <paramref name="program"/> is an executable file on the PATH.</summary>
    internal static bool IsInstalled(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));
}

/// <summary>Lets tests and hosts choose the HTTP transport of the Document Intelligence client.</summary>
public delegate HttpPipelineTransport HttpPipelineTransportFactory();

public static class OcrServiceCollectionExtensions
{
    /// <summary>
    /// Registers the PDF reader and the image reader of the configured engine as <see cref="IDocumentReader"/>s, each by
    /// its role (the format it reads). Needs <see cref="OcrOptions"/> and <see cref="ReadLimits"/> registered (the hosts'
    /// composition binds and validates them); a registered <see cref="TokenCredential"/> is used for Entra ID.
    /// </summary>
    public static IServiceCollection AddDisclosureOcr(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(OcrReaderSet)))
        {
            return services;
        }

        services.AddSingleton(sp => OcrReaderSet.From(OcrReaders.Create(
            sp.GetRequiredService<OcrOptions>(), sp.GetRequiredService<ReadLimits>(), sp.GetService<ILoggerFactory>(), sp.GetService<TokenCredential>())));
        services.AddSingleton<IDocumentReader>(sp => sp.GetRequiredService<OcrReaderSet>().Pdf);
        services.AddSingleton<IDocumentReader>(sp => sp.GetRequiredService<OcrReaderSet>().Image);
        return services;
    }
}

/// <summary>The OCR engine's two readers by role: PDFs (text layer or scanned) and images.</summary>
public sealed record OcrReaderSet(IDocumentReader Pdf, IDocumentReader Image)
{
    public static OcrReaderSet From(IReadOnlyList<IDocumentReader> readers) =>
        new(readers.Single(r => r.Format == SourceFormat.Pdf), readers.Single(r => r.Format == SourceFormat.Image));
}
