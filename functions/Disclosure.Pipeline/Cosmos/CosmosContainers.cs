using Microsoft.Azure.Cosmos;

namespace Disclosure.Pipeline.Cosmos;

/// <summary>The one list of Cosmos containers (all partitioned on /pk). See README, section pipeline.</summary>
public static class CosmosContainers
{
    public const string PartitionKeyPath = "/pk";

    /// <summary>One document per report blob (id = docKey, pk = year or "unknown") plus agency-year pointer documents.</summary>
    public const string Results = "results";

    /// <summary>Idempotency and poison records per blob (id = pk = docKey).</summary>
    public const string Receipts = "receipts";

    /// <summary>Report and sweep alerts (pk = year or "unknown").</summary>
    public const string Alerts = "alerts";

    /// <summary>Sweep: agencies expected to publish (pk = registry year, id = agency id).</summary>
    public const string Registry = "registry";

    /// <summary>Sweep: one summary per year (pk = year, id = "summary").</summary>
    public const string Sweeps = "sweeps";

    public static IReadOnlyList<string> All { get; } = [Results, Receipts, Alerts, Registry, Sweeps];

    /// <summary>Partition key value of documents whose year could not be read.</summary>
    public const string UnknownYear = "unknown";
}

/// <summary>
/// Creates the database and containers when missing. Only start-up code calls it: the local host (`disclosure serve`),
/// the CLI's commands against the local emulator and the tests. In Azure, infra/modules/cosmos.bicep declares them and the
/// app's identity has data-plane rights only, so the processing path never creates anything (a 404 there is an error).
/// </summary>
public sealed class CosmosBootstrap(CosmosClient client, string database, bool localEmulator = false)
{
    /// <summary>True for the local emulator, whose reads of missing documents need a detour (see CosmosQueries).</summary>
    public bool IsLocalEmulator => localEmulator;

    private readonly SemaphoreSlim _gate = new(1, 1);

    public string DatabaseName => database;

    public Database Database => client.GetDatabase(database);

    public Container Container(string name) => client.GetContainer(database, name);

    /// <summary>
    /// <see cref="EnsureCreatedAsync"/> against the local emulator only, which loses everything when it stops; against an
    /// Azure account nothing is done (infra/ created the database and containers; the identity may not create them).
    /// </summary>
    public Task EnsureCreatedLocallyAsync(CancellationToken cancellationToken = default) =>
        localEmulator ? EnsureCreatedAsync(cancellationToken: cancellationToken) : Task.CompletedTask;

    /// <summary>Idempotent; creates <paramref name="containers"/> (default: all of <see cref="CosmosContainers.All"/>).</summary>
    public async Task EnsureCreatedAsync(IEnumerable<string>? containers = null, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var db = (await client.CreateDatabaseIfNotExistsAsync(database, cancellationToken: cancellationToken).ConfigureAwait(false)).Database;
            foreach (var name in containers ?? CosmosContainers.All)
            {
                await db.CreateContainerIfNotExistsAsync(new ContainerProperties(name, CosmosContainers.PartitionKeyPath), cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
