using System.Net;
using System.Text.Json.Nodes;
using Disclosure.Pipeline.Alerts;
using Disclosure.Pipeline.Processing;
using Microsoft.Azure.Cosmos;

namespace Disclosure.Pipeline.Cosmos;

/// <summary>Result storage port: results and agency-year pointers (container `results`).</summary>
public interface IResultStore
{
    Task UpsertAsync(JsonObject document, CancellationToken cancellationToken);

    Task DeleteAsync(string id, string pk, CancellationToken cancellationToken);

    /// <summary>Point read of one result.</summary>
    Task<JsonObject?> GetAsync(string id, string pk, CancellationToken cancellationToken);

    Task UpsertAgencyPointerAsync(string agencyKey, string pk, string resultId, string blobName, CancellationToken cancellationToken);

    /// <summary>The result an agency published for <paramref name="year"/> (two point reads: pointer, then result).</summary>
    Task<JsonObject?> GetAgencyYearAsync(string agencyKey, int year, CancellationToken cancellationToken);

    /// <summary>All results of one partition (a year, or "unknown"): one single-partition query.</summary>
    Task<IReadOnlyList<JsonObject>> ListAsync(string pk, CancellationToken cancellationToken);

    /// <summary>Adds a result partition (year) to the year index, so listings find every stored year, 2099 included.</summary>
    Task RecordYearAsync(string pk, CancellationToken cancellationToken);

    /// <summary>The partitions worth listing: the year index, plus 2008 to next year and "unknown" (results stored before the index).</summary>
    Task<IReadOnlyList<string>> YearsAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Receipt storage port (container `receipts`).</summary>
public interface IReceiptStore
{
    Task<Receipt?> GetAsync(string docKey, CancellationToken cancellationToken);

    Task UpsertAsync(Receipt receipt, CancellationToken cancellationToken);
}

public sealed class CosmosResultStore(CosmosBootstrap cosmos) : IResultStore
{
    private Container Results => cosmos.Container(CosmosContainers.Results);

    public async Task UpsertAsync(JsonObject document, CancellationToken cancellationToken) =>
        await Results.UpsertItemAsync(document, new PartitionKey((string)document["pk"]!), cancellationToken: cancellationToken).ConfigureAwait(false);

