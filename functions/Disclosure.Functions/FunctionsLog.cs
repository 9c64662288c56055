using Microsoft.Extensions.Logging;

namespace Disclosure.Functions;

internal static partial class FunctionsLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Report blob {BlobName} received from Event Grid")]
    public static partial void ReportReceived(ILogger logger, string blobName);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Report blob {BlobName}: {Kind} (recorded: {Recorded})")]
    public static partial void ReportDone(ILogger logger, string blobName, string kind, bool recorded);

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Sweep of {Year} starting (past due: {IsPastDue})")]
    public static partial void SweepStarting(ILogger logger, int year, bool isPastDue);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Sweep of {Year} ended: {Status}, {AlertsRaised} new alerts")]
    public static partial void SweepFinished(ILogger logger, int year, string status, int alertsRaised);
}
