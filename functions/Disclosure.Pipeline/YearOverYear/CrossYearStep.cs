using System.Text.Json;
using System.Text.Json.Nodes;
using Disclosure.Core.Comparison;
using Disclosure.Core.Contract;
using Disclosure.Pipeline.Alerts;
using Disclosure.Pipeline.Configuration;
using Disclosure.Pipeline.Cosmos;
using Disclosure.Pipeline.Processing;
using Microsoft.Extensions.Logging;

namespace Disclosure.Pipeline.YearOverYear;

/// <summary>
/// The year-over-year step of report processing. Before a result is stored it is compared with the agency's stored
/// report of the year before (pointer `agency-{agencyKey}` in pk = year − 1); after it is stored, the agency's report
/// of the year after, if stored, is compared again with it, and so is this one if its predecessor appeared meanwhile
/// (two reports of one agency processed at once each store before they look, so one of them sees the other). A
/// re-check replaces the stored result and its alert only when the comparison changed them: running it again changes
/// nothing. The comparison itself is <see cref="YearOverYearComparer"/>, the same pure code as `check --previous`,
/// with the sweep's own <see cref="CrossYearChecks"/>.
/// </summary>
public sealed partial class CrossYearStep(IResultStore results, IAlertSink alerts, IAlertStore alertStore, AlertOptions alertOptions,
    TimeProvider time, ILogger<CrossYearStep> logger)
{
    /// <summary>The result compared with the agency's previous-year report when that is stored; else unchanged.</summary>
    public async Task<ReportResult> CompareOnArrivalAsync(ReportResult result, CancellationToken cancellationToken)
    {
        if (Comparable(result) is not var (agencyKey, year))
        {
            return result;
        }

        var previous = await ReadAsync(agencyKey, year - 1, cancellationToken).ConfigureAwait(false);
        return previous?.Result is { } last ? YearOverYearComparer.Apply(result, last) : result;
    }

    /// <summary>After <paramref name="result"/> (stored under <paramref name="docKey"/>) is stored: the re-checks.</summary>
    public async Task AfterStoreAsync(ReportResult result, string docKey, CancellationToken cancellationToken)
    {
        if (Comparable(result) is not var (agencyKey, year))
        {
            return;
        }

        // The successor (year + 1), compared again now that its predecessor is here (or has changed).
        if (await ReadAsync(agencyKey, year + 1, cancellationToken).ConfigureAwait(false) is { Result: { } next } successor)
        {
            await ReplaceAsync(successor.Document, YearOverYearComparer.Apply(next, result), cancellationToken).ConfigureAwait(false);
        }

        // This one, when its predecessor was stored while it was being processed.
        if (result.YearOverYear is null
            && await ReadAsync(agencyKey, year - 1, cancellationToken).ConfigureAwait(false) is { Result: { } last }
            && await results.GetAsync(docKey, DocumentKeys.YearKey(year), cancellationToken).ConfigureAwait(false) is { } self)
        {
            await ReplaceAsync(self, YearOverYearComparer.Apply(result, last), cancellationToken).ConfigureAwait(false);
        }
    }

    private static (string AgencyKey, int Year)? Comparable(ReportResult result) =>
        result.Status != ResultStatus.Failed && result.Report.Agency is { } agency && result.Report.Year is { } year
            ? (DocumentKeys.AgencyKey(agency), year)
            : null;

    private async Task<(JsonObject Document, ReportResult? Result)?> ReadAsync(string agencyKey, int year, CancellationToken ct)
    {
        var document = await results.GetAgencyYearAsync(agencyKey, year, ct).ConfigureAwait(false);
        return document is null ? null : (document, ResultDocuments.ToResult(document));
    }

    /// <summary>Stores <paramref name="updated"/> in place of the stored document's contract fields, and updates its alert.</summary>
    private async Task ReplaceAsync(JsonObject stored, ReportResult updated, CancellationToken ct)
    {
        var contract = JsonSerializer.SerializeToNode(updated, ResultJson.Options)!.AsObject();
        if (JsonNode.DeepEquals(ResultDocuments.ToContract(stored), contract))
        {
            return;
        }

        var document = stored.DeepClone().AsObject();
        foreach (var field in ResultDocuments.ContractFields)
        {
            document.Remove(field);
        }

        foreach (var (key, value) in contract)
        {
            document[key] = value?.DeepClone();
        }

        await results.UpsertAsync(document, ct).ConfigureAwait(false);
        var docKey = (string)document["id"]!;
        var pk = (string)document["pk"]!;
        var blobName = (string?)document["blobName"] ?? updated.Source.Name;
        LogRechecked(logger, blobName, updated.YearOverYear?.PreviousName ?? "?");

        if (ReportAlerts.For(updated, blobName, docKey, pk, alertOptions.MinSeverity, time.GetUtcNow()) is not { } alert)
        {
            return;
        }

        // The alert id is per (blob, content): the stored alert of this content is brought up to date and announced again.
        var existing = await alertStore.GetAsync(alert.Id, alert.Pk, ct).ConfigureAwait(false);
        if (existing is not null && !SameFindings(existing, alert))
        {
            await alertStore.ReopenAsync(alert with { CreatedAt = existing.CreatedAt, Published = false }, ct).ConfigureAwait(false);
        }

        await alerts.RaiseAsync(alert, ct).ConfigureAwait(false);
    }

    private static bool SameFindings(AlertDocument a, AlertDocument b) =>
        a.Findings.Select(f => (f.Code, f.Message)).SequenceEqual(b.Findings.Select(f => (f.Code, f.Message)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-checked {BlobName} against its previous-year report {Previous}")]
    private static partial void LogRechecked(ILogger logger, string blobName, string previous);
}
