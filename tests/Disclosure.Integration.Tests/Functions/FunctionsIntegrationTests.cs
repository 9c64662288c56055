using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Disclosure.Core.Contract;
using Disclosure.Functions;
using Disclosure.Integration.Tests.Infrastructure;
using Disclosure.Pipeline.Alerts;
using Disclosure.Pipeline.Cosmos;
using Disclosure.Pipeline.Processing;
using Disclosure.Pipeline.Sweep;
using Disclosure.Sweep;
using Disclosure.Testing.Sweep;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Disclosure.Integration.Tests.Functions;

/// <summary>
/// The two functions of the real Functions app, called as the worker calls them (a BlobClient for the blob the Event
/// Grid event names; a TimerInfo), on Azurite and the Cosmos emulator.
/// </summary>
[Collection(EmulatorFixture.Collection)]
public sealed class FunctionsIntegrationTests(EmulatorFixture emulators)
{
    /// <summary>Fields that differ between two uploads of the same bytes (blob ETag and times) or are Cosmos's own.</summary>
    private static readonly string[] PerUpload = ["etag", "processedAt", "uploadedAt", "_rid", "_self", "_etag", "_attachments", "_ts"];

    [Fact]
    public async Task ProcessReport_stores_what_the_local_host_stores_and_a_second_call_adds_nothing()
    {
        var seeds = Directory.GetFiles(Path.Combine(emulators.SharedDirectory, "seeds"), "*.txt").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(5, seeds.Length);

        // The local host: the poller of `disclosure serve` picks the uploads up.
        await using var local = new PipelineHarness(emulators, "fn-local");
        await local.InitializeAsync();
        foreach (var seed in seeds)
        {
            await local.Container.UploadBlobAsync(Path.GetFileName(seed), BinaryData.FromBytes(await File.ReadAllBytesAsync(seed)));
        }

        await local.StartHostAsync();
        await PipelineHarness.WaitUntilAsync(() => Task.FromResult(local.Outcomes.Count >= seeds.Length), TimeSpan.FromSeconds(90), "local host processed the seeds");
        await local.StopHostAsync();

        // The Functions app: the same uploads, each handed to ProcessReport as the Event Grid blob trigger would.
        var database = "fn-app-" + Guid.NewGuid().ToString("N")[..8];
        using var app = FunctionsApp.Build(AppSettings(database, "reports-" + database));
        var container = app.Services.GetRequiredService<BlobContainerClient>();
        var cosmos = app.Services.GetRequiredService<CosmosBootstrap>();
        await container.CreateIfNotExistsAsync(); // infra/ creates both in Azure
        await cosmos.EnsureCreatedAsync();
        try
        {
            var function = FunctionsApp.Function<ProcessReport>(app);
            foreach (var seed in seeds)
            {
                var blob = container.GetBlobClient(Path.GetFileName(seed));
                await blob.UploadAsync(BinaryData.FromBytes(await File.ReadAllBytesAsync(seed)));
                await function.RunAsync(new BlobClient(emulators.StorageConnectionString, container.Name, blob.Name), CancellationToken.None);
            }

            var results = app.Services.GetRequiredService<IResultStore>();
            var alerts = app.Services.GetRequiredService<IAlertStore>();
            var expectedResults = Comparable(await local.AllResultsAsync());
            var actualResults = Comparable(await AllResultsAsync(results));
            Assert.Equal(expectedResults.Keys.Order(StringComparer.Ordinal), actualResults.Keys.Order(StringComparer.Ordinal));
            Assert.Contains(actualResults.Values, d => (string?)d["type"] == "result");
            foreach (var (id, expected) in expectedResults)
            {
                var diff = JsonEquivalence.FirstDifference(expected, actualResults[id]);
                Assert.True(diff is null, $"{id}: the Functions app stored another document than the local host: {diff}");
            }

            var expectedAlerts = ComparableAlerts(await local.AllAlertsAsync());
            var actualAlerts = ComparableAlerts(await alerts.ListAsync(YearPartitions.All(DateTimeOffset.UtcNow), null, CancellationToken.None));
            Assert.NotEmpty(expectedAlerts); // the seeds hold reports whose findings reach Alerts__MinSeverity
            Assert.Equal(expectedAlerts.Keys.Order(StringComparer.Ordinal), actualAlerts.Keys.Order(StringComparer.Ordinal));
            foreach (var (id, expected) in expectedAlerts)
            {
                var diff = JsonEquivalence.FirstDifference(expected, actualAlerts[id]);
                Assert.True(diff is null, $"alert {id}: {diff}");
            }

            // The same event again (Event Grid delivers at least once): nothing is added or rewritten.
            var before = Snapshot(await AllResultsAsync(results));
            var alertCount = actualAlerts.Count;
            foreach (var seed in seeds)
            {
                await function.RunAsync(container.GetBlobClient(Path.GetFileName(seed)), CancellationToken.None);
            }

            Assert.Equal(before, Snapshot(await AllResultsAsync(results)));
            Assert.Equal(alertCount, (await alerts.ListAsync(YearPartitions.All(DateTimeOffset.UtcNow), null, CancellationToken.None)).Count);
        }
        finally
        {
            await cosmos.Database.DeleteAsync();
        }
    }

