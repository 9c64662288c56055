using Disclosure.Pipeline.Hosting;
using Disclosure.Pipeline.Sweep;
using Disclosure.Sweep;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Disclosure.Tests.Infra;

/// <summary>
/// The local host's side of the shared composition: `disclosure serve` adds its own triggers (the poller and the
/// in-process schedule) to AddDisclosureServices; the Functions app adds none (tests/Disclosure.Integration.Tests/Functions).
/// Building the host makes no call to the emulators.
/// </summary>
public sealed class LocalHostCompositionTests
{
    [Fact]
    public void Serve_runs_the_poller_and_the_sweep_schedule()
    {
        using var host = LocalHost.BuildServeHost(LocalHost.Configuration(), LogLevel.Warning);
        var hosted = host.Services.GetServices<IHostedService>().ToList();
        Assert.Single(hosted, h => h is BlobPollingService);
        Assert.Single(hosted, h => h is SweepScheduler);
    }

    [Fact]
    public void Schedule_off_leaves_only_the_poller()
    {
        using var host = LocalHost.BuildServeHost(LocalHost.Configuration(new Dictionary<string, string?> { ["Sweep:Schedule"] = "off" }), LogLevel.Warning);
        var hosted = host.Services.GetServices<IHostedService>().ToList();
        Assert.Single(hosted, h => h is BlobPollingService);
        Assert.DoesNotContain(hosted, h => h is SweepScheduler);
        // The sweep itself is still there for `disclosure sweep` and the tests.
        Assert.NotNull(host.Services.GetRequiredService<SweepRunner>());
    }
}
