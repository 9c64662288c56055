using System.Net;
using Azure;
using Microsoft.Azure.Cosmos;

namespace Disclosure.Pipeline.Processing;

/// <summary>
/// Which exceptions are worth retrying: network trouble, timeouts, and the status codes the services document as
/// transient. Cosmos DB ("Designing resilient applications with Azure Cosmos DB SDKs", learn.microsoft.com): 408 request
/// timeout, 410 gone (partition moved), 429 throttled, 449 retry-with, 503 service unavailable. A 404 (missing database,
/// container or document) is not transient: the database and containers are created before processing starts
/// (infra/ in Azure, the local host's start-up locally). The local emulator's 500 for a missing document is handled
/// where it is read (<see cref="Cosmos.CosmosQueries.ReadOrNullAsync{T}"/>, local only), not here.
/// </summary>
public static class TransientFaults
{
    public static bool IsTransient(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => false,
        CosmosException c => IsTransientCosmos(c.StatusCode),
        RequestFailedException r => r.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException or IOException or TimeoutException or OperationCanceledException => true,
        AggregateException a => a.InnerExceptions.Any(e => IsTransient(e, cancellationToken)),
        _ => false,
    };

    /// <summary>The Cosmos SDK's transient codes; 0 is no response at all (the connection failed).</summary>
    public static bool IsTransientCosmos(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.Gone or HttpStatusCode.TooManyRequests or (HttpStatusCode)449
            or HttpStatusCode.ServiceUnavailable or 0;
}
