using System.Collections.Concurrent;
using Disclosure.Core.Contract;
using Disclosure.Sweep;
using Microsoft.Extensions.Logging;

namespace Disclosure.Pipeline.Registry;

/// <summary>
/// The registry step of report processing: an agency name read by OCR is matched against the registry of the report's
/// year, where one is loaded (<see cref="OcrAgencyNames"/>: the pure rule, the same as `check --registry`). Reports not
/// OCR'd, failed, without a year or an agency name, or of a year without a registry pass unchanged.
/// </summary>
public sealed partial class OcrAgencyStep(IRegistryStore registry, TimeProvider time, ILogger<OcrAgencyStep> logger)
{
    /// <summary>
    /// How long a loaded registry is used before it is read again: OCR'd reports come in batches and each would otherwise
    /// re-read thousands of agencies; a registry import is seen by processing within this time.
    /// </summary>
    public static readonly TimeSpan RegistryLifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<int, (AgencyNameMatcher? Matcher, DateTimeOffset LoadedAt)> _loaded = new();

    public async Task<ReportResult> ApplyAsync(ReportResult result, CancellationToken cancellationToken)
    {
        if (!result.Source.Ocr || result.Status == ResultStatus.Failed || result.Report.Year is not { } year || string.IsNullOrWhiteSpace(result.Report.Agency))
        {
            return result;
        }

        AgencyNameMatcher? matcher;
        try
        {
            matcher = await MatcherAsync(year, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The registry is an aid, not a requirement: the name stays as read (no match claimed) and the report goes on.
            LogRegistryUnavailable(logger, ex, year, result.Source.Name);
            return result;
        }

        if (matcher is null)
        {
            return result;
        }

        var matched = OcrAgencyNames.Apply(result, matcher, year);
        if (matched.Report.AgencyMatch is { } m)
        {
            LogMatched(logger, result.Source.Name, m.Read, m.Matched ?? "-", m.Distance ?? -1);
        }

        return matched;
    }

    private async Task<AgencyNameMatcher?> MatcherAsync(int year, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_loaded.TryGetValue(year, out var cached) && now - cached.LoadedAt < RegistryLifetime)
        {
            return cached.Matcher;
        }

        var agencies = await registry.LoadAsync(year, ct).ConfigureAwait(false);
        var matcher = agencies.Count == 0 ? null : new AgencyNameMatcher(agencies);
        _loaded[year] = (matcher, now);
        return matcher;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{BlobName}: agency read by OCR as {Read}, matched {Matched} (distance {Distance})")]
    private static partial void LogMatched(ILogger logger, string blobName, string read, string matched, int distance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registry of {Year} could not be loaded; the agency name of {BlobName} is kept as read")]
    private static partial void LogRegistryUnavailable(ILogger logger, Exception exception, int year, string blobName);
}
