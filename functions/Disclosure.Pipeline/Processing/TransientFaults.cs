using System.Net;
using Azure;
using Microsoft.Azure.Cosmos;

namespace Disclosure.Pipeline.Processing;

/// <summary>Which exceptions are worth retrying: network trouble, throttling, timeouts, 5xx, and a missing Cosmos container.</summary>
public static class TransientFaults
{
    public static bool IsTransient(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => false,
        CosmosException c => c.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.Gone or HttpStatusCode.TooManyRequests
            or (HttpStatusCode)449 or HttpStatusCode.ServiceUnavailable or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.GatewayTimeout or HttpStatusCode.NotFound or 0,
        RequestFailedException r => r.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException or IOException or TimeoutException or OperationCanceledException => true,
        AggregateException a => a.InnerExceptions.Any(e => IsTransient(e, cancellationToken)),
        _ => false,
    };

    /// <summary>Cosmos says the database or container is missing (the local emulator lost its memory).</summary>
    public static bool IsMissingCosmosResource(Exception ex) => ex is CosmosException { StatusCode: HttpStatusCode.NotFound };
}
