using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Disclosure.Pipeline.Alerts;
using Disclosure.Pipeline.Cosmos;
using Disclosure.Pipeline.Processing;

namespace Disclosure.Testing.Fakes;

/// <summary>
/// <see cref="IResultStore"/> in memory, keyed like the Cosmos container (id, pk). <see cref="Fault"/> injects a fault
/// before an operation ("upsert", "delete", "get", "pointer", "year", "list").
/// </summary>
public sealed class InMemoryResultStore : IResultStore
{
    private readonly ConcurrentDictionary<(string Id, string Pk), JsonObject> _documents = new();
    private readonly ConcurrentDictionary<string, byte> _years = new(StringComparer.Ordinal);

    public Func<string, Exception?> Fault { get; set; } = _ => null;

    /// <summary>Result documents (agency pointers excluded).</summary>
    public IReadOnlyList<JsonObject> Results => [.. _documents.Values.Where(d => (string?)d["type"] == "result")];

    public IReadOnlyCollection<string> Years => [.. _years.Keys];

    public Task UpsertAsync(JsonObject document, CancellationToken cancellationToken)
    {
        Check("upsert");
        _documents[((string)document["id"]!, (string)document["pk"]!)] = (JsonObject)document.DeepClone();
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string id, string pk, CancellationToken cancellationToken)
    {
        Check("delete");
        _documents.TryRemove((id, pk), out _);
        return Task.CompletedTask;
    }

    public Task<JsonObject?> GetAsync(string id, string pk, CancellationToken cancellationToken)
    {
        Check("get");
        return Task.FromResult(_documents.TryGetValue((id, pk), out var d) ? (JsonObject?)d.DeepClone() : null);
    }

    public Task UpsertAgencyPointerAsync(string agencyKey, string pk, string resultId, string blobName, CancellationToken cancellationToken)
    {
        Check("pointer");
        _documents[(DocumentKeys.AgencyPointerId(agencyKey), pk)] = new JsonObject
        {
            ["id"] = DocumentKeys.AgencyPointerId(agencyKey), ["pk"] = pk, ["type"] = "agency", ["resultId"] = resultId, ["blobName"] = blobName,
        };
        return Task.CompletedTask;
    }

    public async Task<JsonObject?> GetAgencyYearAsync(string agencyKey, int year, CancellationToken cancellationToken)
    {
        var pk = DocumentKeys.YearKey(year);
        return _documents.TryGetValue((DocumentKeys.AgencyPointerId(agencyKey), pk), out var pointer)
            ? await GetAsync((string)pointer["resultId"]!, pk, cancellationToken).ConfigureAwait(false)
            : null;
    }

    public Task<IReadOnlyList<JsonObject>> ListAsync(string pk, CancellationToken cancellationToken)
    {
        Check("list");
        return Task.FromResult<IReadOnlyList<JsonObject>>([.. _documents.Where(d => d.Key.Pk == pk && (string?)d.Value["type"] == "result").Select(d => d.Value)]);
    }

    public Task RecordYearAsync(string pk, CancellationToken cancellationToken)
    {
        Check("year");
        _years[pk] = 0;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> YearsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. _years.Keys.Order(StringComparer.Ordinal)]);

    private void Check(string operation)
    {
        if (Fault(operation) is { } fault)
        {
            throw fault;
        }
    }
}

/// <summary><see cref="IReceiptStore"/> in memory; <see cref="Fault"/> injects a fault before "get" or "upsert".</summary>
public sealed class InMemoryReceiptStore : IReceiptStore
{
    private readonly ConcurrentDictionary<string, Receipt> _receipts = new(StringComparer.Ordinal);

    public Func<string, Exception?> Fault { get; set; } = _ => null;

    public Receipt? this[string docKey] => _receipts.TryGetValue(docKey, out var r) ? r : null;

    public Task<Receipt?> GetAsync(string docKey, CancellationToken cancellationToken)
    {
        Check("get");
        return Task.FromResult(this[docKey]);
    }

    public Task UpsertAsync(Receipt receipt, CancellationToken cancellationToken)
    {
        Check("upsert");
        _receipts[receipt.Id] = receipt;
        return Task.CompletedTask;
    }

    private void Check(string operation)
    {
        if (Fault(operation) is { } fault)
        {
            throw fault;
        }
    }
}

/// <summary><see cref="IAlertStore"/> in memory, with the Cosmos store's create-once semantics.</summary>
public sealed class InMemoryAlertStore : IAlertStore
{
    private readonly ConcurrentDictionary<string, AlertDocument> _alerts = new(StringComparer.Ordinal);

    public IReadOnlyList<AlertDocument> All => [.. _alerts.Values.OrderBy(a => a.Id, StringComparer.Ordinal)];

    public Task<bool> TryCreateAsync(AlertDocument alert, CancellationToken cancellationToken) => Task.FromResult(_alerts.TryAdd(alert.Id, alert));

    public Task<AlertDocument?> GetAsync(string id, string pk, CancellationToken cancellationToken) =>
        Task.FromResult(_alerts.TryGetValue(id, out var a) && a.Pk == pk ? a : null);

    public Task MarkPublishedAsync(string id, string pk, CancellationToken cancellationToken) =>
        Update(id, a => a with { Published = true });

    public async Task<bool> AcknowledgeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        await Update(id, a => a with { Status = AlertStatuses.Acknowledged, AcknowledgedAt = at }).ConfigureAwait(false);

    public async Task<bool> ResolveAsync(string id, string pk, DateTimeOffset at, CancellationToken cancellationToken) =>
        await Update(id, a => a with { Status = AlertStatuses.Resolved, ResolvedAt = at }).ConfigureAwait(false);

    public Task ReopenAsync(AlertDocument alert, CancellationToken cancellationToken)
    {
        _alerts[alert.Id] = alert with { Published = false };
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AlertDocument>> ListAsync(IEnumerable<string> partitions, string? status, CancellationToken cancellationToken)
    {
        var pks = partitions.ToHashSet(StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyList<AlertDocument>>([.. All.Where(a => pks.Contains(a.Pk) && (status is null || a.Status == status))]);
    }

    private Task<bool> Update(string id, Func<AlertDocument, AlertDocument> change)
    {
        if (!_alerts.TryGetValue(id, out var a))
        {
            return Task.FromResult(false);
        }

        _alerts[id] = change(a);
        return Task.FromResult(true);
    }
}

/// <summary><see cref="IAlertPublisher"/> that records what it would publish.</summary>
public sealed class RecordingAlertPublisher : IAlertPublisher
{
    private readonly ConcurrentQueue<AlertDocument> _published = new();

    public IReadOnlyList<AlertDocument> Published => [.. _published];

    public Task PublishAsync(AlertDocument alert, CancellationToken cancellationToken)
    {
        _published.Enqueue(alert);
        return Task.CompletedTask;
    }
}
