using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Disclosure.Pipeline.Hosting;
using Disclosure.Pipeline.Cosmos;
using Disclosure.Pipeline.Sweep;
using Disclosure.Sweep;
using Disclosure.Testing.Sweep;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Disclosure.Benchmarks;

/// <summary>
/// The sweep over the synthetic scenario (test data: never in the shipped CLI or Functions app).
/// `sweep --reports N`: time the sweep over N reports per year. Seeds a throw-away database on the running emulators with
/// a synthetic registry and two years of results (not timed), then times the full sweep (query both years, compute,
/// render, store, alerts); `--pure` times only the in-memory computation and rendering.
/// `sweep-registry --agencies N --out FILE`: writes the scenario's registry as CSV (for `disclosure registry import`).
/// </summary>
public static class SweepBench
{
    /// <summary>Runs `sweep` or `sweep-registry`; null when <paramref name="args"/> name neither (BenchmarkDotNet's turn).</summary>
    public static async Task<int?> RunAsync(string[] args)
    {
        if (args is not ["sweep" or "sweep-registry" or "sweep-ocr-names", ..])
        {
            return null;
        }

        Console.OutputEncoding = System.Text.Encoding.UTF8;
        var root = new RootCommand("Sweep benchmark and sample data") { Bench(), Registry(), OcrNameBench.Create() };
        return await root.Parse(args).InvokeAsync();
    }

    private static Command Registry()
    {
        var count = new Option<int>("--agencies") { Description = "Approximate number of agencies", DefaultValueFactory = _ => 320 };
        var output = new Option<FileInfo>("--out") { Description = "CSV file to write", Required = true };
        var command = new Command("sweep-registry", "Write the synthetic registry (the one the sweep tests and benchmark use) as CSV") { count, output };
        command.SetAction(async (parse, ct) =>
        {
            var scenario = SweepScenario.Generate(parse.GetValue(count));
            await File.WriteAllTextAsync(parse.GetValue(output)!.FullName, RegistryParser.ToCsv(scenario.Registry), ct);
            Console.WriteLine($"{scenario.Registry.Count} agencies written");
            return 0;
        });
        return command;
    }

    private static Command Bench()
    {
        var reports = new Option<int>("--reports") { Description = "Reports (≈ agencies) per year", DefaultValueFactory = _ => 10_000 };
        var pure = new Option<bool>("--pure") { Description = "Only the in-memory computation and rendering (no emulators)" };
        var command = new Command("sweep", "Measure the annual sweep over N reports per year") { reports, pure };
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(reports);
            var generate = Stopwatch.StartNew();
            var scenario = SweepScenario.Generate(n);
            generate.Stop();
            var planted = SweepCalculator.SweepCodes.Sum(c => scenario.Planted[c].Count);
            AnsiConsole.WriteLine($"scenario: {scenario.Registry.Count} agencies, {scenario.ThisYear.Count} reports for {scenario.Year}, {scenario.LastYear.Count} for {scenario.Year - 1}, {planted} planted findings ({generate.Elapsed.TotalSeconds:0.0} s)");

            var compute = Stopwatch.StartNew();
            var outcome = SweepCalculator.Compute(new SweepInput(scenario.Year, scenario.Registry, scenario.ThisYear, scenario.LastYear, DeadlinePolicy.Default));
            compute.Stop();
            var render = Stopwatch.StartNew();
            var html = SweepHtmlRenderer.Render(outcome, TimeProvider.System.GetUtcNow());
            var csv = SweepCsv.Write(outcome);
            render.Stop();
            var exact = Exact(scenario, outcome);
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pure: compute {compute.Elapsed.TotalSeconds:0.000} s, render HTML ({html.Length / 1024} KiB) + CSV ({csv.Length / 1024} KiB) {render.Elapsed.TotalSeconds:0.000} s; planted cases found exactly: {exact}"));
            var clusterTime = Stopwatch.StartNew();
            var clusters = TextClusters.Find(outcome.Agencies.Where(a => a.Report is not null).Select(a => (a.Agency, a.Report!)));
            clusterTime.Stop();
            var clustered = clusters.SelectMany(c => c.Agencies.Select(a => a.AgencyId)).Order(StringComparer.Ordinal).ToList();
            var clustersExact = clustered.SequenceEqual(scenario.PlantedTextClusters);
            exact &= clustersExact;
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"text clusters (part of compute): {clusters.Count} clusters, {clustered.Count} agencies (planted {scenario.PlantedTextClusters.Count}, exact: {clustersExact}), alone {clusterTime.Elapsed.TotalSeconds:0.000} s; " +
                $"managed heap after compute {GC.GetTotalMemory(forceFullCollection: true) / (1024 * 1024)} MiB, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB"));
            if (parse.GetValue(pure))
            {
                return exact ? 0 : 1;
            }

            var run = "bench-sweep-" + Guid.NewGuid().ToString("N")[..8];
            await using var services = Services(new Dictionary<string, string?>
            {
                ["Cosmos:Database"] = run,
                ["Sweep:Schedule"] = "off",
                ["Sweep:OutputContainer"] = run,
                ["Sweep:LockContainer"] = run + "-lock",
            });
            var seed = Stopwatch.StartNew();
            await SweepScenarioSeeder.SeedAsync(services.GetRequiredService<IResultStore>(), services.GetRequiredService<IRegistryStore>(), scenario, ct);
            seed.Stop();
            AnsiConsole.WriteLine($"seeded {scenario.ThisYear.Count + scenario.LastYear.Count} result documents and the registry into database {run} in {seed.Elapsed.TotalSeconds:0.0} s (not part of the sweep time)");

            var result = await services.GetRequiredService<SweepRunner>().RunAsync(scenario.Year, ct);
            if (result.Status != SweepRunStatus.Completed)
            {
                Console.Error.WriteLine($"bench-sweep: sweep {result.Status}");
                return 1;
            }

            var t = result.Timings!;
            exact = Exact(scenario, result.Outcome!);
            var table = new Table().AddColumns("stage", "seconds");
            table.AddRow("load registry + 2 years of results (Cosmos)", S(t.Load));
            table.AddRow("compute", S(t.Compute));
            table.AddRow("render HTML/CSV/JSON", S(t.Render));
            table.AddRow("write outputs (Blob) + summary (Cosmos)", S(t.Store));
            table.AddRow($"alerts ({result.AlertsTotal})", S(t.Alerts));
            table.AddRow("[bold]sweep total[/]", S(result.Elapsed.TotalSeconds));
            AnsiConsole.Write(table);
            AnsiConsole.WriteLine($"reports {scenario.ThisYear.Count} (+{scenario.LastYear.Count} of {scenario.Year - 1}); planted cases found exactly: {exact}; database {run} left on the emulator");
            return exact ? 0 : 1;
        });
        return command;
    }

    /// <summary>The local host's composition (emulators from local settings) with the sweep, no schedule; errors only.</summary>
    private static ServiceProvider Services(IDictionary<string, string?> settings)
    {
        var configuration = LocalHost.Configuration(settings);
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Error));
        services.AddLocalPipeline(configuration);
        services.AddDisclosureSweep(configuration);
        return services.BuildServiceProvider();
    }

    private static bool Exact(SweepScenario scenario, SweepOutcome outcome) =>
        SweepCalculator.SweepCodes.All(c => scenario.Planted[c].SequenceEqual(outcome.Summary.Flagged[c]))
        && scenario.PlantedUnmatched.SequenceEqual(outcome.Summary.Unmatched.Select(u => u.BlobName));

    private static string S(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);
}
