using Disclosure.Cli.Output;
using Disclosure.Core.Contract;
using Disclosure.Pipeline;
using Disclosure.Pipeline.Configuration;
using Disclosure.Pipeline.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Disclosure.Tests.Infra;

/// <summary>
/// A bad setting stops every host at start, the same way: an <see cref="OptionsValidationException"/> whose message names
/// the setting (its SettingNames form, e.g. Pipeline__MaxBytes) and says what it must be. The local host (`disclosure
/// serve`) and the CLI's commands here; the Functions app in tests/Disclosure.Integration.Tests/Functions. Nothing here
/// reaches the emulators: validation runs before any hosted service starts.
/// </summary>
public sealed class SettingsValidationTests
{
    public static TheoryData<string, string> BadSettings() => new()
    {
        { SettingNames.PipelineMaxBytes, "abc" },
        { SettingNames.PipelineMaxBytes, "0" },
        { SettingNames.PipelineMaxBytes, "3000000000" },
        { SettingNames.PipelineMaxAttempts, "-1" },
        { SettingNames.PipelineMaxParallelism, "lots" },
        { SettingNames.PipelinePollIntervalMs, "0" },
        { SettingNames.ReportsContainer, "Reports_2023" },
        { SettingNames.AlertsMinSeverity, "critical" },
        { SettingNames.AlertsWebhookUrl, "teams-channel" },
        { SettingNames.AlertsTopicEndpoint, "ftp://topic.example/" },
        { SettingNames.CosmosEndpoint, "cosmos" },
        { SettingNames.EngineDocumentTimeoutSeconds, "0" },
        { SettingNames.OcrEngine, "gpu" },
        { SettingNames.Local.OcrRecognizer, "abbyy" },
        { SettingNames.ReviewLinkDays, "30" },
    };

    private static IConfiguration With(string name, string value) =>
        LocalHost.Configuration(new Dictionary<string, string?> { [SettingsReader.Key(name)] = value });

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task The_local_host_does_not_start(string name, string value)
    {
        using var host = LocalHost.BuildServeHost(With(name, value), LogLevel.None);
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
        Assert.Contains("must", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void The_CLI_commands_do_not_start(string name, string value)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => LocalHost.BuildServices(With(name, value)));
        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
        // What the command line prints (exit code 4): one line per bad setting, naming it.
        Assert.Contains(ServiceErrors.BadSettings(ex), line => line.StartsWith(name + " ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Pipeline__MaxBytes", "-5")]
    [InlineData("Engine__DocumentTimeoutSeconds", "two minutes")]
    [InlineData("Ocr__Engine", "tesseract")]
    [InlineData("DocumentIntelligence__Endpoint", "not a url")]
    public void Check_and_bench_do_not_start(string name, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [SettingsReader.Key(name)] = value }).Build();
        var ex = Assert.Throws<OptionsValidationException>(() => DisclosureComposition.CreateEngine(configuration: configuration));
        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_setting_is_named_at_once()
    {
        var configuration = LocalHost.Configuration(new Dictionary<string, string?>
        {
            [SettingsReader.Key(SettingNames.PipelineMaxBytes)] = "x",
            [SettingsReader.Key(SettingNames.PipelineMaxAttempts)] = "0",
            [SettingsReader.Key(SettingNames.AlertsMinSeverity)] = "loud",
        });
        var ex = Assert.ThrowsAny<Exception>(() => LocalHost.BuildServices(configuration));
        var lines = ServiceErrors.BadSettings(ex);
        Assert.Contains(lines, l => l.StartsWith(SettingNames.PipelineMaxBytes, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(SettingNames.PipelineMaxAttempts, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(SettingNames.AlertsMinSeverity, StringComparison.Ordinal));
    }

    [Fact]
    public void Blank_settings_keep_their_defaults_and_aliases_are_read()
    {
        // infra/ and local.settings.sample.json write "" for what they leave to the default.
        var blanks = new[]
        {
            SettingNames.PipelineMaxBytes, SettingNames.PipelineMaxAttempts, SettingNames.AlertsMinSeverity, SettingNames.AlertsWebhookUrl,
            SettingNames.AlertsTopicEndpoint, SettingNames.ReportsContainer, SettingNames.EngineDocumentTimeoutSeconds, SettingNames.OcrEngine,
        }.ToDictionary(SettingsReader.Key, _ => (string?)"");
        blanks[SettingsReader.Key(SettingNames.Local.OcrRecognizer)] = "Paddle";
        using var services = LocalHost.BuildServices(LocalHost.Configuration(blanks));

        Assert.Equal(new PipelineOptions(), services.GetRequiredService<PipelineOptions>());
        var alerts = services.GetRequiredService<AlertOptions>();
        Assert.Equal((Severity.Error, (Uri?)null, (Uri?)null), (alerts.MinSeverity, alerts.TopicEndpoint, alerts.WebhookUrl));
        Assert.Equal(Disclosure.Ocr.ScanRecognizer.PaddleOcr, services.GetRequiredService<Disclosure.Ocr.OcrOptions>().Recognizer);
        // The plain options object and IOptions<T> are one validated instance.
        Assert.Same(services.GetRequiredService<IOptions<PipelineOptions>>().Value, services.GetRequiredService<PipelineOptions>());
    }

    [Fact]
    public void One_ReadLimits_for_every_reader_from_the_pipeline_and_engine_settings()
    {
        using var services = LocalHost.BuildServices(LocalHost.Configuration(new Dictionary<string, string?>
        {
            [SettingsReader.Key(SettingNames.PipelineMaxBytes)] = "12345",
            [SettingsReader.Key(SettingNames.EngineDocumentTimeoutSeconds)] = "7",
        }));
        var limits = services.GetRequiredService<Disclosure.Core.Engine.ReadLimits>();
        Assert.Equal((12345L, TimeSpan.FromSeconds(7)), (limits.MaxBytes, limits.DocumentTimeout));
        Assert.Same(limits, services.GetRequiredService<Disclosure.Core.Engine.ReportEngine>().Limits);
        // The OCR readers (registered by role) are in the engine and under the same limits.
        var ocr = services.GetRequiredService<Disclosure.Ocr.OcrReaderSet>();
        Assert.Contains(ocr.Pdf, services.GetServices<Disclosure.Core.Engine.IDocumentReader>());
        Assert.Contains(ocr.Image, services.GetServices<Disclosure.Core.Engine.IDocumentReader>());
    }
}
