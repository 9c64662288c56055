using Azure.Identity;
using Disclosure.Core.Engine;
using Disclosure.Ocr;
using Disclosure.Readers;
using Microsoft.Extensions.Configuration;

namespace Disclosure.Cli.Composition;

/// <summary>
/// Builds the engine the command line and the local host use: text, HTML and DOCX readers, plus the PDF and image readers
/// of the configured OCR engine (`Ocr__Engine`: local poppler + tesseract by default, or documentintelligence).
/// </summary>
public static class EngineComposition
{
    public static ReportEngine CreateEngine(ReadLimits? limits = null, IConfiguration? configuration = null)
    {
        configuration ??= new ConfigurationBuilder().AddEnvironmentVariables().Build();
        limits ??= Disclosure.Pipeline.Configuration.EngineSettings.Limits(configuration, new ReadLimits().MaxBytes);
        var ocr = OcrReaders.FromConfiguration(configuration);

        // Entra ID when Document Intelligence is chosen without a key (managed identity in Azure, developer login locally).
        var credential = ocr.Engine == OcrEngine.DocumentIntelligence && ocr.DocumentIntelligence.Key is null ? new DefaultAzureCredential() : null;
        return new ReportEngine([.. ReaderRegistry.CreateDefault(limits), .. OcrReaders.Create(ocr, limits, credential: credential)], limits);
    }
}
