namespace Disclosure.Pipeline.Processing;

/// <summary>Idempotency and poison record of one blob (container `receipts`, id = pk = docKey).</summary>
public sealed record Receipt
{
    public required string Id { get; init; }

    public required string Pk { get; init; }

    public string Type { get; init; } = "receipt";

    public required string BlobName { get; init; }

    public required string ETag { get; init; }

    public string? ContentSha256 { get; init; }

    /// <summary>processed | failed | poison.</summary>
    public required string State { get; init; }

    public int Attempts { get; init; }

    public string? ResultPk { get; init; }

    public string? Error { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public static class States
    {
        public const string Processed = "processed";
        public const string Failed = "failed";
        public const string Poison = "poison";
    }
}