    public async Task DeleteAsync(string id, string pk, CancellationToken cancellationToken)
    {
        try
        {
            await Results.DeleteItemAsync<JsonObject>(id, new PartitionKey(pk), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (CosmosException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone: deleting is idempotent.
        }
    }

    public Task<JsonObject?> GetAsync(string id, string pk, CancellationToken cancellationToken) =>
        CosmosQueries.ReadOrNullAsync<JsonObject>(Results, id, pk, cancellationToken);

    public async Task UpsertAgencyPointerAsync(string agencyKey, string pk, string resultId, string blobName, CancellationToken cancellationToken) =>
        await Results.UpsertItemAsync(ResultDocuments.AgencyPointer(agencyKey, pk, resultId, blobName), new PartitionKey(pk), cancellationToken: cancellationToken)
            .ConfigureAwait(false);

    public async Task<JsonObject?> GetAgencyYearAsync(string agencyKey, int year, CancellationToken cancellationToken)
    {
        var pk = DocumentKeys.YearKey(year);
        var pointer = await CosmosQueries.ReadOrNullAsync<JsonObject>(Results, DocumentKeys.AgencyPointerId(agencyKey), pk, cancellationToken).ConfigureAwait(false);
        return pointer?["resultId"]?.GetValue<string>() is { } resultId ? await GetAsync(resultId, pk, cancellationToken).ConfigureAwait(false) : null;
    }

    public Task RecordYearAsync(string pk, CancellationToken cancellationToken) => CosmosQueries.RecordYearAsync(Results, pk, cancellationToken);

    public Task<IReadOnlyList<string>> YearsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        CosmosQueries.YearsAsync(Results, now, cancellationToken);

    public async Task<IReadOnlyList<JsonObject>> ListAsync(string pk, CancellationToken cancellationToken) =>
        await CosmosQueries.QueryPartitionAsync<JsonObject>(Results, pk,
            new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.type = @type").WithParameter("@pk", pk).WithParameter("@type", ResultDocuments.ResultType),
            cancellationToken).ConfigureAwait(false);
}

public sealed class CosmosReceiptStore(CosmosBootstrap cosmos) : IReceiptStore
{
    private Container Receipts => cosmos.Container(CosmosContainers.Receipts);

    public Task<Receipt?> GetAsync(string docKey, CancellationToken cancellationToken) =>
        CosmosQueries.ReadOrNullAsync<Receipt>(Receipts, docKey, docKey, cancellationToken, cosmos.IsLocalEmulator);

    public async Task UpsertAsync(Receipt receipt, CancellationToken cancellationToken) =>
        await Receipts.UpsertItemAsync(receipt, new PartitionKey(receipt.Pk), cancellationToken: cancellationToken).ConfigureAwait(false);
}

public sealed class CosmosAlertStore(CosmosBootstrap cosmos) : IAlertStore
{
    private Container Alerts => cosmos.Container(CosmosContainers.Alerts);

    public async Task<bool> TryCreateAsync(AlertDocument alert, CancellationToken cancellationToken)
    {
        try
        {
            await Alerts.CreateItemAsync(alert, new PartitionKey(alert.Pk), cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (CosmosException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    public Task<AlertDocument?> GetAsync(string id, string pk, CancellationToken cancellationToken) =>
        CosmosQueries.ReadOrNullAsync<AlertDocument>(Alerts, id, pk, cancellationToken);

    public async Task MarkPublishedAsync(string id, string pk, CancellationToken cancellationToken) =>
        await Alerts.PatchItemAsync<JsonObject>(id, new PartitionKey(pk), [PatchOperation.Set("/published", true)], cancellationToken: cancellationToken)
            .ConfigureAwait(false);

    public async Task<bool> AcknowledgeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Alert ids carry no year; the year partitions are few, so try each (point reads).
        foreach (var pk in await CosmosQueries.YearsAsync(cosmos.Container(CosmosContainers.Results), at, cancellationToken).ConfigureAwait(false))
        {
            var alert = await GetAsync(id, pk, cancellationToken).ConfigureAwait(false);
            if (alert is null)
            {
                continue;
            }

            await Alerts.PatchItemAsync<JsonObject>(id, new PartitionKey(pk),
                [PatchOperation.Set("/status", AlertStatuses.Acknowledged), PatchOperation.Set("/acknowledgedAt", at.ToUniversalTime().ToString("O"))],
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }

        return false;
    }

    public async Task<bool> ResolveAsync(string id, string pk, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await Alerts.PatchItemAsync<JsonObject>(id, new PartitionKey(pk),
                [PatchOperation.Set("/status", AlertStatuses.Resolved), PatchOperation.Set("/resolvedAt", at.ToUniversalTime().ToString("O"))],
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (CosmosException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task ReopenAsync(AlertDocument alert, CancellationToken cancellationToken) =>
        await Alerts.UpsertItemAsync(alert, new PartitionKey(alert.Pk), cancellationToken: cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<AlertDocument>> ListAsync(IEnumerable<string> partitions, string? status, CancellationToken cancellationToken)
    {
        var all = new List<AlertDocument>();
        foreach (var pk in partitions)
        {
            var query = status is null
                ? new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk").WithParameter("@pk", pk)
                : new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.status = @status").WithParameter("@pk", pk).WithParameter("@status", status);
            all.AddRange(await CosmosQueries.QueryPartitionAsync<AlertDocument>(Alerts, pk, query, cancellationToken).ConfigureAwait(false));
        }

        return all;
    }
}

/// <summary>
/// The year partitions worth scanning when a listing spans all years: report years 2008 (the first regulations) to next
/// year, plus "unknown". A handful of single-partition queries replaces a cross-partition one the emulator cannot run.
/// </summary>
public static class YearPartitions
{
    public static IEnumerable<string> All(DateTimeOffset now)
    {
        yield return CosmosContainers.UnknownYear;
        for (var y = now.Year + 1; y >= 2008; y--)
        {
            yield return y.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
