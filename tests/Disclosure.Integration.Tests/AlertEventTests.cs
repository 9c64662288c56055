using System.Text.Json.Nodes;
using Disclosure.Integration.Tests.Infrastructure;
using Disclosure.Pipeline.Alerts;
using Disclosure.Pipeline.Processing;

namespace Disclosure.Integration.Tests;

/// <summary>Alerts leave as CloudEvents 1.0 through EventGridPublisherClient, here to a local HTTPS listener.</summary>
[Collection(EmulatorFixture.Collection)]
public sealed class AlertEventTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task A_failed_report_publishes_one_cloud_event_with_the_documented_schema()
    {
        await using var listener = await HttpsEventListener.StartAsync();
        await using var h = new PipelineHarness(emulators, "events", listener.TopicSettings());
        await h.InitializeAsync();
        await h.Container.UploadBlobAsync("empty.txt", BinaryData.FromBytes([]));

        var outcome = await h.Processor.ProcessAsync("empty.txt", CancellationToken.None);
        Assert.Equal(ProcessingKind.Failed, outcome.Kind);
        var again = await h.Processor.ProcessAsync("empty.txt", CancellationToken.None);
        Assert.Equal(ProcessingKind.AlreadyProcessed, again.Kind);

        var (headers, contentType, body) = Assert.Single(listener.Received);
        Assert.Equal("local-test-key", headers["aeg-sas-key"]);
        Assert.StartsWith("application/cloudevents-batch+json", contentType, StringComparison.Ordinal);
        var ce = Assert.Single(body.AsArray())!.AsObject();
        Assert.Equal("1.0", (string?)ce["specversion"]);
        Assert.Equal(AlertEventTypes.ReportFailed, (string?)ce["type"]);
        Assert.Equal("/disclosure/reports", (string?)ce["source"]);
        Assert.Equal(outcome.AlertId, (string?)ce["id"]);
        Assert.Equal("reports/empty.txt", (string?)ce["subject"]);
        Assert.Equal("application/json", (string?)ce["datacontenttype"]);
        Assert.NotNull(ce["time"]);

        var data = ce["data"]!.AsObject();
        foreach (var field in new[] { "id", "pk", "type", "eventType", "status", "severity", "code", "title", "message", "blobName", "resultId", "findings", "createdAt" })
        {
            Assert.True(data.ContainsKey(field), $"data.{field} missing: {data.ToJsonString()}");
        }

        Assert.Equal("EMPTY_FILE", (string?)data["code"]);
        Assert.Equal("error", (string?)data["severity"]);
        Assert.Equal("open", (string?)data["status"]);
        Assert.Equal("unknown", (string?)data["pk"]);

        // Stored once, marked published, and acknowledgeable.
        var stored = await h.Alerts.GetAsync(outcome.AlertId!, "unknown", CancellationToken.None);
        Assert.True(stored!.Published);
        Assert.True(await h.Alerts.AcknowledgeAsync(outcome.AlertId!, DateTimeOffset.UtcNow, CancellationToken.None));
        Assert.Equal(AlertStatuses.Acknowledged, (await h.Alerts.GetAsync(outcome.AlertId!, "unknown", CancellationToken.None))!.Status);
        Assert.Empty(await h.Alerts.ListAsync(["unknown"], AlertStatuses.Open, CancellationToken.None));
    }
}
