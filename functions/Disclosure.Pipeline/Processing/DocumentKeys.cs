using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Disclosure.Pipeline.Processing;

/// <summary>
/// Deterministic, Cosmos-safe ids. Blob names are untrusted (any Unicode, '/', '..', '#', '?'), so ids are hashes of
/// them and never the names themselves; names are never used as file-system paths either.
/// </summary>
public static class DocumentKeys
{
    /// <summary>First 40 hex chars of SHA-256 over the UTF-8 blob name.</summary>
    public static string DocKey(string blobName) => Hex(Encoding.UTF8.GetBytes(blobName), 40);

    /// <summary>First 32 hex chars of SHA-256 over the agency name, NFKC-normalised with all whitespace removed.</summary>
    public static string AgencyKey(string agency)
    {
        var normalized = agency.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(normalized.Length);
        foreach (var ch in normalized)
        {
            if (!char.IsWhiteSpace(ch))
            {
                sb.Append(ch);
            }
        }

        return Hex(Encoding.UTF8.GetBytes(sb.ToString()), 32);
    }

    public static string AgencyPointerId(string agencyKey) => "agency-" + agencyKey;

    /// <summary>Report alert id: one per (blob, content), so the same content seen again maps to the same alert.</summary>
    public static string ReportAlertId(string docKey, string contentSha256) => $"rep-{docKey}-{contentSha256[..16]}";

    /// <summary>Partition key of a result: the report year, or "unknown".</summary>
    public static string YearKey(int? year) => year?.ToString(CultureInfo.InvariantCulture) ?? Cosmos.CosmosContainers.UnknownYear;

    public static string Sha256Hex(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static string Hex(byte[] bytes, int length) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..length];
}
