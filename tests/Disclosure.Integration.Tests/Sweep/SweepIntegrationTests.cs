using System.Text.Json;
using Disclosure.Core.Contract;
using Disclosure.Integration.Tests.Infrastructure;
using Disclosure.Pipeline.Alerts;
using Disclosure.Sweep;
using Disclosure.Testing.Sweep;

namespace Disclosure.Integration.Tests.Sweep;

/// <summary>
/// The annual sweep end to end on Azurite and the Cosmos emulator: a generated registry of more than 300 agencies with two
/// years of results holding planted cases; the sweep must find exactly those.
/// </summary>
[Collection(EmulatorFixture.Collection)]
public sealed class SweepIntegrationTests(EmulatorFixture emulators)
{
    private const int Agencies = 320;

    [Fact]
    public async Task Sweep_finds_exactly_the_planted_cases_and_is_idempotent()
    {
        await using var listener = await HttpsEventListener.StartAsync();
        await using var h = new SweepHarness(emulators, "sweep-planted", listener.TopicSettings());
        var scenario = SweepScenario.Generate(Agencies);
        Assert.True(scenario.Registry.Count >= 300);
        await h.SeedAsync(scenario);

        var first = await h.Runner.RunAsync(scenario.Year);
        Assert.Equal(SweepRunStatus.Completed, first.Status);
        var summary = first.Outcome!.Summary;
        foreach (var code in SweepCalculator.SweepCodes)
        {
            Assert.NotEmpty(scenario.Planted[code]);
            Assert.Equal(scenario.Planted[code], summary.Flagged[code]);
        }

        Assert.Equal(scenario.PlantedUnmatched, summary.Unmatched.Select(u => u.BlobName).ToList());
        Assert.Equal(scenario.Registry.Count, summary.Overall.Expected);
        Assert.Equal(scenario.ThisYear.Count, summary.ReportsThisYear);
        Assert.Equal(scenario.LastYear.Count, summary.ReportsLastYear);

        // The stored summary is the computed one.
        var stored = await h.Sweeps.GetAsync(scenario.Year);
        Assert.NotNull(stored);
        Assert.Equal(JsonSerializer.Serialize(summary, ResultJson.Options), JsonSerializer.Serialize(stored!.Summary, ResultJson.Options));
        Assert.Equal(3, stored.Outputs.Count);

        // HTML, CSV and JSON are in the output container.
        var names = new List<string>();
        await foreach (var blob in h.Output.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        Assert.Equal([$"{scenario.Year}/sweep-{scenario.Year}.csv", $"{scenario.Year}/sweep-{scenario.Year}.html", $"{scenario.Year}/sweep-{scenario.Year}.json"], names.Order(StringComparer.Ordinal));
        var html = (await h.Output.GetBlobClient($"{scenario.Year}/sweep-{scenario.Year}.html").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains($"data-kpi=\"missing\" data-value=\"{scenario.Planted[FindingCodes.MissingReport].Count}\"", html, StringComparison.Ordinal);
        var csv = (await h.Output.GetBlobClient($"{scenario.Year}/sweep-{scenario.Year}.csv").DownloadContentAsync()).Value.Content.ToString();
        Assert.Equal(scenario.Registry.Count + 1, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        // One alert per flagged agency and code, plus the summary; each stored and published once.
        var expectedAlerts = SweepCalculator.SweepCodes.Sum(c => scenario.Planted[c].Count) + 1;
        Assert.Equal(expectedAlerts, first.AlertsRaised);
        var alerts = await h.Alerts.ListAsync([scenario.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)], null, CancellationToken.None);
        Assert.Equal(expectedAlerts, alerts.Count(a => a.Id.StartsWith($"sweep-{scenario.Year}-", StringComparison.Ordinal)));
        Assert.Contains(alerts, a => a.Id == $"sweep-{scenario.Year}-summary" && a.EventType == AlertEventTypes.SweepCompleted);
        var missingId = scenario.Planted[FindingCodes.MissingReport][0];
        var missingAlert = Assert.Single(alerts, a => a.Id == $"sweep-{scenario.Year}-MISSING_REPORT-{missingId}");
        Assert.Equal(AlertEventTypes.SweepAgencyFlagged, missingAlert.EventType);
        Assert.True(missingAlert.Published);
        Assert.Equal(expectedAlerts, listener.Received.Sum(r => r.Body.AsArray().Count));

        // Again: the summary is replaced, no alert is raised or published twice.
        var second = await h.Runner.RunAsync(scenario.Year);
        Assert.Equal(SweepRunStatus.Completed, second.Status);
        Assert.Equal(0, second.AlertsRaised);
        Assert.Equal(expectedAlerts, listener.Received.Sum(r => r.Body.AsArray().Count));
        var alertsAgain = await h.Alerts.ListAsync([scenario.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)], null, CancellationToken.None);
        Assert.Equal(alerts.Count, alertsAgain.Count);
        Assert.Equal(JsonSerializer.Serialize(summary, ResultJson.Options), JsonSerializer.Serialize(second.Outcome!.Summary, ResultJson.Options));
        var replaced = await h.Sweeps.GetAsync(scenario.Year);
        Assert.True(replaced!.RanAt >= stored.RanAt);
    }

    [Fact]
    public async Task A_report_arriving_after_a_sweep_resolves_its_missing_alert_and_announces_that_once()
    {
        await using var listener = await HttpsEventListener.StartAsync();
        await using var h = new SweepHarness(emulators, "sweep-resolve", listener.TopicSettings());
        var scenario = SweepScenario.Generate(60);
        await h.SeedAsync(scenario);
        var pk = scenario.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(SweepRunStatus.Completed, (await h.Runner.RunAsync(scenario.Year)).Status);
        var missingId = scenario.Planted[FindingCodes.MissingReport][0];
        var missingAlertId = SweepAlerts.AgencyAlertId(scenario.Year, FindingCodes.MissingReport, missingId);
        Assert.Equal(AlertStatuses.Open, (await h.Alerts.GetAsync(missingAlertId, pk, CancellationToken.None))!.Status);

        // The missing agency's report is published late, after the first sweep.
        var agency = scenario.Registry.Single(a => a.Id == missingId);
        var template = scenario.ThisYear.First(r => r.Status != ResultStatus.Failed && r.Agency is not null);
        var late = template with
        {
            Id = "late-" + missingId,
            BlobName = $"late/{missingId}.pdf",
            Agency = agency.Name,
            PublishedAt = new DateTimeOffset(scenario.Year + 1, 4, 20, 10, 0, 0, DeadlinePolicy.ChinaOffset),
        };
        var doc = SweepScenarioSeeder.ToResultDocument(late, scenario.Year);
        await h.Cosmos.Container(Disclosure.Pipeline.Cosmos.CosmosContainers.Results)
            .UpsertItemAsync(doc, new Microsoft.Azure.Cosmos.PartitionKey(pk));

        var second = await h.Runner.RunAsync(scenario.Year);

        Assert.Equal(1, second.AlertsResolved);
        var resolved = (await h.Alerts.GetAsync(missingAlertId, pk, CancellationToken.None))!;
        Assert.Equal(AlertStatuses.Resolved, resolved.Status);
        Assert.NotNull(resolved.ResolvedAt);
        Assert.NotNull(await h.Alerts.GetAsync(SweepAlerts.AgencyAlertId(scenario.Year, FindingCodes.LateReport, missingId), pk, CancellationToken.None));
        var events = listener.Received.SelectMany(r => r.Body.AsArray()).ToList();
        var cleared = Assert.Single(events, e => (string?)e!["type"] == AlertEventTypes.SweepAgencyCleared);
        Assert.Equal(missingAlertId + "-resolved", (string?)cleared!["id"]);

        // Nothing changes: nothing is resolved or announced again.
        var third = await h.Runner.RunAsync(scenario.Year);
        Assert.Equal((0, 0), (third.AlertsResolved, third.AlertsRaised));
        Assert.Equal(events.Count, listener.Received.Sum(r => r.Body.AsArray().Count));
    }

    [Fact]
    public async Task Only_one_sweep_runs_at_a_time()
    {
        await using var h = new SweepHarness(emulators, "sweep-lock");
        var scenario = SweepScenario.Generate(40);
        await h.SeedAsync(scenario);

        await using (var held = await h.Lock.TryAcquireAsync())
        {
            Assert.NotNull(held);
            Assert.Null(await h.Lock.TryAcquireAsync());
            var busy = await h.Runner.RunAsync(scenario.Year);
            Assert.Equal(SweepRunStatus.Busy, busy.Status);
            Assert.Null(await h.Sweeps.GetAsync(scenario.Year));
        }

        var ran = await h.Runner.RunAsync(scenario.Year);
        Assert.Equal(SweepRunStatus.Completed, ran.Status);
        Assert.NotNull(await h.Sweeps.GetAsync(scenario.Year));
    }

    [Fact]
    public async Task Registry_import_replaces_the_year_and_a_year_without_registry_is_reported()
    {
        await using var h = new SweepHarness(emulators, "sweep-registry");
        var first = RegistryParser.Parse("id,name,aliases,region,level,parent\na,甲区人民政府,甲区政府,江苏省某市,government,\nb,甲区教育局,,江苏省某市,department,a\nc,甲区公安局,,江苏省某市,department,a\n", "r.csv");
        Assert.True(first.Ok);
        Assert.Equal(new RegistryReplaceResult(3, 0), await h.Registry.ReplaceAsync(2024, first.Agencies));

        var second = RegistryParser.Parse("""[{"id":"a","name":"甲区人民政府","aliases":["甲区政府"],"region":"江苏省某市","level":"government"},{"id":"b","name":"甲区教育局","region":"江苏省某市","level":"department","parent":"a"}]""", "r.json");
        Assert.Equal(new RegistryReplaceResult(2, 1), await h.Registry.ReplaceAsync(2024, second.Agencies));
        var loaded = await h.Registry.LoadAsync(2024);
        Assert.Equal(["a", "b"], loaded.Select(a => a.Id));
        Assert.Equal(["甲区政府"], loaded[0].Aliases);
        Assert.Equal(AgencyLevel.Government, loaded[0].Level);
        Assert.Empty(await h.Registry.LoadAsync(2023));

        var none = await h.Runner.RunAsync(2023);
        Assert.Equal(SweepRunStatus.NoRegistry, none.Status);
    }
}
