using Disclosure.Core.Contract;

namespace Disclosure.Pipeline.Alerts;

/// <summary>
/// An alert as stored in the `alerts` container and sent as the data of a CloudEvent. Report alerts and sweep alerts
/// share this shape; ids are deterministic so the same cause never yields two alerts.
/// </summary>
public sealed record AlertDocument
{
    public required string Id { get; init; }

    /// <summary>Year as a string, or "unknown".</summary>
    public required string Pk { get; init; }

    public string Type { get; init; } = "alert";

    /// <summary>CloudEvent type, e.g. Disclosure.Report.Failed (see <see cref="AlertEventTypes"/>).</summary>
    public required string EventType { get; init; }

    /// <summary>open | acknowledged | resolved.</summary>
    public string Status { get; init; } = AlertStatuses.Open;

    public required Severity Severity { get; init; }

    /// <summary>Failure code (e.g. CORRUPT) or FINDINGS, or a sweep code.</summary>
    public required string Code { get; init; }

    public required string Title { get; init; }

    /// <summary>For people, in Chinese.</summary>
    public required string Message { get; init; }

    public string? BlobName { get; init; }

    public string? ResultId { get; init; }

    public string? Agency { get; init; }

    public int? Year { get; init; }

    public IReadOnlyList<AlertFinding> Findings { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Link to the report's review page (the tables as read, problems marked): a read-only SAS URL valid for Review__LinkDays days.</summary>
    public string? ReviewUrl { get; init; }

    /// <summary>True once the event was handed to the configured publisher (so a retry publishes only what was not).</summary>
    public bool Published { get; init; }
}

public sealed record AlertFinding(string Code, Severity Severity, string Message, IReadOnlyList<string> Cells);

public static class AlertStatuses
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";

    /// <summary>The cause went away (a sweep no longer finds it: the late report arrived, the figures were corrected).</summary>
    public const string Resolved = "resolved";
}

public static class AlertEventTypes
{
    public const string ReportFailed = "Disclosure.Report.Failed";
    public const string ReportFindingsRaised = "Disclosure.Report.FindingsRaised";
    public const string SweepAgencyFlagged = "Disclosure.Sweep.AgencyFlagged";
    public const string SweepCompleted = "Disclosure.Sweep.Completed";
    public const string SweepAgencyCleared = "Disclosure.Sweep.AgencyCleared";

    /// <summary>A report alert resolved because the blob now holds other content (re-uploaded under the same name).</summary>
    public const string ReportSuperseded = "Disclosure.Report.Superseded";

    /// <summary>CloudEvent source for an event type: /disclosure/reports or /disclosure/sweep.</summary>
    public static string SourceFor(string eventType) =>
        eventType.StartsWith("Disclosure.Sweep.", StringComparison.Ordinal) ? "/disclosure/sweep" : "/disclosure/reports";
}
