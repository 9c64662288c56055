using Disclosure.Core.Engine;
using Disclosure.Ocr;
using Disclosure.Pipeline.Review;
using Disclosure.Pipeline.Sweep;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Disclosure.Pipeline.Configuration;

/// <summary>
/// Every options type of the product, registered the one way: <c>AddOptions&lt;T&gt;().ValidateOnStart()</c> with a factory
/// that reads the type through <see cref="Settings"/> and fails with every bad setting's name and reason
/// (<see cref="OptionsValidationException"/>). A host therefore stops at start on a bad setting: the generic host (local
/// host, Functions worker) through its startup validation, the CLI's one-shot commands through
/// <see cref="ValidateSettings"/>. Consumers take the plain options object (e.g. <see cref="PipelineOptions"/>) or
/// <see cref="IOptions{TOptions}"/>; both are the same validated instance.
/// </summary>
/// <remarks>
/// The configuration binder (<c>BindConfiguration</c>) is not used: it turns a blank setting into an empty relative
/// <see cref="Uri"/> (infra/ writes "" for an unset webhook), accepts any number as an enum value, and several settings
/// are not one section (Reports__Container, ReportsStorage__clientId) or have aliases (Ocr__Recognizer=paddle).
/// </remarks>
public static class SettingsOptions
{
    /// <summary>
    /// The engine's options (Pipeline__*, Engine__*, Ocr__*, DocumentIntelligence__*) and the one <see cref="ReadLimits"/>
    /// of every reader (text, HTML, DOCX, PDF, images, Document Intelligence): Pipeline__MaxBytes and
    /// Engine__DocumentTimeoutSeconds, the other budgets at their named defaults. Enough for `disclosure check`.
    /// </summary>
    public static IServiceCollection AddEngineSettings(this IServiceCollection services, IConfiguration configuration)
    {
        if (!FirstTime<EngineSettingsMarker>(services))
        {
            return services;
        }

        services.AddSettingsOptions(configuration, PipelineOptions.Read);
        services.AddSettingsOptions(configuration, EngineOptions.Read);
        services.AddSettingsOptions(configuration, OcrSettings.Read);
        services.TryAddSingleton(sp => new ReadLimits
        {
            MaxBytes = sp.GetRequiredService<PipelineOptions>().MaxBytes,
            DocumentTimeout = sp.GetRequiredService<EngineOptions>().DocumentTimeout,
        });
        return services;
    }

    /// <summary>Every options type of the hosts: the engine's, storage, Cosmos, alerts, review pages and the sweep.</summary>
    public static IServiceCollection AddDisclosureSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEngineSettings(configuration);
        if (!FirstTime<HostSettingsMarker>(services))
        {
            return services;
        }

