using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Disclosure.Sweep;
using Microsoft.Extensions.Logging;

namespace Disclosure.Pipeline.Sweep;

/// <summary>
/// One sweep at a time: a lease on the blob `sweep.lock` in the `sweep-locks` container, renewed while the sweep runs
/// and released at the end. A host that dies leaves a lease that expires after <see cref="SweepOptions.LeaseDuration"/>.
/// </summary>
public sealed partial class BlobSweepLock(BlobServiceClient service, SweepOptions options, TimeProvider time, ILogger<BlobSweepLock> logger) : ISweepLock
{
    public const string BlobName = "sweep.lock";

    public async Task<IAsyncDisposable?> TryAcquireAsync(CancellationToken cancellationToken = default)
    {
        var container = service.GetBlobContainerClient(options.LockContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var blob = container.GetBlobClient(BlobName);
        try
        {
            await blob.UploadAsync(BinaryData.FromString(""), overwrite: false, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Exists already (possibly leased): fine.
        }

        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(options.LeaseDuration, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }

        return new Held(lease, options.LeaseDuration, time, logger);
    }

    private sealed class Held : IAsyncDisposable
    {
        private readonly BlobLeaseClient _lease;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewal;

        public Held(BlobLeaseClient lease, TimeSpan duration, TimeProvider time, ILogger logger)
        {
            _lease = lease;
            _renewal = RenewAsync(duration / 3, time, logger, _stop.Token);
        }

        private async Task RenewAsync(TimeSpan every, TimeProvider time, ILogger logger, CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(every, time, stop).ConfigureAwait(false);
                    await _lease.RenewAsync(cancellationToken: stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (RequestFailedException ex)
                {
                    LogRenewFailed(logger, ex, ex.Status);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _renewal.ConfigureAwait(false);
            try
            {
                await _lease.ReleaseAsync().ConfigureAwait(false);
            }
            catch (RequestFailedException)
            {
                // Expired or taken over: nothing to release.
            }

            _stop.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep lock lease renewal failed ({Status})")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, int status);
}

/// <summary>Writes the sweep's HTML, CSV and JSON to `sweep-reports/{year}/…`, replacing a previous run's files.</summary>
public sealed class BlobSweepOutput(BlobServiceClient service, SweepOptions options) : ISweepOutput
{
    public async Task<IReadOnlyList<string>> WriteAsync(int year, IReadOnlyList<SweepFile> files, CancellationToken cancellationToken = default)
    {
        var container = service.GetBlobContainerClient(options.OutputContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var locations = new List<string>(files.Count);
        foreach (var file in files)
        {
            var blob = container.GetBlobClient($"{year}/{file.Name}");
            await blob.UploadAsync(
                BinaryData.FromBytes(Encoding.UTF8.GetBytes(file.Content)),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = file.ContentType } },
                cancellationToken).ConfigureAwait(false);
            locations.Add(blob.Uri.ToString());
        }

        return locations;
    }
}
