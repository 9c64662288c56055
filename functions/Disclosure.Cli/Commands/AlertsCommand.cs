using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Disclosure.Pipeline.Hosting;
using Disclosure.Cli.Output;
using Disclosure.Core.Contract;
using Disclosure.Pipeline.Alerts;
using Disclosure.Pipeline.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Disclosure.Cli.Commands;

/// <summary>`disclosure alerts` (open alerts from Cosmos) and `disclosure alerts ack &lt;id&gt;`.</summary>
public static class AlertsCommand
{
    public static Command Create()
    {
        var year = new Option<int?>("--year") { Description = "Only this year's alerts" };
        var all = new Option<bool>("--all") { Description = "Include acknowledged and resolved alerts" };
        var json = new Option<bool>("--json") { Description = "Print the alert documents as JSON" };
        var command = new Command("alerts", "List open alerts stored in Cosmos DB (report failures, findings, sweep)") { year, all, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = LocalHost.BuildServices(LocalHost.Configuration());
            // Local bootstrap: the emulator keeps nothing across restarts, so an empty database is created rather than reported as an error.
            await services.GetRequiredService<CosmosBootstrap>().EnsureCreatedLocallyAsync(ct);
            var store = services.GetRequiredService<IAlertStore>();
            var partitions = parse.GetValue(year) is { } y ? [y.ToString(CultureInfo.InvariantCulture)] : (await services.GetRequiredService<IResultStore>().YearsAsync(services.GetRequiredService<TimeProvider>().GetUtcNow(), ct)).ToArray();
            var alerts = (await store.ListAsync(partitions, parse.GetValue(all) ? null : AlertStatuses.Open, ct))
                .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(alerts, ResultJson.Indented));
                return 0;
            }

            var table = new Table().Title($"Alerts ({alerts.Count})").AddColumns("Id", "Status", "Severity", "Type", "Code", "Message", "Created (UTC)");
            foreach (var a in alerts)
            {
                var color = a.Severity == Severity.Error ? "red" : a.Severity == Severity.Warning ? "yellow" : "grey";
                table.AddRow(TerminalText.Markup(a.Id), TerminalText.Markup(a.Status), $"[{color}]{a.Severity.ToString().ToLowerInvariant()}[/]",
                    TerminalText.Markup(a.EventType), TerminalText.Markup(a.Code), TerminalText.Markup(a.Message),
                    a.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            // Links on their own lines, whole, so a terminal can open them (a table cell would wrap a SAS URL).
            foreach (var a in alerts.Where(a => a.ReviewUrl is not null))
            {
                Console.WriteLine($"审阅页 review page {a.Id}: {a.ReviewUrl}");
            }

            return 0;
        });

        var id = new Argument<string>("id") { Description = "Alert id (as listed)" };
        var ack = new Command("ack", "Acknowledge an alert") { id };
        ack.SetAction(async (parse, ct) =>
        {
            await using var services = LocalHost.BuildServices(LocalHost.Configuration());
            // Local bootstrap: the emulator keeps nothing across restarts, so an empty database is created rather than reported as an error.
            await services.GetRequiredService<CosmosBootstrap>().EnsureCreatedLocallyAsync(ct);
            var store = services.GetRequiredService<IAlertStore>();
            var alertId = parse.GetValue(id)!;
            if (!await store.AcknowledgeAsync(alertId, services.GetRequiredService<TimeProvider>().GetUtcNow(), ct))
            {
                Console.Error.WriteLine($"alerts ack: no alert with id {alertId}");
                return 1;
            }

            Console.WriteLine($"acknowledged {alertId}");
            return 0;
        });
        command.Subcommands.Add(ack);
        return command;
    }
}
