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
        var handler = new HangingHandler();
        using var client = new CosmosClient("https://cosmos.invalid:443/", LocalHost.EmulatorKey, new CosmosClientOptions
        {
            HttpClientFactory = () => new HttpClient(handler, disposeHandler: false),
            ConnectionMode = ConnectionMode.Gateway,
        });
        var containers = new SweepContainers(new CosmosBootstrap(client, "db", localEmulator: false));

        // Any request to the account would hang: a create attempt shows as this guard firing, not as a slow pass.
        var container = await containers.GetAsync(CosmosContainers.Registry, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(CosmosContainers.Registry, container.Id);
    }

    /// <summary>Never answers (the SDK's own background requests, such as the VM metadata probe, wait harmlessly).</summary>
    private sealed class HangingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new OperationCanceledException(cancellationToken);
        }
    }
}
