namespace Disclosure.Ocr;

/// <summary>Which engine reads PDFs and images.</summary>
public enum OcrEngine
{
    /// <summary>poppler (text layer) + tesseract (pages without one). The default.</summary>
    Local,

    /// <summary>Azure AI Document Intelligence prebuilt-layout.</summary>
    DocumentIntelligence,
}

/// <summary>Which recogniser reads the text of scans (table cells and running text) with the local engine.</summary>
public enum ScanRecognizer
{
    /// <summary>PaddleOCR PP-OCRv4 (ONNX, in-process): no outside program, so it also runs in Azure. The default.</summary>
    PaddleOcr,

    /// <summary>tesseract chi_sim + eng digits (outside program, Debian package): kept for comparison.</summary>
    Tesseract,
}

/// <summary>Options of the PDF/image readers (settings <c>Ocr__*</c> and <c>DocumentIntelligence__*</c>).</summary>
public sealed record OcrOptions
{
    public OcrEngine Engine { get; init; } = OcrEngine.Local;

    /// <summary>Rasterisation resolution for pages without a text layer.</summary>
    public int Dpi { get; init; } = 300;

    /// <summary>The recogniser of scans (setting <c>Ocr__Recognizer</c>: <c>paddle</c> or <c>tesseract</c>).</summary>
    public ScanRecognizer Recognizer { get; init; } = ScanRecognizer.PaddleOcr;

    /// <summary>
    /// Folder of the PP-OCRv4 model files (setting <c>Ocr__ModelDirectory</c>); null: models/ppocr-v4 beside the
    /// application, where the build copies them.
    /// </summary>
    public string? ModelDirectory { get; init; }

    /// <summary>Tesseract languages (chi_sim reads the labels; digits are read by both).</summary>
    public string Languages { get; init; } = "chi_sim";

    /// <summary>
    /// Read ruled tables of scans cell by cell (rules found in the raster) rather than from page-level OCR. Off only to
    /// compare the two (`accuracy --page-ocr` in tests/Disclosure.Corpus).
    /// </summary>
    public bool ReadRuledTablesByCell { get; init; } = true;

    /// <summary>
    /// Look again for values the page-level detector missed on table rows without rules (<see cref="Local.MissedValues"/>),
    /// so that a borderless table read by the stream stages is not a value short. Off only to compare.
    /// </summary>
    public bool RecoverMissedValues { get; init; } = true;

    /// <summary>
    /// With <see cref="RestoreMissingRules"/> off: read table 4 when its inner column rules are missing
    /// (<see cref="Local.MissingRules"/>: a table of at most four rows with ten or more values in one cell) from text
    /// geometry, as a table without rules, instead of cell by cell. It turned lo-21-005-err's table 4 at 300 dpi from 15
    /// lost cells into 15 exact, but lost the table under one-character-per-line headers (lo-33-005-err, lo-45-005-err).
    /// Kept to compare.
    /// </summary>
    public bool StreamWhereRulesMissing { get; init; } = true;

    /// <summary>
    /// Put back the column lines of a table whose value row hides columns (<see cref="Local.MissingRules.Restore"/>), one
    /// between each two values, and read it cell by cell: table 4 under one-character headers read exactly at both
    /// resolutions (lo-33-005-err, lo-45-005-err: 15 unread cells each before). Off only to compare (then
    /// <see cref="StreamWhereRulesMissing"/> applies).
    /// </summary>
    public bool RestoreMissingRules { get; init; } = true;

    /// <summary>Time limit for one external program run.</summary>
    public TimeSpan ToolTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Below this confidence (0..1) an OCR'd cell is reported as uncertain.</summary>
    public double MinConfidence { get; init; } = 0.80;

    /// <summary>A page whose text layer has fewer characters than this is treated as scanned.</summary>
    public int MinTextLayerChars { get; init; } = 20;

    /// <summary>Folder where per-read temporary folders are made (default: the system temp folder).</summary>
    public string? TempRoot { get; init; }

    public DocumentIntelligenceOptions DocumentIntelligence { get; init; } = new();
}

/// <summary>Azure AI Document Intelligence connection. No key means Entra ID (DefaultAzureCredential supplied by the host).</summary>
public sealed record DocumentIntelligenceOptions
{
    public Uri? Endpoint { get; init; }

    public string? Key { get; init; }

    public string ApiVersion { get; init; } = "2024-11-30";

    public string ModelId { get; init; } = "prebuilt-layout";

    /// <summary>Longest total wait for one analysis (polling included).</summary>
    public TimeSpan AnalysisTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Poll interval when the service sends no Retry-After.</summary>
    public TimeSpan DefaultPollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
