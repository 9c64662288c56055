using System.Reflection;
using Azure.Core;
using Azure.Identity;
using Disclosure.Core.Engine;
using Disclosure.Functions;
using Disclosure.Integration.Tests.Infrastructure;
using Disclosure.Pipeline.Configuration;
using Disclosure.Pipeline.Processing;
using Disclosure.Pipeline.Sweep;
using Disclosure.Sweep;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Disclosure.Integration.Tests.Functions;

/// <summary>The real worker's builder with the app's composition; offline (building clients makes no call).</summary>
public sealed class FunctionsCompositionTests
{
    public static TheoryData<string> SettingSets() => new("local.settings.sample.json", "infra (identity-based)");

    private static IReadOnlyDictionary<string, string?> Settings(string set) =>
        set.StartsWith("local", StringComparison.Ordinal) ? FunctionsApp.SampleSettings(EmulatorFixture.FindRepoRoot()) : FunctionsApp.AzureSettings();

    [Theory]
    [MemberData(nameof(SettingSets))]
    public void Both_functions_resolve_from_the_built_app(string set)
    {
        using var host = FunctionsApp.Build(Settings(set));
        Assert.NotNull(FunctionsApp.Function<ProcessReport>(host));
        Assert.NotNull(FunctionsApp.Function<AnnualSweep>(host));
        // What they run is the shared composition's: one engine, the processing service, the sweep.
        Assert.NotNull(host.Services.GetRequiredService<ReportProcessingService>());
        Assert.NotNull(host.Services.GetRequiredService<SweepRunner>());
        // One size limit for every reader, the pipeline's (Pipeline__MaxBytes), OCR readers included.
        Assert.Equal(host.Services.GetRequiredService<PipelineOptions>().MaxBytes, host.Services.GetRequiredService<ReportEngine>().Limits.MaxBytes);
    }

    [Theory]
    [MemberData(nameof(SettingSets))]
    public void The_timer_trigger_is_the_only_schedule(string set)
    {
        var builder = FunctionsApp.Builder(Settings(set));
        // The local host's in-process schedule would sweep again in every live instance; no poller either.
        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SweepScheduler));
        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(Disclosure.Pipeline.Hosting.BlobPollingService));
    }

    [Fact]
    public void Telemetry_is_sent_with_the_apps_credential()
    {
        using var host = FunctionsApp.Build(FunctionsApp.AzureSettings());
        var credential = host.Services.GetRequiredService<TokenCredential>();
        Assert.IsType<DefaultAzureCredential>(credential);

        // Application Insights keeps the credential in an internal envelope (SetAzureTokenCredential); the resource has
        // local auth off, so without it no telemetry would be accepted.
        var telemetry = host.Services.GetRequiredService<TelemetryConfiguration>();
        var envelope = typeof(TelemetryConfiguration).GetProperty("CredentialEnvelope", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(telemetry);
        Assert.True(envelope is not null, "TelemetryConfiguration has no credential: SetAzureTokenCredential was not applied.");
        var inner = envelope!.GetType().GetProperty("Credential", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)?.GetValue(envelope);
        Assert.Same(credential, inner);
    }

    public static TheoryData<string, string> BadSettings() => new()
    {
        { SettingNames.PipelineMaxBytes, "fifty megabytes" },
        { SettingNames.PipelineMaxAttempts, "0" },
        { SettingNames.AlertsMinSeverity, "critical" },
        { SettingNames.AlertsWebhookUrl, "teams" },
        { SettingNames.CosmosEndpoint, "cosmos-example" },
        { SettingNames.OcrEngine, "gpu" },
        { SettingNames.DocumentIntelligenceEndpoint, "" },
        { SettingNames.ReviewLinkDays, "8" },
        { SettingNames.SweepSchedule, "every day at noon" },
    };

    /// <summary>
    /// The worker's start-up validation (what IHost.StartAsync runs before any function can be invoked; the host itself
    /// is not started here, it has no Functions host to talk to) stops the app with the setting's name, as the local host
    /// and the CLI do (tests/Disclosure.Tests/Infra/SettingsValidationTests).
    /// </summary>
    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_bad_setting_stops_the_app_at_start_with_its_name(string name, string value)
    {
        var settings = new Dictionary<string, string?>(FunctionsApp.AzureSettings()) { [name] = value };
        using var host = FunctionsApp.Build(settings);
        var validator = host.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>();
        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(validator.Validate);
        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_apps_own_settings_pass_the_start_up_validation()
    {
        using var host = FunctionsApp.Build(FunctionsApp.AzureSettings());
        host.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        // The OCR readers of Document Intelligence see the pipeline's size limit (one ReadLimits).
        Assert.Equal(PipelineOptions.DefaultMaxBytes, host.Services.GetRequiredService<ReadLimits>().MaxBytes);
    }
}