        services.AddSettingsOptions(configuration, StorageOptions.Read);
        services.AddSettingsOptions(configuration, CosmosSettings.Read);
        services.AddSettingsOptions(configuration, AlertOptions.Read);
        services.AddSettingsOptions(configuration, ReadReviewPages);
        services.AddSettingsOptions(configuration, ReadSweep);
        return services;
    }

    /// <summary>
    /// Runs the start-up validation of every options type now (what the generic host does when it starts): for
    /// service providers that are not hosts, such as the CLI's one-shot commands.
    /// </summary>
    public static T ValidateSettings<T>(this T services)
        where T : IServiceProvider
    {
        services.GetService<IStartupValidator>()?.Validate();
        return services;
    }

    /// <summary>Reads one options type from <paramref name="configuration"/> and throws when a setting is wrong (tools, tests).</summary>
    public static T ReadValid<T>(IConfiguration configuration, Func<Settings, T> read)
        where T : class
    {
        var settings = new Settings(configuration);
        var options = read(settings);
        return settings.Errors.Count == 0 ? options : throw new OptionsValidationException(Options.DefaultName, typeof(T), settings.Errors);
    }

    private static void AddSettingsOptions<T>(this IServiceCollection services, IConfiguration configuration, Func<Settings, T> read)
        where T : class
    {
        services.AddOptions<T>().ValidateOnStart();
        services.AddSingleton<IOptionsFactory<T>>(sp => new SettingsFactory<T>(configuration, read, sp.GetServices<IValidateOptions<T>>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
    }

    private static ReviewPageOptions ReadReviewPages(Settings settings) => Guarded(settings, [SettingNames.ReviewLinkDays, SettingNames.ReviewContainer],
        () => ReviewPageOptions.From(settings.Configuration), new ReviewPageOptions());

    /// <summary>SweepOptions keeps its own parser (the sweep's file); its faults and a bad schedule become setting errors here.</summary>
    private static SweepOptions ReadSweep(Settings settings)
    {
        var options = Guarded(settings, [SettingNames.SweepDepartmentDeadline, SettingNames.SweepGovernmentDeadline],
            () => SweepOptions.From(settings.Configuration), new SweepOptions());
        if (!SweepServiceCollectionExtensions.IsOff(options.Schedule))
        {
            try
            {
                _ = SweepScheduler.Parse(options.Schedule);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or NCrontab.CrontabException)
            {
                settings.Fail(SettingNames.SweepSchedule, $"must be an NCRONTAB expression (6 fields with seconds, UTC) or \"off\", not '{options.Schedule}'.");
            }
        }

        return options;
    }

    private static T Guarded<T>(Settings settings, string[] names, Func<T> read, T fallback)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
        {
            settings.Fail(string.Join(" or ", names), "is not valid: " + ex.Message);
            return fallback;
        }
    }

    /// <summary>Composition may run more than once (each host part adds what it needs): true the first time only.</summary>
    private static bool FirstTime<TMarker>(IServiceCollection services)
        where TMarker : class
    {
        if (services.Any(d => d.ServiceType == typeof(TMarker)))
        {
            return false;
        }

        services.AddSingleton<TMarker>();
        return true;
    }

    private sealed class EngineSettingsMarker;

    private sealed class HostSettingsMarker;

    /// <summary>Creates <typeparamref name="T"/> from the settings, then applies registered validators; all faults in one exception.</summary>
    private sealed class SettingsFactory<T>(IConfiguration configuration, Func<Settings, T> read, IEnumerable<IValidateOptions<T>> validators) : IOptionsFactory<T>
        where T : class
    {
        public T Create(string name)
        {
            var settings = new Settings(configuration);
            var options = read(settings);
            var failures = new List<string>(settings.Errors);
            foreach (var validator in validators)
            {
                if (validator.Validate(name, options) is { Failed: true } result)
                {
                    failures.AddRange(result.Failures ?? [result.FailureMessage]);
                }
            }

            return failures.Count == 0 ? options : throw new OptionsValidationException(name, typeof(T), failures);
        }
    }
}

/// <summary>The OCR readers' options from Ocr__* and DocumentIntelligence__* (the OCR library itself reads no configuration).</summary>
public static class OcrSettings
{
    private static readonly Dictionary<string, OcrEngine> Engines = new(StringComparer.Ordinal)
    {
        ["local"] = OcrEngine.Local,
        ["documentintelligence"] = OcrEngine.DocumentIntelligence,
        ["document-intelligence"] = OcrEngine.DocumentIntelligence,
        ["azure"] = OcrEngine.DocumentIntelligence,
    };

    private static readonly Dictionary<string, ScanRecognizer> Recognizers = new(StringComparer.Ordinal)
    {
        ["paddle"] = ScanRecognizer.PaddleOcr,
        ["paddleocr"] = ScanRecognizer.PaddleOcr,
        ["pp-ocr"] = ScanRecognizer.PaddleOcr,
        ["ppocr"] = ScanRecognizer.PaddleOcr,
        ["tesseract"] = ScanRecognizer.Tesseract,
    };

    public static OcrOptions Read(Settings settings)
    {
        var o = new OcrOptions();
        var options = o with
        {
            Engine = settings.Choice(SettingNames.OcrEngine, o.Engine, Engines),
            Recognizer = settings.Choice(SettingNames.Local.OcrRecognizer, o.Recognizer, Recognizers),
            ModelDirectory = settings.Text(SettingNames.Local.OcrModelDirectory),
            DocumentIntelligence = o.DocumentIntelligence with
            {
                Endpoint = settings.AbsoluteUri(SettingNames.DocumentIntelligenceEndpoint),
                Key = settings.Text(SettingNames.DocumentIntelligenceKey),
            },
        };
        if (options.Engine == OcrEngine.DocumentIntelligence && options.DocumentIntelligence.Endpoint is null && settings.Text(SettingNames.DocumentIntelligenceEndpoint) is null)
        {
            settings.Fail(SettingNames.DocumentIntelligenceEndpoint, $"is required when {SettingNames.OcrEngine} is documentintelligence.");
        }

        return options;
    }

    /// <summary>Reads and validates (throws naming each bad setting): for tools that read no host configuration.</summary>
    public static OcrOptions From(IConfiguration configuration) => SettingsOptions.ReadValid(configuration, Read);
}
