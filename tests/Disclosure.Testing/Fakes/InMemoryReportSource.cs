using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Disclosure.Pipeline.Processing;

namespace Disclosure.Testing.Fakes;

/// <summary>
/// <see cref="IReportSource"/> in memory: reports put, replaced, deleted or refused by the test, each version with its
/// own ETag; downloads honour the ETag (a changed or deleted report reads as gone) and the byte limit, as the blob
/// adapter does. <see cref="Fault"/> injects a fault before an operation ("get", "download", "list").
/// </summary>
public sealed class InMemoryReportSource : IReportSource
{
    private readonly ConcurrentDictionary<string, Stored> _reports = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _refused = new(StringComparer.Ordinal);
    private long _version;
    private int _downloads;

    public string Name => "reports";

    /// <summary>Returns the exception to throw before the named operation on the named report, or null.</summary>
    public Func<string, string, Exception?> Fault { get; set; } = (_, _) => null;

    /// <summary>Downloads started so far (a refused or faulted one included).</summary>
    public int Downloads => Volatile.Read(ref _downloads);

    public bool Ensured { get; private set; }

    /// <summary>Stores a new version of <paramref name="name"/> and returns it as a listing would describe it.</summary>
    public BlobRef Put(string name, byte[] content, DateTimeOffset uploadedAt, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var etag = "0x" + Interlocked.Increment(ref _version).ToString("X8", CultureInfo.InvariantCulture);
        _reports[name] = new Stored(content, etag, uploadedAt, metadata);
        return new BlobRef(name, etag, content.Length, uploadedAt);
    }

    public void Delete(string name) => _reports.TryRemove(name, out _);

    /// <summary>From now on the store refuses this name for good with <paramref name="status"/> (as the blob service does with "../").</summary>
    public void Refuse(string name, int status = 400) => _refused[name] = status;

    public Task EnsureExistsAsync(CancellationToken cancellationToken)
    {
        Ensured = true;
        return Task.CompletedTask;
    }

    public Task<BlobRef?> GetAsync(string name, CancellationToken cancellationToken)
    {
        Check("get", name);
        return Task.FromResult(_reports.TryGetValue(name, out var s)
            ? new BlobRef(name, s.ETag, s.Content.Length, s.UploadedAt, s.Metadata)
            : null);
    }

    public Task<ReportDownload?> DownloadAsync(BlobRef blob, long maxBytes, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _downloads);
        Check("download", blob.Name);
        if (!_reports.TryGetValue(blob.Name, out var s) || (blob.ETag.Length > 0 && blob.ETag != s.ETag))
        {
            return Task.FromResult<ReportDownload?>(null);
        }

        var length = (int)Math.Min(s.Content.Length, maxBytes);
        return Task.FromResult<ReportDownload?>(new ReportDownload(s.Content.AsMemory(0, length), s.Metadata));
    }

    public async IAsyncEnumerable<BlobRef> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Check("list", "");
        foreach (var (name, s) in _reports.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new BlobRef(name, s.ETag, s.Content.Length, s.UploadedAt);
        }
    }

    private void Check(string operation, string name)
    {
        if (_refused.TryGetValue(name, out var status))
        {
            throw new ReportRefusedException(status, "InvalidUri");
        }

        if (Fault(operation, name) is { } fault)
        {
            throw fault;
        }
    }

    private sealed record Stored(byte[] Content, string ETag, DateTimeOffset UploadedAt, IReadOnlyDictionary<string, string>? Metadata);
}
