using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace Disclosure.Pipeline.Review;

/// <summary>Stores review pages and hands out links to them.</summary>
public interface IReviewPageStore
{
    /// <summary>Writes (or replaces) the page and returns a link that opens it for <see cref="ReviewPageOptions.LinkDays"/> days.</summary>
    Task<Uri> WriteAsync(string pageName, string html, CancellationToken cancellationToken);

    /// <summary>A fresh link to a page (e.g. for the sweep's report); signing only, no request per page (the page may not exist for results older than review pages).</summary>
    Task<Uri> LinkAsync(string pageName, CancellationToken cancellationToken);
}

/// <summary>
/// Review pages as blobs (container `review-pages`): links are read-only SAS URLs. With an account key (Azurite locally)
/// the SAS is signed with the key; with a token credential (the app's managed identity in Azure) it is a user-delegation
/// SAS, which needs `generateUserDelegationKey` on the account (Storage Blob Delegator, granted in infra/).
/// </summary>
public sealed class BlobReviewPageStore(BlobServiceClient service, ReviewPageOptions options, TimeProvider time) : IReviewPageStore
{
    private readonly BlobContainerClient _container = service.GetBlobContainerClient(options.Container);
    private readonly SemaphoreSlim _keyLock = new(1, 1);
    private (UserDelegationKey Key, DateTimeOffset Expires)? _delegationKey;
    private volatile bool _containerReady;

    /// <summary>The page name of a result: its id and the content it was made from, so an alert's link always shows the page of the content it was raised for.</summary>
    public static string PageName(string resultId, string sha256) => $"{resultId}-{sha256[..Math.Min(16, sha256.Length)]}.html";

    public async Task<Uri> WriteAsync(string pageName, string html, CancellationToken cancellationToken)
    {
        if (!_containerReady)
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            _containerReady = true;
        }

        var blob = _container.GetBlobClient(pageName);
        await blob.UploadAsync(BinaryData.FromString(html), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/html; charset=utf-8", ContentDisposition = "inline" },
        }, cancellationToken).ConfigureAwait(false);
        return await SignAsync(blob, cancellationToken).ConfigureAwait(false);
    }

    public Task<Uri> LinkAsync(string pageName, CancellationToken cancellationToken) => SignAsync(_container.GetBlobClient(pageName), cancellationToken);

    private async Task<Uri> SignAsync(BlobClient blob, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var expires = now.AddDays(options.LinkDays);
        UserDelegationKey? key = null;
        if (!blob.CanGenerateSasUri)
        {
            key = await DelegationKeyAsync(now, expires, ct).ConfigureAwait(false);
            expires = key.SignedExpiresOn < expires ? key.SignedExpiresOn : expires; // a reused key may end up to an hour sooner
        }

        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expires)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            StartsOn = now.AddMinutes(-5), // clock skew between this host and storage
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        return key is null
            ? blob.GenerateSasUri(sas)
            : new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, service.AccountName) }.ToUri();
    }

    /// <summary>Reuse tolerance of a delegation key: a link may expire this much sooner than asked, instead of a key request per report.</summary>
    private static readonly TimeSpan KeyReuse = TimeSpan.FromHours(1);

    private async Task<UserDelegationKey> DelegationKeyAsync(DateTimeOffset now, DateTimeOffset expires, CancellationToken ct)
    {
        await _keyLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_delegationKey is { } cached && cached.Expires >= expires - KeyReuse)
            {
                return cached.Key;
            }

            var key = (await service.GetUserDelegationKeyAsync(now.AddMinutes(-5), expires, ct).ConfigureAwait(false)).Value;
            _delegationKey = (key, expires);
            return key;
        }
        finally
        {
            _keyLock.Release();
        }
    }
}
