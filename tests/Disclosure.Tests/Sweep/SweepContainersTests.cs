using Disclosure.Pipeline.Cosmos;
using Disclosure.Pipeline.Hosting;
using Disclosure.Pipeline.Sweep;
using Microsoft.Azure.Cosmos;

namespace Disclosure.Tests.Sweep;

/// <summary>
/// The sweep's stores never create the database or containers in Azure: infra/ made them, and a data-plane-only
/// identity may not (only the local emulator, which keeps nothing across restarts, is bootstrapped).
/// </summary>
public sealed class SweepContainersTests
{
    [Fact]
    public async Task Against_an_Azure_account_the_sweep_stores_send_no_create_request()
    {
        var handler = new CountingHandler();
        using var client = new CosmosClient("https://cosmos.invalid:443/", LocalHost.EmulatorKey, new CosmosClientOptions
        {
            HttpClientFactory = () => new HttpClient(handler, disposeHandler: false),
            ConnectionMode = ConnectionMode.Gateway,
        });
        var containers = new SweepContainers(new CosmosBootstrap(client, "db", localEmulator: false));

        var container = await containers.GetAsync(CosmosContainers.Registry, CancellationToken.None);

        Assert.Equal(CosmosContainers.Registry, container.Id);
        Assert.Equal(0, handler.Requests);
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        public int Requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // The SDK also asks the VM metadata endpoint (169.254.169.254) on its own; only the account counts here.
            if (request.RequestUri?.Host == "cosmos.invalid")
            {
                Interlocked.Increment(ref Requests);
            }

            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable));
        }
    }
}
