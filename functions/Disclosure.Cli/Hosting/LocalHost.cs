using Disclosure.Cli.Composition;
using Disclosure.Core.Engine;
using Disclosure.Pipeline.Configuration;
using Disclosure.Pipeline;
using Disclosure.Pipeline.Hosting;
using Disclosure.Pipeline.Sweep;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Disclosure.Cli.Hosting;

/// <summary>
/// Composition of the local host (`disclosure serve`) and of the commands that read Cosmos: the same services as the
/// Functions app (AddDisclosurePipeline), configured from environment variables with emulator defaults.
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
            ["ReportsStorage"] = "UseDevelopmentStorage=true",
            ["Cosmos:Endpoint"] = "https://127.0.0.1:8081/",
            ["Cosmos:Key"] = EmulatorKey,
        };
        return new ConfigurationBuilder()
            .AddInMemoryCollection(defaults)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
    }

    /// <summary>The same engine as `disclosure check` (EngineComposition), with the pipeline's size limit.</summary>
    public static IServiceCollection AddEngine(this IServiceCollection services, IConfiguration configuration)
    {
        var maxBytes = PipelineOptions.From(configuration).MaxBytes;
        return services.AddSingleton(_ => EngineComposition.CreateEngine(EngineSettings.Limits(configuration, maxBytes), configuration));
    }

    public static IServiceCollection AddLocalPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEngine(configuration);
        services.AddDisclosurePipeline(configuration);
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
        builder.Services.AddDisclosureSweep(configuration);
        return builder.Build();
    }

    /// <summary>Services for one-shot commands (results, alerts): no hosted services, warnings only.</summary>
    public static ServiceProvider BuildServices(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddLocalPipeline(configuration);
        return services.BuildServiceProvider();
    }
}
