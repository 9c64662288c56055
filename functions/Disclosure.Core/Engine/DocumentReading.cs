using Disclosure.Core.Layout;

namespace Disclosure.Core.Engine;

/// <summary>What a reader produced: a document, or a reason it could not read one. Errors are data, not exceptions.</summary>
public sealed record ReadOutcome(LayoutDocument? Document, string? Error, string? ErrorCode = null)
{
    public static ReadOutcome Ok(LayoutDocument document) => new(document, null);

    /// <summary>A failure with a stable machine code (<see cref="FailureCodes"/>) and a readable reason.</summary>
    public static ReadOutcome Fail(string code, string reason) => new(null, reason, code);

    public bool Succeeded => Document is not null;
}

/// <summary>Stable codes for why a report could not be read; stored in results and alerts.</summary>
public static class FailureCodes
{
    public const string Empty = "EMPTY_FILE";
    public const string TooLarge = "TOO_LARGE";
    public const string UnsupportedFormat = "UNSUPPORTED_FORMAT";
    public const string Corrupt = "CORRUPT";
    public const string Encrypted = "ENCRYPTED";
    public const string Bomb = "DECOMPRESSION_BOMB";
    public const string PageLimit = "PAGE_LIMIT";
    public const string PixelLimit = "PIXEL_LIMIT";
    public const string NotAReport = "NOT_A_REPORT";
    public const string EngineError = "ENGINE_ERROR";
    public const string Timeout = "TIMEOUT";

    /// <summary>A memory budget of the document was hit (text lines, HTML nodes or depth, DOCX part size).</summary>
    public const string MemoryLimit = "MEMORY_LIMIT";

    /// <summary>The temporary-disk budget of the document was hit (page images, tool output).</summary>
    public const string DiskLimit = "DISK_LIMIT";

    /// <summary>Text whose encoding could not be told (not UTF-8/16, GB18030 or Big5, or contradicting its declaration).</summary>
    public const string UnknownEncoding = "UNKNOWN_ENCODING";

    /// <summary>Not a regular file (FIFO, device, socket, a link to one): never read.</summary>
    public const string NotAFile = "NOT_A_FILE";

    /// <summary>The stored blob could not be downloaded (e.g. a name the storage service refuses).</summary>
    public const string DownloadFailed = "DOWNLOAD_FAILED";
}

/// <summary>A format backend: bytes of one detected format in, the layout model out. One method, as pipeline stages are.</summary>
public interface IDocumentReader
{
    /// <summary>The format this reader accepts.</summary>
    SourceFormat Format { get; }

    ValueTask<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken);
}

/// <summary>Limits applied before and while reading; every reader honours the ones that concern it.</summary>
public sealed record ReadLimits
{
    /// <summary>Largest accepted input, in bytes.</summary>
    public long MaxBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Largest total of uncompressed entries in a zip container (DOCX).</summary>
    public long MaxUncompressedBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Largest ratio of uncompressed to compressed size for one zip entry.</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    public int MaxPages { get; init; } = 300;

    public long MaxPixels { get; init; } = 80_000_000;

    /// <summary>
    /// Wall-clock budget of one document, reading and OCR included (setting Engine__DocumentTimeoutSeconds). Two minutes:
    /// a 300-page scan at 300 dpi on two cores is the slowest honest input; anything slower is an attack or a bug.
    /// </summary>
    public TimeSpan DocumentTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Lines of a text document. A report is a few hundred; a million is a memory attack.</summary>
    public int MaxTextLines { get; init; } = 200_000;

    /// <summary>Table cells of a text document (a report has about a thousand); the extractor's work grows with them.</summary>
    public int MaxTableCells { get; init; } = 200_000;

    /// <summary>Elements of an HTML page (AngleSharp keeps ~1 KB per node). A report page has a few thousand.</summary>
    public int MaxHtmlNodes { get; init; } = 200_000;

    /// <summary>Open-element depth of an HTML page; parsers do work proportional to depth per tag. Real pages: under 100.</summary>
    public int MaxHtmlDepth { get; init; } = 2_000;

    /// <summary>The DOCX main part after decompression (the XML tree costs ~10× its size). Real reports: under 5 MB.</summary>
    public long MaxPartBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Temporary disk of one document (page images, tool output); page images are deleted as soon as read.</summary>
    public long MaxTempBytes { get; init; } = 1024L * 1024 * 1024;
}

/// <summary>The budget a document hit: thrown inside readers, turned into a failed result by the engine.</summary>
public sealed class BudgetExceededException(string code, string reason) : Exception(reason)
{
    public string Code { get; } = code;
}
