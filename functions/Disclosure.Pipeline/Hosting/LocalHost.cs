using Disclosure.Pipeline.Configuration;
using Disclosure.Pipeline.Sweep;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Disclosure.Pipeline.Hosting;

/// <summary>
/// The local host (`disclosure serve`) and the services of the commands that read Cosmos: the shared composition
/// (<see cref="DisclosureComposition.AddDisclosureServices"/>) configured from environment variables with emulator
/// defaults, plus the local host's own triggers (the blob poller and the in-process sweep schedule).
/// </summary>
public static class LocalHost
{
    /// <summary>The Cosmos emulator's well-known key (the emulator accepts any; the SDK needs valid base64).</summary>
    public const string EmulatorKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    /// <summary>Environment variables (e.g. Cosmos__Endpoint) over defaults that target the emulators on their usual ports.</summary>
    public static IConfiguration Configuration(IDictionary<string, string?>? overrides = null)
    {
        var defaults = new Dictionary<string, string?>
        {
            [SettingsReader.Key(SettingNames.ReportsStorage)] = "UseDevelopmentStorage=true",
            [SettingsReader.Key(SettingNames.CosmosEndpoint)] = "https://127.0.0.1:8081/",
            [SettingsReader.Key(SettingNames.CosmosKey)] = EmulatorKey,
        };
        return new ConfigurationBuilder()
            .AddInMemoryCollection(defaults)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
    }

    /// <summary>The shared services plus the local host's trigger: the blob poller (started only by `serve`).</summary>
    public static IServiceCollection AddLocalPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDisclosureServices(configuration);
        services.AddSingleton<BlobPollingService>();
        return services;
    }

    /// <summary>The host of `disclosure serve`: the polling service plus console logging; graceful stop on Ctrl+C/SIGTERM.</summary>
    public static IHost BuildServeHost(IConfiguration configuration, LogLevel minimumLevel)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; }).SetMinimumLevel(minimumLevel);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
        builder.Services.AddLocalPipeline(configuration);
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BlobPollingService>());

        // The same annual schedule as the timer function (Sweep__Schedule; "off" disables it locally).
        builder.Services.AddSweepSchedule(configuration);
        return builder.Build();
    }

    /// <summary>
    /// Services for one-shot commands (results, alerts, sweep): no hosted services, warnings only. The settings are
    /// validated here, as a host validates them when it starts.
    /// </summary>
    public static ServiceProvider BuildServices(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddLocalPipeline(configuration);
        var provider = services.BuildServiceProvider();
        try
        {
            return provider.ValidateSettings();
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }
}
