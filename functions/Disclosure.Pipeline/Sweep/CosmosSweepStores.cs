using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Disclosure.Core.Contract;
using Disclosure.Pipeline.Cosmos;
using Disclosure.Sweep;
using Microsoft.Azure.Cosmos;

namespace Disclosure.Pipeline.Sweep;

/// <summary>
/// The sweep's containers. Against the local emulator (which keeps nothing across restarts) they are created once per
/// process; against an Azure account nothing is created here: infra/ made them, and a data-plane-only identity may not.
/// </summary>
internal sealed class SweepContainers(CosmosBootstrap cosmos)
{
    private readonly Lazy<Task> _ensured = new(() => cosmos.EnsureCreatedLocallyAsync());

    public async Task<Container> GetAsync(string name, CancellationToken cancellationToken)
    {
        await _ensured.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return cosmos.Container(name);
    }

    /// <summary>Runs <paramref name="work"/> over <paramref name="items"/> with bounded parallelism (point operations).</summary>
    public static Task ForEachAsync<T>(IEnumerable<T> items, CancellationToken cancellationToken, Func<T, CancellationToken, ValueTask> work) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, work);
}

/// <summary>`registry` container: pk = registry year, id = agency id.</summary>
public sealed class CosmosRegistryStore(CosmosBootstrap cosmos, TimeProvider time) : IRegistryStore
{
    private readonly SweepContainers _containers = new(cosmos);

    public async Task<RegistryReplaceResult> ReplaceAsync(int year, IReadOnlyList<Agency> agencies, CancellationToken cancellationToken = default)
    {
        var container = await _containers.GetAsync(CosmosContainers.Registry, cancellationToken).ConfigureAwait(false);
        var pk = Pk(year);
        var existing = await ListAsync(container, pk, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        await SweepContainers.ForEachAsync(agencies, cancellationToken, async (a, ct) =>
            await container.UpsertItemAsync(AgencyDocument.From(a, pk, now), new PartitionKey(pk), cancellationToken: ct).ConfigureAwait(false)).ConfigureAwait(false);

        var keep = agencies.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var stale = existing.Where(d => !keep.Contains(d.Id)).ToList();
        await SweepContainers.ForEachAsync(stale, cancellationToken, async (d, ct) =>
        {
            try
            {
                await container.DeleteItemAsync<AgencyDocument>(d.Id, new PartitionKey(pk), cancellationToken: ct).ConfigureAwait(false);
            }
            catch (CosmosException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                // Removed concurrently: the goal is reached.
            }
        }).ConfigureAwait(false);
        return new RegistryReplaceResult(agencies.Count, stale.Count);
    }

    public async Task<IReadOnlyList<Agency>> LoadAsync(int year, CancellationToken cancellationToken = default)
    {
        var container = await _containers.GetAsync(CosmosContainers.Registry, cancellationToken).ConfigureAwait(false);
        var docs = await ListAsync(container, Pk(year), cancellationToken).ConfigureAwait(false);
        return docs.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => d.ToAgency()).ToList();
    }

    private static Task<List<AgencyDocument>> ListAsync(Container container, string pk, CancellationToken cancellationToken) =>
        CosmosQueries.QueryPartitionAsync<AgencyDocument>(container, pk,
            new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.type = @type").WithParameter("@pk", pk).WithParameter("@type", AgencyDocument.DocType),
            cancellationToken);

    private static string Pk(int year) => year.ToString(CultureInfo.InvariantCulture);

    /// <summary>The stored registry entry.</summary>
    public sealed record AgencyDocument
    {
        public const string DocType = "agency";

        public required string Id { get; init; }

        public required string Pk { get; init; }

        public string Type { get; init; } = DocType;

        public required string Name { get; init; }

        public IReadOnlyList<string> Aliases { get; init; } = [];

        public string Region { get; init; } = "";

        /// <summary>department | government.</summary>
        public required string Level { get; init; }

        public string? Parent { get; init; }

        public DateTimeOffset ImportedAt { get; init; }

        public static AgencyDocument From(Agency a, string pk, DateTimeOffset now) => new()
        {
            Id = a.Id,
            Pk = pk,
            Name = a.Name,
            Aliases = a.Aliases,
            Region = a.Region,
            Level = a.Level == AgencyLevel.Government ? "government" : "department",
            Parent = a.Parent,
            ImportedAt = now,
        };

        public Agency ToAgency() => new(Id, Name, Aliases, Region, RegistryParser.ParseLevel(Level) ?? AgencyLevel.Department, Parent);
    }
}

