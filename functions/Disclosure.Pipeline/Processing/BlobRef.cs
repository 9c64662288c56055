namespace Disclosure.Pipeline.Processing;

/// <summary>What is known about a report blob before reading it (from a listing, a trigger, or a properties call).</summary>
public sealed record BlobRef(string Name, string ETag, long Size, DateTimeOffset? UploadedAt, IReadOnlyDictionary<string, string>? Metadata = null)
{
    /// <summary>Publication date the uploader stated in blob metadata `published` (yyyy-MM-dd), when present.</summary>
    public string? PublishedMetadata =>
        Metadata is not null && Metadata.TryGetValue("published", out var p) && DateOnly.TryParse(p, System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : null;
}

/// <summary>ETags as stored in receipts: without quotes, so listings (unquoted) and property headers (quoted) agree.</summary>
public static class BlobETags
{
    public static string Normalize(Azure.ETag? etag) => etag?.ToString().Trim('"') ?? "";
}

/// <summary>What processing did with one blob.</summary>
public enum ProcessingKind
{
    /// <summary>Analysed and stored (status passed or findings).</summary>
    Processed,

    /// <summary>Stored as a failed result (corrupt, unsupported, too large, engine error) with an alert.</summary>
    Failed,

    /// <summary>This ETag was already processed: nothing done.</summary>
    AlreadyProcessed,

    /// <summary>New ETag but the same content as already processed: only the receipt was updated.</summary>
    SameContent,

    /// <summary>The blob is gone or changed since it was listed; the next scan sees its new state.</summary>
    Gone,

    /// <summary>Transient faults outlasted every attempt; recorded as poison (when the store was reachable).</summary>
    Poison,
}

public sealed record ProcessingOutcome(ProcessingKind Kind, string BlobName, string DocKey, string? ResultPk = null, string? AlertId = null, string? Error = null)
{
    /// <summary>False when even the poison record could not be written: the blob must be offered again later.</summary>
    public bool Recorded { get; init; } = true;
}
