using Disclosure.Core.Contract;

namespace Disclosure.Sweep;

/// <summary>Whether an agency reports as a department (deadline 31 January) or as a government (31 March).</summary>
public enum AgencyLevel
{
    Department,
    Government,
}

/// <summary>One agency expected to publish an annual report.</summary>
public sealed record Agency(string Id, string Name, IReadOnlyList<string> Aliases, string Region, AgencyLevel Level, string? Parent);

/// <summary>
/// What the sweep needs of one stored report (a projection of a `results` document): never the raw file.
/// </summary>
public sealed record StoredReportSummary
{
    public required string Id { get; init; }

    public required string BlobName { get; init; }

    /// <summary>The agency name read from the report (may be null when the report could not be read).</summary>
    public string? Agency { get; init; }

    public int? Year { get; init; }

    public string? Template { get; init; }

    public ResultStatus Status { get; init; } = ResultStatus.Passed;

    public IReadOnlyDictionary<string, decimal?> Cells { get; init; } = new Dictionary<string, decimal?>();

    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>SHA-256 of the report's content as stored (names its review page), when known.</summary>
    public string? ContentSha256 { get; init; }

    /// <summary>The publication date as stored (report date, blob metadata `published`, or upload time).</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Narrative sections 一, 五, 六 as stored with the result (for the cross-agency copied-text clusters).</summary>
    public IReadOnlyList<NarrativeText> Narrative { get; init; } = [];
}

/// <summary>Everything one sweep computes from: pure data, no clocks.</summary>
public sealed record SweepInput(
    int Year,
    IReadOnlyList<Agency> Registry,
    IReadOnlyList<StoredReportSummary> ThisYear,
    IReadOnlyList<StoredReportSummary> LastYear,
    DeadlinePolicy Deadlines);

/// <summary>The sweep status of one agency, most severe first.</summary>
public enum AgencyState
{
    Missing,
    Inconsistent,
    Late,
    Compliant,
}

/// <summary>The outcome for one registry agency.</summary>
public sealed record AgencyStatus
{
    public required Agency Agency { get; init; }

    public required AgencyState State { get; init; }

    public required DateOnly Deadline { get; init; }

    /// <summary>The report counted for the year (the most recently published one when several matched).</summary>
    public StoredReportSummary? Report { get; init; }

    /// <summary>The earliest publication among the matched reports (lateness is judged on it).</summary>
    public DateOnly? PublishedOn { get; init; }

    public int ReportCount { get; init; }

    public bool HasLastYear { get; init; }

    /// <summary>Sweep findings (MISSING_REPORT, LATE_REPORT, CARRYOVER_MISMATCH, IN_FORCE_MISMATCH).</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>Error-severity findings on the report itself (validation), still open.</summary>
    public int OpenErrors { get; init; }

    public bool TemplateOutdated { get; init; }

    public int? DaysLate => PublishedOn is { } p && p > Deadline ? p.DayNumber - Deadline.DayNumber : null;

    public bool Has(string code) => Findings.Any(f => f.Code == code);
}

/// <summary>A stored report that could not be attributed to a registry agency.</summary>
public sealed record UnmatchedReport(string BlobName, string? Agency, int? Year, string Reason);

/// <summary>Counts for one region or for the whole registry.</summary>
public sealed record SweepCounts
{
    public int Expected { get; init; }
    public int Reported { get; init; }
    public int Compliant { get; init; }
    public int Missing { get; init; }
    public int Late { get; init; }

    /// <summary>Agencies whose state is inconsistent (carry-over or in-force mismatch), late or not.</summary>
    public int Inconsistent { get; init; }
    public int CarryoverMismatch { get; init; }
    public int InForceMismatch { get; init; }
    public int WithOpenErrors { get; init; }
    public int TemplateOutdated { get; init; }

    /// <summary>Share of expected agencies that reported on time and consistently, 0..100.</summary>
    public decimal ComplianceRate => Expected == 0 ? 0 : Math.Round(100m * Compliant / Expected, 1);
}

/// <summary>A year-on-year figure summed over agencies that reported in both years.</summary>
public sealed record YearOnYearFigure(string Metric, string Label, decimal LastYear, decimal ThisYear);

/// <summary>The summary of one sweep (stored in Cosmos `sweeps`, id "summary", pk = year).</summary>
public sealed record SweepSummary
{
    public required int Year { get; init; }

    public required SweepCounts Overall { get; init; }

    /// <summary>Counts per region, ordered by region name.</summary>
    public required IReadOnlyDictionary<string, SweepCounts> Regions { get; init; }

    /// <summary>Number of findings per code (sweep findings plus open errors and outdated formats of the year's reports).</summary>
    public required IReadOnlyDictionary<string, int> FindingsByType { get; init; }

    /// <summary>Agency ids flagged per sweep code, sorted: the set an office acts on.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Flagged { get; init; }

    public required IReadOnlyList<UnmatchedReport> Unmatched { get; init; }

    public required IReadOnlyList<YearOnYearFigure> YearOnYear { get; init; }

    public int ReportsThisYear { get; init; }

    public int ReportsLastYear { get; init; }

    /// <summary>Narrative sections published nearly word for word by several agencies of one region (TextClusters).</summary>
    public IReadOnlyList<TextCluster> TextClusters { get; init; } = [];
}

/// <summary>The full outcome: per-agency statuses and the summary.</summary>
public sealed record SweepOutcome(int Year, IReadOnlyList<AgencyStatus> Agencies, SweepSummary Summary);
