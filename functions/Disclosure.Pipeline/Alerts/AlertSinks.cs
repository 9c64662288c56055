using Microsoft.Extensions.Logging;

namespace Disclosure.Pipeline.Alerts;

/// <summary>Where alerts go: stored once (deterministic id) and published once. Used by report processing and the sweep.</summary>
public interface IAlertSink
{
    /// <summary>Stores the alert unless it exists, and publishes it unless already published. Safe to call again.</summary>
    Task<AlertRaise> RaiseAsync(AlertDocument alert, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a stored alert resolved and announces that (a CloudEvent Disclosure.Sweep.AgencyCleared, id "{id}-resolved").
    /// False when it was already resolved or is gone.
    /// </summary>
    Task<bool> ResolveAsync(AlertDocument alert, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Resolves the stored alert with this id as <see cref="ResolveAsync"/> does; false when there is none or it was resolved.</summary>
    Task<bool> ResolveByIdAsync(string id, string pk, DateTimeOffset at, CancellationToken cancellationToken) => Task.FromResult(false);
}

/// <summary>Publishes an alert as an event (Event Grid CloudEvent, webhook, or nothing).</summary>
public interface IAlertPublisher
{
    /// <summary>False when no target is configured: alerts are then only stored.</summary>
    bool HasTargets => true;

    Task PublishAsync(AlertDocument alert, CancellationToken cancellationToken);
}

/// <summary>Result of raising: whether the alert was new and whether an event went out during this call.</summary>
public sealed record AlertRaise(string Id, bool Created, bool PublishedNow);

/// <summary>Alert storage port.</summary>
public interface IAlertStore
{
    /// <summary>Creates the alert; false when one with this id already exists (left unchanged).</summary>
    Task<bool> TryCreateAsync(AlertDocument alert, CancellationToken cancellationToken);

    Task<AlertDocument?> GetAsync(string id, string pk, CancellationToken cancellationToken);

    Task MarkPublishedAsync(string id, string pk, CancellationToken cancellationToken);

    /// <summary>Acknowledges an alert; false when not found.</summary>
    Task<bool> AcknowledgeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Marks an alert resolved; false when not found.</summary>
    Task<bool> ResolveAsync(string id, string pk, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Replaces a resolved alert with this one (its cause is back), open and unpublished so that it is announced again.</summary>
    Task ReopenAsync(AlertDocument alert, CancellationToken cancellationToken);

    /// <summary>Alerts of the given year partitions (all when <paramref name="status"/> is null).</summary>
    Task<IReadOnlyList<AlertDocument>> ListAsync(IEnumerable<string> partitions, string? status, CancellationToken cancellationToken);
}

public sealed partial class AlertSink(IAlertStore store, IAlertPublisher publisher, ILogger<AlertSink> logger) : IAlertSink
{
    public async Task<AlertRaise> RaiseAsync(AlertDocument alert, CancellationToken cancellationToken)
    {
        // Nothing to publish: store it as published so a later configured topic does not replay old alerts.
        var toStore = publisher.HasTargets ? alert : alert with { Published = true };
        var created = await store.TryCreateAsync(toStore, cancellationToken).ConfigureAwait(false);
        var stored = created ? toStore : await store.GetAsync(alert.Id, alert.Pk, cancellationToken).ConfigureAwait(false) ?? toStore;
        if (!created && stored.Status == AlertStatuses.Resolved)
        {
            // The cause is back after it had gone (a sweep finds the same problem again): raised anew.
            stored = toStore with { Status = AlertStatuses.Open, ResolvedAt = null };
            await store.ReopenAsync(stored, cancellationToken).ConfigureAwait(false);
            created = true;
        }

        if (stored.Published || !publisher.HasTargets)
        {
            return new AlertRaise(alert.Id, created, false);
        }

        // Publish before marking: a crash in between publishes again (at least once; the event id is the alert id).
        await publisher.PublishAsync(stored, cancellationToken).ConfigureAwait(false);
        await store.MarkPublishedAsync(alert.Id, alert.Pk, cancellationToken).ConfigureAwait(false);
        LogRaised(logger, alert.Id, alert.EventType, alert.Message);
        return new AlertRaise(alert.Id, created, true);
    }

    public async Task<bool> ResolveAsync(AlertDocument alert, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (alert.Status == AlertStatuses.Resolved)
        {
            return false;
        }

        // Announce before storing: a crash in between announces again on the next sweep (consumers dedupe on the event id).
        var resolved = alert with { Status = AlertStatuses.Resolved, ResolvedAt = at };
        if (publisher.HasTargets)
        {
            await publisher.PublishAsync(resolved, cancellationToken).ConfigureAwait(false);
        }

        var done = await store.ResolveAsync(alert.Id, alert.Pk, at, cancellationToken).ConfigureAwait(false);
        if (done)
        {
            LogResolved(logger, alert.Id, alert.Title);
        }

        return done;
    }

    public async Task<bool> ResolveByIdAsync(string id, string pk, DateTimeOffset at, CancellationToken cancellationToken) =>
        await store.GetAsync(id, pk, cancellationToken).ConfigureAwait(false) is { } alert
        && await ResolveAsync(alert, at, cancellationToken).ConfigureAwait(false);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} resolved: {Title}")]
    private static partial void LogResolved(ILogger logger, string alertId, string title);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} ({EventType}): {Text}")]
    private static partial void LogRaised(ILogger logger, string alertId, string eventType, string text);
}