    [Fact]
    public async Task AnnualSweep_sweeps_the_year_before_the_current_one_in_Beijing_time()
    {
        var database = "fn-sweep-" + Guid.NewGuid().ToString("N")[..8];
        // 2023-12-31 17:00 UTC is 2024-01-01 01:00 in Beijing: the reports due now are those about 2023 (by UTC, 2022).
        var clock = new FakeTimeProvider(new DateTimeOffset(2023, 12, 31, 17, 0, 0, TimeSpan.Zero));
        using var app = FunctionsApp.Build(AppSettings(database, "reports-" + database), services => services.AddSingleton<TimeProvider>(clock));
        var cosmos = app.Services.GetRequiredService<CosmosBootstrap>();
        await cosmos.EnsureCreatedAsync();
        try
        {
            var scenario = SweepScenario.Generate(24, year: 2023);
            await SweepScenarioSeeder.SeedAsync(app.Services.GetRequiredService<IResultStore>(), app.Services.GetRequiredService<IRegistryStore>(), scenario);
            // A registry for 2022 too, so sweeping the wrong year would also complete and be seen.
            await app.Services.GetRequiredService<IRegistryStore>().ReplaceAsync(2022, scenario.Registry, CancellationToken.None);

            await FunctionsApp.Function<AnnualSweep>(app).RunAsync(new TimerInfo(), CancellationToken.None);

            var sweeps = app.Services.GetRequiredService<ISweepStore>();
            var stored = await sweeps.GetAsync(2023);
            Assert.NotNull(stored);
            Assert.Equal(scenario.Registry.Count, stored!.Summary.Overall.Expected);
            Assert.Equal(scenario.Planted[FindingCodes.MissingReport], stored.Summary.Flagged[FindingCodes.MissingReport]);
            Assert.Null(await sweeps.GetAsync(2022));
            Assert.Null(await sweeps.GetAsync(2024));
            var outputs = app.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(app.Services.GetRequiredService<SweepOptions>().OutputContainer);
            Assert.True(await outputs.GetBlobClient("2023/sweep-2023.html").ExistsAsync());
        }
        finally
        {
            await cosmos.Database.DeleteAsync();
            await app.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(app.Services.GetRequiredService<SweepOptions>().OutputContainer).DeleteIfExistsAsync();
        }
    }

    /// <summary>The emulators' settings plus the sample's, the way `func start` would read them from local.settings.json.</summary>
    private Dictionary<string, string?> AppSettings(string database, string container)
    {
        var settings = new Dictionary<string, string?>(FunctionsApp.SampleSettings(emulators.RepoRoot))
        {
            ["ReportsStorage"] = emulators.StorageConnectionString,
            ["Reports__Container"] = container,
            ["Cosmos__Endpoint"] = emulators.CosmosEndpoint,
            ["Cosmos__Key"] = EmulatorFixture.CosmosKey,
            ["Cosmos__Database"] = database,
            ["Sweep__OutputContainer"] = "sweep-reports-" + database,
            ["Sweep__LockContainer"] = "sweep-locks-" + database,
        };
        return settings;
    }

    private static async Task<List<JsonObject>> AllResultsAsync(IResultStore results)
    {
        var all = new List<JsonObject>();
        foreach (var pk in YearPartitions.All(DateTimeOffset.UtcNow))
        {
            all.AddRange(await results.ListAsync(pk, CancellationToken.None));
        }

        return all;
    }

    private static Dictionary<string, JsonObject> Comparable(IEnumerable<JsonObject> documents) =>
        documents.Select(d => (JsonObject)d.DeepClone()).Select(d =>
        {
            foreach (var key in PerUpload) d.Remove(key);
            return d;
        }).ToDictionary(d => (string)d["id"]!, StringComparer.Ordinal);

    // The review link is signed when the report is processed (its SAS carries start and expiry times): the page it points
    // at must be the same, the signature may not.
    private static Dictionary<string, JsonObject> ComparableAlerts(IEnumerable<AlertDocument> alerts) =>
        alerts.Select(a => JsonSerializer.SerializeToNode(a with { CreatedAt = default, ReviewUrl = a.ReviewUrl?.Split('?')[0] })!.AsObject())
            .ToDictionary(a => (string)a["Id"]!, StringComparer.Ordinal);

    private static Dictionary<string, string> Snapshot(IEnumerable<JsonObject> documents) =>
        documents.ToDictionary(d => (string)d["id"]!, d => d.ToJsonString(), StringComparer.Ordinal);
}
