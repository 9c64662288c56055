using System.Net;
using System.Text.Json;
using Disclosure.Core.Contract;
using Disclosure.Pipeline.Alerts;

namespace Disclosure.Tests.Alerts;

/// <summary>The webhook target: one structured-mode CloudEvent per alert; a refusal is an exception so the alert is retried.</summary>
public sealed class WebhookAlertPublisherTests
{
    private static readonly AlertDocument Alert = new()
    {
        Id = "a1b2c3",
        Pk = "2024",
        EventType = AlertEventTypes.ReportFailed,
        Severity = Severity.Error,
        Code = "CORRUPT",
        Title = "报告无法读取",
        Message = "PDF 已损坏",
        BlobName = "2024/某局.pdf",
        Year = 2024,
        CreatedAt = new DateTimeOffset(2026, 11, 23, 1, 2, 3, TimeSpan.Zero),
    };

    private sealed class Capture(HttpStatusCode status) : HttpMessageHandler
    {
        public List<(HttpRequestMessage Request, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request, await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(status);
        }
    }

    [Fact]
    public async Task One_structured_cloud_event_is_posted_with_the_alert_as_data()
    {
        var capture = new Capture(HttpStatusCode.OK);
        var url = new Uri("https://hooks.example.test/disclosure");

        await new WebhookAlertPublisher(new HttpClient(capture), url).PublishAsync(Alert, CancellationToken.None);

        var (request, body) = Assert.Single(capture.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(url, request.RequestUri);
        Assert.Equal("application/cloudevents+json", request.Content!.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal("1.0", root.GetProperty("specversion").GetString());
        Assert.Equal("a1b2c3", root.GetProperty("id").GetString());
        Assert.Equal(AlertEventTypes.ReportFailed, root.GetProperty("type").GetString());
        Assert.Equal("reports/2024/某局.pdf", root.GetProperty("subject").GetString());
        Assert.Equal("CORRUPT", root.GetProperty("data").GetProperty("code").GetString());
        Assert.Equal(DateTimeOffset.Parse("2026-11-23T01:02:03Z", System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("time").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_refused_delivery_throws_so_the_alert_stays_unpublished()
    {
        var publisher = new WebhookAlertPublisher(new HttpClient(new Capture(HttpStatusCode.ServiceUnavailable)), new Uri("https://hooks.example.test/x"));

        await Assert.ThrowsAsync<HttpRequestException>(() => publisher.PublishAsync(Alert, CancellationToken.None));
    }

    [Fact]
    public void A_resolved_sweep_alert_is_announced_as_cleared_under_its_own_event_id()
    {
        var at = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var resolved = Alert with { EventType = AlertEventTypes.SweepAgencyFlagged, Status = AlertStatuses.Resolved, ResolvedAt = at };

        var ce = AlertEvents.ToCloudEvent(resolved);

        Assert.Equal(AlertEventTypes.SweepAgencyCleared, ce.Type);
        Assert.Equal("a1b2c3-resolved", ce.Id);
        Assert.Equal("/disclosure/sweep", ce.Source);
        Assert.Equal(at, ce.Time);
        Assert.Equal("a1b2c3", AlertEvents.ToCloudEvent(Alert).Id);
    }
}
