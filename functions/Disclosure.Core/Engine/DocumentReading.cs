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
}
