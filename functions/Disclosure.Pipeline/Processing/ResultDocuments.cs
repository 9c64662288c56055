using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Disclosure.Core.Contract;

namespace Disclosure.Pipeline.Processing;

/// <summary>
/// The stored form of a result: storage fields (id, pk, type, blobName, etag, contentSha256, processedAt, agencyKey,
/// publishedAt, uploadedAt) followed by the contract fields exactly as <see cref="ResultJson"/> writes them.
/// </summary>
public static class ResultDocuments
{
    public const string ResultType = "result";
    public const string AgencyPointerType = "agency-year";

    /// <summary>The contract's top-level fields, in contract order.</summary>
    public static IReadOnlyList<string> ContractFields { get; } =
        ["schemaVersion", "source", "report", "cells", "findings", "status", "error", "errorCode", "cellDetails", "narrative", "yearOverYear"];

    public static JsonObject Build(ReportResult result, BlobRef blob, string docKey, string pk, DateTimeOffset processedAt)
    {
        var (publishedAt, publishedFrom) = result.Report.Published is { } p ? (p, "report")
            : blob.PublishedMetadata is { } m ? (m, "metadata")
            : blob.UploadedAt is { } u ? (u.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "upload")
            : ((string?)null, (string?)null);

        var doc = new JsonObject
        {
            ["id"] = docKey,
            ["pk"] = pk,
            ["type"] = ResultType,
            ["blobName"] = blob.Name,
            ["etag"] = blob.ETag,
            ["contentSha256"] = result.Source.Sha256,
            ["processedAt"] = processedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            ["agencyKey"] = result.Report.Agency is { } a ? DocumentKeys.AgencyKey(a) : null,
            ["publishedAt"] = publishedAt,
            ["publishedFrom"] = publishedFrom,
            ["uploadedAt"] = blob.UploadedAt?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        };

        var contract = JsonSerializer.SerializeToNode(result, ResultJson.Options)!.AsObject();
        foreach (var (key, value) in contract.ToList())
        {
            contract.Remove(key);
            doc[key] = value;
        }

        return doc;
    }

    /// <summary>The contract part of a stored document (what `disclosure check --json` prints for the same file).</summary>
    public static JsonObject ToContract(JsonObject document)
    {
        var contract = new JsonObject();
        foreach (var field in ContractFields)
        {
            if (document.TryGetPropertyValue(field, out var value))
            {
                contract[field] = value?.DeepClone();
            }
        }

        return contract;
    }

    public static ReportResult? ToResult(JsonObject document) =>
        ResultJson.Deserialize(ToContract(document).ToJsonString(ResultJson.Options));

    public static JsonObject AgencyPointer(string agencyKey, string pk, string resultId, string blobName) => new()
    {
        ["id"] = DocumentKeys.AgencyPointerId(agencyKey),
        ["pk"] = pk,
        ["type"] = AgencyPointerType,
        ["agencyKey"] = agencyKey,
        ["resultId"] = resultId,
        ["blobName"] = blobName,
    };
}
