namespace Disclosure.Sweep;

/// <summary>The agency registry, one version per year.</summary>
public interface IRegistryStore
{
    /// <summary>Replaces the registry of <paramref name="year"/>: writes every agency, removes those no longer listed.</summary>
    Task<RegistryReplaceResult> ReplaceAsync(int year, IReadOnlyList<Agency> agencies, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Agency>> LoadAsync(int year, CancellationToken cancellationToken = default);
}

public sealed record RegistryReplaceResult(int Written, int Removed);

/// <summary>The stored report results of one year, as the sweep needs them.</summary>
public interface ISweepReportSource
{
    Task<IReadOnlyList<StoredReportSummary>> LoadYearAsync(int year, CancellationToken cancellationToken = default);
}

/// <summary>Where sweep summaries are kept (one per year, replaced by each run).</summary>
public interface ISweepStore
{
    Task SaveAsync(SweepRecord record, CancellationToken cancellationToken = default);

    Task<SweepRecord?> GetAsync(int year, CancellationToken cancellationToken = default);
}

/// <summary>A stored sweep: the summary plus when it ran and where its HTML/CSV went.</summary>
public sealed record SweepRecord(SweepSummary Summary, DateTimeOffset RanAt, double DurationSeconds, IReadOnlyList<string> Outputs);

/// <summary>Only one sweep at a time, across hosts.</summary>
public interface ISweepLock
{
    /// <summary>The held lock (dispose to release), or null when another sweep holds it.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(CancellationToken cancellationToken = default);
}

/// <summary>Where the HTML report and CSV are written.</summary>
public interface ISweepOutput
{
    /// <summary>Writes (overwrites) the files of a year's sweep; returns their locations.</summary>
    Task<IReadOnlyList<string>> WriteAsync(int year, IReadOnlyList<SweepFile> files, CancellationToken cancellationToken = default);
}

public sealed record SweepFile(string Name, string ContentType, string Content);

/// <summary>The alert channel the pipeline uses, seen from the sweep.</summary>
public interface ISweepAlertSink
{
    /// <summary>Stores and publishes alerts; an alert whose id already exists is replaced but not published again. Returns how many were new.</summary>
    Task<int> RaiseAsync(IReadOnlyList<SweepAlert> alerts, CancellationToken cancellationToken = default);

    /// <summary>
    /// Resolves the year's agency alerts that this sweep no longer raises (their cause went away) and announces each once.
    /// Returns how many were resolved.
    /// </summary>
    Task<int> ResolveStaleAsync(int year, IReadOnlySet<string> current, CancellationToken cancellationToken = default);
}

/// <summary>Links to the review pages of stored reports (one page per result id and content hash).</summary>
public interface ISweepReviewLinks
{
    Task<Uri> LinkAsync(string resultId, string contentSha256, CancellationToken cancellationToken = default);
}