/// <summary>
/// Reads a year's results with one single-partition query on `results` (pk = year, type = result), projecting only
/// what the sweep needs.
/// </summary>
public sealed class CosmosSweepReportSource(CosmosBootstrap cosmos) : ISweepReportSource
{
    private readonly SweepContainers _containers = new(cosmos);

    public async Task<IReadOnlyList<StoredReportSummary>> LoadYearAsync(int year, CancellationToken cancellationToken = default)
    {
        var container = await _containers.GetAsync(CosmosContainers.Results, cancellationToken).ConfigureAwait(false);
        var pk = year.ToString(CultureInfo.InvariantCulture);
        var rows = await CosmosQueries.QueryPartitionAsync<ResultRow>(container, pk,
            new QueryDefinition("SELECT c.id, c.blobName, c.contentSha256, c.publishedAt, c.uploadedAt, c.report, c.cells, c.findings, c.status, c.narrative FROM c WHERE c.pk = @pk AND c.type = @type")
                .WithParameter("@pk", pk).WithParameter("@type", "result"),
            cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToSummary(year)).ToList();
    }

    /// <summary>
    /// publishedAt is a date (yyyy-MM-dd, Beijing time, as reports and blob metadata give it) or an instant (ISO 8601);
    /// without it, the upload time counts.
    /// </summary>
    public static DateTimeOffset? ParseInstant(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), DeadlinePolicy.ChinaOffset);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
    }

    internal sealed record ResultRow
    {
        public required string Id { get; init; }

        public string? BlobName { get; init; }

        public string? PublishedAt { get; init; }

        public string? ContentSha256 { get; init; }

        public string? UploadedAt { get; init; }

        public ReportInfo? Report { get; init; }

        public Dictionary<string, decimal?>? Cells { get; init; }

        public List<Finding>? Findings { get; init; }

        [JsonConverter(typeof(JsonStringEnumConverter<ResultStatus>))]
        public ResultStatus? Status { get; init; }

        public List<NarrativeText>? Narrative { get; init; }

        public StoredReportSummary ToSummary(int year) => new()
        {
            Id = Id,
            BlobName = BlobName ?? Id,
            Agency = Report?.Agency,
            Year = Report?.Year ?? year,
            Template = Report?.Template,
            Status = Status ?? ResultStatus.Passed,
            Cells = Cells ?? [],
            Findings = Findings ?? [],
            PublishedAt = ParseInstant(PublishedAt) ?? ParseInstant(Report?.Published) ?? ParseInstant(UploadedAt),
            ContentSha256 = ContentSha256,
            Narrative = Narrative ?? [],
        };
    }
}

/// <summary>`sweeps` container: pk = year, id = "summary"; each run replaces it.</summary>
public sealed class CosmosSweepStore(CosmosBootstrap cosmos) : ISweepStore
{
    public const string SummaryId = "summary";

    private readonly SweepContainers _containers = new(cosmos);

    public async Task SaveAsync(SweepRecord record, CancellationToken cancellationToken = default)
    {
        var container = await _containers.GetAsync(CosmosContainers.Sweeps, cancellationToken).ConfigureAwait(false);
        var doc = SweepDocument.From(record);
        await container.UpsertItemAsync(doc, new PartitionKey(doc.Pk), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task<SweepRecord?> GetAsync(int year, CancellationToken cancellationToken = default)
    {
        var container = await _containers.GetAsync(CosmosContainers.Sweeps, cancellationToken).ConfigureAwait(false);
        var doc = await CosmosQueries.ReadOrNullAsync<SweepDocument>(container, SummaryId, year.ToString(CultureInfo.InvariantCulture), cancellationToken)
            .ConfigureAwait(false);
        return doc is null ? null : new SweepRecord(doc.Summary, doc.RanAt, doc.DurationSeconds, doc.Outputs);
    }

    public sealed record SweepDocument
    {
        public string Id { get; init; } = SummaryId;

        public required string Pk { get; init; }

        public string Type { get; init; } = "sweep-summary";

        public required int Year { get; init; }

        public required DateTimeOffset RanAt { get; init; }

        public double DurationSeconds { get; init; }

        public IReadOnlyList<string> Outputs { get; init; } = [];

        public required SweepSummary Summary { get; init; }

        public static SweepDocument From(SweepRecord r) => new()
        {
            Pk = r.Summary.Year.ToString(CultureInfo.InvariantCulture),
            Year = r.Summary.Year,
            RanAt = r.RanAt,
            DurationSeconds = r.DurationSeconds,
            Outputs = r.Outputs,
            Summary = r.Summary,
        };
    }

    /// <summary>For tests and tools: the JSON the store writes.</summary>
    public static string ToJson(SweepRecord record) => JsonSerializer.Serialize(SweepDocument.From(record), ResultJson.Options);
}
