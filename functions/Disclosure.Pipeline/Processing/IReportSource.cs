namespace Disclosure.Pipeline.Processing;

/// <summary>
/// Port: where report files are read and listed (the `reports` blob container in Azure and locally). The processing
/// service and the local host's poller see only this; the adapter is <see cref="Storage.BlobReportSource"/>.
/// Faults that may pass (network, throttling, timeouts) surface as exceptions <see cref="TransientFaults"/> knows.
/// </summary>
public interface IReportSource
{
    /// <summary>Where the reports are (the container's name), for logs.</summary>
    string Name { get; }

    /// <summary>Makes sure the container exists (the local host's start-up; in Azure infra/ creates it).</summary>
    Task EnsureExistsAsync(CancellationToken cancellationToken);

    /// <summary>What is known about the report named <paramref name="name"/>; null when there is none.</summary>
    /// <exception cref="ReportRefusedException">The store refuses the name for good.</exception>
    Task<BlobRef?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// At most <paramref name="maxBytes"/> bytes of the report as of <see cref="BlobRef.ETag"/> (all of it when shorter),
    /// with its metadata; null when it is gone or changed since <paramref name="blob"/> was seen.
    /// </summary>
    /// <exception cref="ReportRefusedException">The store refuses the download for good.</exception>
    Task<ReportDownload?> DownloadAsync(BlobRef blob, long maxBytes, CancellationToken cancellationToken);

    /// <summary>Every report now in the store, without metadata (the download brings it).</summary>
    IAsyncEnumerable<BlobRef> ListAsync(CancellationToken cancellationToken);
}

/// <summary>Content of one report, as downloaded.</summary>
public sealed record ReportDownload(ReadOnlyMemory<byte> Content, IReadOnlyDictionary<string, string>? Metadata);

/// <summary>
/// The store refuses this report for good (e.g. a name with "../" that the blob service will not serve: HTTP 400 or 414):
/// retrying changes nothing, so the report gets a failed result and an alert rather than a silent poison receipt.
/// </summary>
public sealed class ReportRefusedException(int status, string? errorCode, Exception? inner = null)
    : Exception($"The report store refused the request (HTTP {status} {errorCode}).", inner)
{
    public int Status => status;

    public string? ErrorCode => errorCode;
}
