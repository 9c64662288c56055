using Azure.Storage.Blobs;
using Disclosure.Integration.Tests.Infrastructure;
using Disclosure.Pipeline.Sweep;
using Disclosure.Pipeline;
using Disclosure.Pipeline.Alerts;
using Disclosure.Pipeline.Cosmos;
using Disclosure.Sweep;
using Disclosure.Testing.Sweep;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Disclosure.Integration.Tests.Sweep;

/// <summary>The hosts' real composition (AddDisclosureServices) on the test emulators, one Cosmos database per test.</summary>
public sealed class SweepHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public SweepHarness(EmulatorFixture emulators, string database, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sweep__Schedule"] = "off",
            ["Sweep__OutputContainer"] = $"sweep-reports-{database}",
            ["Sweep__LockContainer"] = $"sweep-locks-{database}",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }

        var configuration = emulators.Configuration(database, "reports-" + database, settings);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddDisclosureServices(configuration);
        _services = services.BuildServiceProvider();
    }

    public SweepRunner Runner => _services.GetRequiredService<SweepRunner>();

    public IRegistryStore Registry => _services.GetRequiredService<IRegistryStore>();

    public ISweepStore Sweeps => _services.GetRequiredService<ISweepStore>();

    public ISweepLock Lock => _services.GetRequiredService<ISweepLock>();

    public IAlertStore Alerts => _services.GetRequiredService<IAlertStore>();

    public CosmosBootstrap Cosmos => _services.GetRequiredService<CosmosBootstrap>();

    public SweepOptions Options => _services.GetRequiredService<SweepOptions>();

    public BlobContainerClient Output => _services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(Options.OutputContainer);

    /// <summary>Report processing as the hosts compose it, on this harness's reports container.</summary>
    public Disclosure.Pipeline.Processing.ReportProcessingService Processor => _services.GetRequiredService<Disclosure.Pipeline.Processing.ReportProcessingService>();

    public BlobContainerClient Reports => _services.GetRequiredService<BlobContainerClient>();

    public IResultStore Results => _services.GetRequiredService<IResultStore>();

    public Task SeedAsync(SweepScenario scenario) => SweepScenarioSeeder.SeedAsync(_services.GetRequiredService<IResultStore>(), Registry, scenario);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
