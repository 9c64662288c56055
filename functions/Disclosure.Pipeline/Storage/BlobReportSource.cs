using System.Buffers;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Disclosure.Pipeline.Processing;

namespace Disclosure.Pipeline.Storage;

/// <summary>Adapter of <see cref="IReportSource"/> on one Azure Blob Storage container (Azurite locally).</summary>
public sealed class BlobReportSource(BlobContainerClient container) : IReportSource
{
    /// <summary>Largest first buffer: a listing's size may be stale, and a report above this grows the buffer as it arrives.</summary>
    private const long MaxInitialBuffer = 64L * 1024 * 1024;

    /// <summary>One read of the download stream (the SDK's default copy buffer size).</summary>
    private const int ReadChunk = 81920;

    public string Name => container.Name;

    public async Task EnsureExistsAsync(CancellationToken cancellationToken) =>
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    public async Task<BlobRef?> GetAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var props = (await container.GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            return new BlobRef(name, BlobETags.Normalize(props.ETag), props.ContentLength, props.CreatedOn, props.Metadata.AsReadOnly());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
        catch (RequestFailedException ex) when (IsRefused(ex))
        {
            throw new ReportRefusedException(ex.Status, ex.ErrorCode, ex);
        }
    }

    public async Task<ReportDownload?> DownloadAsync(BlobRef blob, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            var response = await container.GetBlobClient(blob.Name).DownloadStreamingAsync(new BlobDownloadOptions
            {
                Conditions = string.IsNullOrEmpty(blob.ETag) ? null : new BlobRequestConditions { IfMatch = new ETag(blob.ETag) },
            }, cancellationToken).ConfigureAwait(false);
            await using var stream = response.Value.Content;
            var buffer = new ArrayBufferWriter<byte>((int)Math.Min(Math.Max(blob.Size, 1024), Math.Min(maxBytes, MaxInitialBuffer)));
            while (buffer.WrittenCount < maxBytes)
            {
                var span = buffer.GetMemory((int)Math.Min(ReadChunk, maxBytes - buffer.WrittenCount));
                var read = await stream.ReadAsync(span, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                buffer.Advance(read);
            }

            return new ReportDownload(buffer.WrittenMemory, response.Value.Details.Metadata?.AsReadOnly());
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Gone, or changed since it was listed (If-Match): the next listing sees its new state.
            return null;
        }
        catch (RequestFailedException ex) when (IsRefused(ex))
        {
            throw new ReportRefusedException(ex.Status, ex.ErrorCode, ex);
        }
    }

    public async IAsyncEnumerable<BlobRef> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions(), cancellationToken).ConfigureAwait(false))
        {
            // Metadata is not listed (cheaper scans); the download returns it.
            yield return new BlobRef(item.Name, BlobETags.Normalize(item.Properties.ETag), item.Properties.ContentLength ?? 0, item.Properties.CreatedOn);
        }
    }

    /// <summary>400 (e.g. a name with "../") and 414 (name too long): the service will never serve this name.</summary>
    private static bool IsRefused(RequestFailedException ex) => ex.Status is 400 or 414;
}
