using Azure.Core;
using Azure.Core.Pipeline;
using Disclosure.Core.Engine;
using Disclosure.Ocr.DocumentIntelligence;
using Disclosure.Ocr.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
                new TextLayer.TextLayerPdfReader(new LayoutAnalyzerReader(client, Disclosure.Core.Layout.SourceFormat.Pdf, limits), limits, options.MinTextLayerChars),
                new LayoutAnalyzerReader(client, Disclosure.Core.Layout.SourceFormat.Image, limits),
            ];
        }

        // Without poppler (Azure has no Debian packages) scanned pages are taken from their embedded image, in-process.
        return [new LocalPdfReader(options, limits, loggerFactory?.CreateLogger<LocalPdfReader>()), new LocalImageReader(options, limits)];
    }

    /// <summary>True when <paramref name="program"/> is an executable file on the PATH.</summary>
    internal static bool IsInstalled(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));

    /// <summary>Reads <c>Ocr__Engine</c> and <c>DocumentIntelligence__Endpoint/Key</c> (local is the default).</summary>
    public static OcrOptions FromConfiguration(IConfiguration configuration)
    {
        var engine = configuration["Ocr:Engine"]?.Trim().ToLowerInvariant() switch
        {
            "documentintelligence" or "document-intelligence" or "azure" => OcrEngine.DocumentIntelligence,
            _ => OcrEngine.Local,
        };
        var endpoint = configuration["DocumentIntelligence:Endpoint"];
        var recognizer = configuration["Ocr:Recognizer"]?.Trim().ToLowerInvariant() switch
        {
            "tesseract" => ScanRecognizer.Tesseract,
            null or "" or "paddle" or "paddleocr" or "pp-ocr" or "ppocr" => ScanRecognizer.PaddleOcr,
            var other => throw new InvalidOperationException($"Ocr:Recognizer '{other}' is not known (paddle or tesseract)"),
        };
        var models = configuration["Ocr:ModelDirectory"];
        return new OcrOptions
        {
            Engine = engine,
            Recognizer = recognizer,
            ModelDirectory = string.IsNullOrWhiteSpace(models) ? null : models,
            DocumentIntelligence = new DocumentIntelligenceOptions
            {
                Endpoint = string.IsNullOrWhiteSpace(endpoint) ? null : new Uri(endpoint),
                Key = string.IsNullOrWhiteSpace(configuration["DocumentIntelligence:Key"]) ? null : configuration["DocumentIntelligence:Key"],
            },
        };
    }
}

/// <summary>Lets tests and hosts choose the HTTP transport of the Document Intelligence client.</summary>
public delegate HttpPipelineTransport HttpPipelineTransportFactory();

public static class OcrServiceCollectionExtensions
{
    /// <summary>
    /// Registers the PDF and image readers as <see cref="IDocumentReader"/>s. Needs <see cref="ReadLimits"/> registered
    /// (a default is added when missing); a registered <see cref="TokenCredential"/> is used for Entra ID.
    /// </summary>
    public static IServiceCollection AddDisclosureOcr(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(OcrReaders.FromConfiguration(configuration));
        services.TryAddSingleton(new ReadLimits());
        services.AddSingleton<OcrReaderSet>(sp => new OcrReaderSet(OcrReaders.Create(
            sp.GetRequiredService<OcrOptions>(), sp.GetRequiredService<ReadLimits>(), sp.GetService<ILoggerFactory>(), sp.GetService<TokenCredential>())));
        services.AddSingleton<IDocumentReader>(sp => sp.GetRequiredService<OcrReaderSet>().Readers[0]);
        services.AddSingleton<IDocumentReader>(sp => sp.GetRequiredService<OcrReaderSet>().Readers[1]);
        return services;
    }

    internal sealed record OcrReaderSet(IReadOnlyList<IDocumentReader> Readers);
}
