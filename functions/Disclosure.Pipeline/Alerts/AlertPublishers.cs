using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core.Pipeline;
using Azure.Identity;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using Disclosure.Core.Contract;
using Disclosure.Pipeline.Configuration;

namespace Disclosure.Pipeline.Alerts;

/// <summary>
/// Builds the CloudEvent 1.0 for an alert: id = alert id (consumers dedupe on it), data = the alert document. A resolved
/// sweep alert goes out once more as Disclosure.Sweep.AgencyCleared (a report alert as Disclosure.Report.Superseded), with id
/// "{alert id}-resolved".
/// </summary>
public static class AlertEvents
{
    public static CloudEvent ToCloudEvent(AlertDocument alert)
    {
        var resolved = alert.Status == AlertStatuses.Resolved;
        var type = !resolved ? alert.EventType
            : alert.EventType.StartsWith("Disclosure.Report.", StringComparison.Ordinal) ? AlertEventTypes.ReportSuperseded
            : AlertEventTypes.SweepAgencyCleared;
        return new(AlertEventTypes.SourceFor(type), type, BinaryData.FromObjectAsJson(alert, ResultJson.Options), "application/json", CloudEventDataFormat.Json)
        {
            Id = resolved ? alert.Id + "-resolved" : alert.Id,
            Subject = alert.BlobName is { } b ? "reports/" + b : $"alerts/{alert.Pk}/{alert.Id}",
            Time = resolved ? alert.ResolvedAt ?? alert.CreatedAt : alert.CreatedAt,
        };
    }
}

/// <summary>Publishes through Event Grid (topic key or managed identity).</summary>
public sealed class EventGridAlertPublisher(EventGridPublisherClient client) : IAlertPublisher
{
    public async Task PublishAsync(AlertDocument alert, CancellationToken cancellationToken) =>
        await client.SendEventAsync(AlertEvents.ToCloudEvent(alert), cancellationToken).ConfigureAwait(false);

    public static EventGridPublisherClient CreateClient(AlertOptions options)
    {
        var endpoint = options.TopicEndpoint ?? throw new InvalidOperationException($"{SettingNames.AlertsTopicEndpoint} is not set");
        var clientOptions = new EventGridPublisherClientOptions();
        if (SettingsReader.IsLoopback(endpoint))
        {
            // A local listener (tests, development) with a self-signed certificate; never used for Azure endpoints.
            clientOptions.Transport = new HttpClientTransport(LocalHttp.CreateHandler());
        }

        if (options.TopicKey is { } key)
        {
            return new EventGridPublisherClient(endpoint, new AzureKeyCredential(key), clientOptions);
        }

        var credential = options.ManagedIdentityClientId is { } id
            ? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = id })
            : new DefaultAzureCredential();
        return new EventGridPublisherClient(endpoint, credential, clientOptions);
    }
}

/// <summary>Posts the CloudEvent in structured JSON mode to a plain webhook.</summary>
public sealed class WebhookAlertPublisher(HttpClient http, Uri url) : IAlertPublisher
{
    public async Task PublishAsync(AlertDocument alert, CancellationToken cancellationToken)
    {
        var ce = AlertEvents.ToCloudEvent(alert);
        var body = new Dictionary<string, object?>
        {
            ["specversion"] = "1.0",
            ["id"] = ce.Id,
            ["source"] = ce.Source,
            ["type"] = ce.Type,
            ["subject"] = ce.Subject,
            ["time"] = ce.Time,
            ["datacontenttype"] = "application/json",
            ["data"] = alert,
        };
        using var content = new StringContent(JsonSerializer.Serialize(body, ResultJson.Options), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/cloudevents+json") { CharSet = "utf-8" };
        using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>Sends to every configured target; with none, alerts are only stored.</summary>
public sealed class CompositeAlertPublisher(IReadOnlyList<IAlertPublisher> targets) : IAlertPublisher
{
    public bool HasTargets => targets.Count > 0;

    public async Task PublishAsync(AlertDocument alert, CancellationToken cancellationToken)
    {
        foreach (var target in targets)
        {
            await target.PublishAsync(alert, cancellationToken).ConfigureAwait(false);
        }
    }
}

internal static class LocalHttp
{
    public static HttpMessageHandler CreateHandler() => new SocketsHttpHandler
    {
#pragma warning disable CA5359 // Only for loopback endpoints (checked by callers).
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
#pragma warning restore CA5359
    };
}
