using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Disclosure.Pipeline.Hosting;
using Disclosure.Cli.Output;
using Disclosure.Core.Contract;
using Disclosure.Pipeline.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Disclosure.Cli.Commands;

/// <summary>`disclosure results`: the stored results (Cosmos), as a table or JSON.</summary>
public static class ResultsCommand
{
    /// <summary>Pause between two reads while waiting for --expect results: the local host stores hundreds a second.</summary>
    private static readonly TimeSpan ExpectPollInterval = TimeSpan.FromMilliseconds(500);

    public static Command Create()
    {
        var year = new Option<int?>("--year") { Description = "Only this report year (one single-partition query)" };
        var json = new Option<bool>("--json") { Description = "Print the stored documents as JSON" };
        var expect = new Option<int?>("--expect") { Description = "Wait until at least this many results are stored" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait with --expect", DefaultValueFactory = _ => 120 };
        var command = new Command("results", "List report results stored in Cosmos DB") { year, json, expect, timeout };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = LocalHost.BuildServices(LocalHost.Configuration());
            // Local bootstrap: the emulator keeps nothing across restarts, so an empty database is created rather than reported as an error.
            await services.GetRequiredService<CosmosBootstrap>().EnsureCreatedLocallyAsync(ct);
            var store = services.GetRequiredService<IResultStore>();
            var time = services.GetRequiredService<TimeProvider>();
            var partitions = parse.GetValue(year) is { } y ? [y.ToString(CultureInfo.InvariantCulture)] : (await store.YearsAsync(time.GetUtcNow(), ct)).ToArray();
            var deadline = time.GetUtcNow().AddSeconds(parse.GetValue(timeout));
            List<JsonObject> results;
            while (true)
            {
                results = await LoadAsync(store, partitions, ct);
                if (parse.GetValue(expect) is not { } n || results.Count >= n)
                {
                    break;
                }

                if (time.GetUtcNow() > deadline)
                {
                    Console.Error.WriteLine($"results: {results.Count} of {n} expected results after {parse.GetValue(timeout)} s");
                    Print(results, parse.GetValue(json));
                    return 1;
                }

                await Task.Delay(ExpectPollInterval, time, ct);
            }

            Print(results, parse.GetValue(json));
            return 0;
        });
        return command;
    }

    private static async Task<List<JsonObject>> LoadAsync(IResultStore store, IEnumerable<string> partitions, CancellationToken ct)
    {
        var all = new List<JsonObject>();
        foreach (var pk in partitions)
        {
            all.AddRange(await store.ListAsync(pk, ct));
        }

        return all.OrderBy(r => (string?)r["blobName"], StringComparer.Ordinal).ToList();
    }

    private static void Print(List<JsonObject> results, bool json)
    {
        if (json)
        {
            foreach (var r in results)
            {
                foreach (var system in new[] { "_rid", "_self", "_etag", "_attachments", "_ts" })
                {
                    r.Remove(system);
                }
            }

            Console.WriteLine(new JsonArray([.. results]).ToJsonString(ResultJson.Indented));
            return;
        }

        var table = new Table().Title($"Results ({results.Count})")
            .AddColumns("Blob", "Agency", "Year", "Template", "Status", "Findings", "Error", "Processed (UTC)");
        foreach (var r in results)
        {
            var findings = r["findings"]?.AsArray() ?? [];
            var bySeverity = findings.GroupBy(f => (string?)f?["severity"] ?? "?").Select(g => $"{g.Count()} {g.Key}");
            var status = (string?)r["status"] ?? "?";
            var color = status switch { "passed" => "green", "findings" => "yellow", _ => "red" };
            table.AddRow(
                TerminalText.Markup((string?)r["blobName"] ?? ""),
                TerminalText.Markup((string?)r["report"]?["agency"] ?? "-"),
                TerminalText.Markup(r["report"]?["year"]?.ToString() ?? "-"),
                TerminalText.Markup((string?)r["report"]?["template"] ?? "-"),
                $"[{color}]{status}[/]",
                TerminalText.Markup(findings.Count == 0 ? "-" : string.Join(", ", bySeverity)),
                TerminalText.Markup((string?)r["errorCode"] ?? ""),
                TerminalText.Markup(((string?)r["processedAt"])?[..19].Replace('T', ' ') ?? ""));
        }

        AnsiConsole.Write(table);
    }
}
