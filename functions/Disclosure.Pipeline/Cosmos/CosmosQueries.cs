using Microsoft.Azure.Cosmos;

namespace Disclosure.Pipeline.Cosmos;

/// <summary>
/// Single-partition queries in the only form the local emulator answers (no query plan): partition key in the options,
/// optimistic direct execution, one page size of -1, and the caller's WHERE clause also filters on c.pk.
/// </summary>
public static class CosmosQueries
{
    /// <summary>Partition of the year index in the results container: one small document per result partition.</summary>
    public const string YearIndexPk = "year-index";

    /// <summary>Records <paramref name="pk"/> in the year index (idempotent upsert of a tiny document).</summary>
    public static async Task RecordYearAsync(Container results, string pk, CancellationToken cancellationToken) =>
        await results.UpsertItemAsync(new System.Text.Json.Nodes.JsonObject { ["id"] = pk, ["pk"] = YearIndexPk, ["type"] = "year" },
            new PartitionKey(YearIndexPk), cancellationToken: cancellationToken).ConfigureAwait(false);

    /// <summary>Every result partition: the year index (any year, e.g. 2099) with 2008..next year and "unknown" added.</summary>
    public static async Task<IReadOnlyList<string>> YearsAsync(Container results, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var indexed = await QueryPartitionAsync<System.Text.Json.Nodes.JsonObject>(results, YearIndexPk,
            new QueryDefinition("SELECT c.id FROM c WHERE c.pk = @pk").WithParameter("@pk", YearIndexPk), cancellationToken).ConfigureAwait(false);
        var years = new List<string>(YearPartitions.All(now));
        foreach (var id in indexed.Select(d => (string?)d["id"]).OfType<string>().Order(StringComparer.Ordinal))
        {
            if (!years.Contains(id, StringComparer.Ordinal))
            {
                years.Insert(1, id);
            }
        }

        return years;
    }

    public static async Task<List<T>> QueryPartitionAsync<T>(Container container, string partitionKey, QueryDefinition query,
        CancellationToken cancellationToken = default)
    {
        var options = new QueryRequestOptions
        {
            PartitionKey = new PartitionKey(partitionKey),
            EnableOptimisticDirectExecution = true,
            MaxItemCount = -1,
        };
        var items = new List<T>();
        using var iterator = container.GetItemQueryIterator<T>(query, requestOptions: options);
        while (iterator.HasMoreResults)
        {
            var page = await iterator.ReadNextAsync(cancellationToken).ConfigureAwait(false);
            items.AddRange(page);
        }

        return items;
    }

    /// <summary>
    /// Point read that returns null for a missing document (404). The local emulator answers a read of a missing id with
    /// a 500 instead (its handler dereferences the absent document); only against the emulator (a loopback endpoint) is
    /// that 500 read as "maybe missing" and confirmed by the same read as a single-partition query. With
    /// <paramref name="emulatorMissingIsNull"/> the emulator's 500 counts as missing without the query: reading a
    /// document as missing at worst makes the pipeline redo idempotent work (receipts of new blobs are read often).
    /// Against Azure a 500 is an error like any other.
    /// </summary>
    public static async Task<T?> ReadOrNullAsync<T>(Container container, string id, string partitionKey, CancellationToken cancellationToken = default,
        bool emulatorMissingIsNull = false)
        where T : class
    {
        try
        {
            var response = await container.ReadItemAsync<T>(id, new PartitionKey(partitionKey), cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.Resource;
        }
        catch (CosmosException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (CosmosException ex) when (ex.StatusCode == System.Net.HttpStatusCode.InternalServerError && IsEmulator(container) && emulatorMissingIsNull)
        {
            return null;
        }
        catch (CosmosException ex) when (ex.StatusCode == System.Net.HttpStatusCode.InternalServerError && IsEmulator(container))
        {
            var rows = await QueryPartitionAsync<T>(container, partitionKey,
                new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.id = @id").WithParameter("@pk", partitionKey).WithParameter("@id", id),
                cancellationToken).ConfigureAwait(false);
            return rows.FirstOrDefault();
        }
    }

    /// <summary>The local emulator is the only Cosmos account on a loopback address (see CosmosClientFactory).</summary>
    private static bool IsEmulator(Container container) => Configuration.SettingsReader.IsLoopback(container.Database.Client.Endpoint);
}
