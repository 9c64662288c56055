using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Disclosure.Pipeline.Configuration;

namespace Disclosure.Tests.Infra;

/// <summary>
/// Every setting the code reads (Disclosure.Pipeline.Configuration.SettingNames) is set in Azure by the compiled template
/// and locally by local.settings.sample.json, and every container the code expects is created by the template.
/// </summary>
public sealed partial class SettingsCoverageTests
{
    /// <summary>
    /// Secrets that only the local emulators use. In Azure the managed identity replaces them, so infra/ must NOT set
    /// them (their presence would mean a key found its way into the deployment).
    /// </summary>
    private static readonly HashSet<string> LocalOnlySecrets =
        [SettingNames.CosmosKey, SettingNames.AlertsTopicKey, SettingNames.DocumentIntelligenceKey];

    /// <summary>
    /// The function app's settings in the compiled template, each with its value (JSON or expression text): those main
    /// passes to the function-app module (appSettings) and those the module adds itself (union(appSettings, {...})).
    /// </summary>
    internal static IReadOnlyDictionary<string, string> AppSettings()
    {
        var app = Bicep.Main.Module("function-app");
        var settings = app.PassedParameter("appSettings")!.AsObject().ToDictionary(p => p.Key, p => ArmTemplate.Text(p.Value), StringComparer.Ordinal);
        var config = Assert.Single(app.Resources, r => (string?)r["type"] == "Microsoft.Web/sites/config");
        Assert.Contains("'appsettings'", (string)config["name"]!, StringComparison.Ordinal);
        foreach (var (key, value) in ArmTemplate.CreateObjectPairs((string)config["properties"]!))
        {
            settings[key] = value;
        }

        return settings;
    }

    public static TheoryData<string> AllSettings()
    {
        var data = new TheoryData<string>();
        foreach (var name in SettingNameValues()) data.Add(name);
        return data;
    }

    public static TheoryData<string> AzureSettings()
    {
        var data = new TheoryData<string>();
        foreach (var name in SettingNameValues().Where(n => !LocalOnlySecrets.Contains(n))) data.Add(name);
        return data;
    }

    [Fact]
    public void SettingNames_lists_public_const_strings()
    {
        var names = SettingNameValues();
        Assert.Contains(SettingNames.ReportsStorage, names);
        Assert.Contains(SettingNames.SweepSchedule, names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(LocalOnlySecrets, s => Assert.Contains(s, names));
    }

    [Theory]
    [MemberData(nameof(AzureSettings))]
    public void Setting_is_set_by_infra(string setting)
    {
        var keys = AppSettings().Keys;
        // Identity-based connections are a group of keys with the setting as prefix (ReportsStorage__blobServiceUri ...).
        var set = keys.Contains(setting) || keys.Any(k => k.StartsWith(setting + "__", StringComparison.Ordinal));
        Assert.True(set, $"Setting '{setting}' is read by the code but the compiled template does not give the function app '{setting}' or '{setting}__…'.");
    }

    [Theory]
    [MemberData(nameof(AllSettings))]
    public void Setting_is_in_local_settings_sample(string setting)
    {
        var values = InfraFiles.LocalSettings();
        var set = values.ContainsKey(setting)
            || values.Keys.Any(k => k.StartsWith(setting + "__", StringComparison.Ordinal))
            // ReportsStorage__blobServiceUri is the identity-based form of the connection ReportsStorage; locally the
            // connection-string form (ReportsStorage = UseDevelopmentStorage=true) stands for the whole group.
            || (setting.IndexOf("__", StringComparison.Ordinal) is > 0 and var i && IsConnectionString(values, setting[..i]));
        Assert.True(set, $"Setting '{setting}' is read by the code but local.settings.sample.json has no Values entry for it.");
    }

    [Theory]
    [MemberData(nameof(LocalOnly))]
    public void Local_only_secret_is_not_set_by_infra(string setting) =>
        Assert.DoesNotContain(setting, AppSettings().Keys);

    public static TheoryData<string> LocalOnly() => new(LocalOnlySecrets);

    [Fact]
    public void Every_cosmos_container_the_code_expects_is_created_by_infra()
    {
        var cosmos = Bicep.Main.Module("cosmos");
        var containers = Assert.Single(cosmos.Resources, r => (string?)r["type"] == "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers");
        // One container per entry of containerNames (a copy loop), all partitioned on the code's key path.
        Assert.Equal("[length(parameters('containerNames'))]", (string?)containers["copy"]?["count"]);
        var created = cosmos.ResolveStrings(cosmos.Parameters["containerNames"]!["defaultValue"]);
        Assert.Null(cosmos.PassedParameter("containerNames")); // main keeps the module's list
        foreach (var container in ExpectedCosmosContainers())
        {
            Assert.True(created.Contains(container), $"Cosmos container '{container}' is used by the code but not created by infra/modules/cosmos.bicep (containerNames).");
        }

        var pkPath = typeof(SettingNames).Assembly.GetType("Disclosure.Pipeline.Cosmos.CosmosContainers")
            ?.GetField("PartitionKeyPath")?.GetRawConstantValue() as string ?? "/pk";
        Assert.Equal([pkPath], containers["properties"]!["resource"]!["partitionKey"]!["paths"]!.AsArray().Select(p => (string?)p));
    }

    [Fact]
    public void Cosmos_database_default_matches_the_code()
    {
        var main = Bicep.Main;
        Assert.Equal(ExpectedCosmosDatabase(), (string?)main.Parameters["cosmosDatabaseName"]!["defaultValue"]);
        Assert.Equal("[parameters('cosmosDatabaseName')]", (string?)main.Module("cosmos").PassedParameter("databaseName"));
        Assert.Matches(@"'cosmos'\).*\.outputs\.databaseName\.value\]$", AppSettings()[SettingNames.CosmosDatabase]);
    }

    [Fact]
    public void Every_blob_container_the_code_expects_is_created_by_infra()
    {
        var storage = Bicep.Main.Module("storage");
        var created = Bicep.Main.ResolveStrings(storage.PassedParameter("containerNames")); // main's variables
        foreach (var container in ExpectedBlobContainers())
        {
            Assert.True(created.Contains(container), $"Blob container '{container}' is used by the code but infra/main.bicep does not create it.");
        }

        var containers = storage.Resources.Where(r => (string?)r["type"] == "Microsoft.Storage/storageAccounts/blobServices/containers").ToList();
        Assert.Contains(containers, c => (string?)c["copy"]?["count"] == "[length(parameters('containerNames'))]");
        Assert.All(containers, c => Assert.Equal("None", (string?)c["properties"]!["publicAccess"]));
    }

    [Fact]
    public void Blob_trigger_watches_the_reports_container()
    {
        var container = ExpectedBlobContainers()[0];
        var main = Bicep.Main;
        Assert.Equal(container, main.Resolve(JsonValue.Create(AppSettings()[SettingNames.ReportsContainer]))?.ToString());
        Assert.Equal(container, main.Resolve(main.Outputs["REPORTS_CONTAINER_NAME"]!["value"])?.ToString());
        var trigger = File.ReadAllText(Path.Combine(InfraFiles.FunctionsDir, "ProcessReport.cs"));
        Assert.Contains($"BlobPath = \"{container}/{{name}}\"", trigger);
        Assert.Contains("Source = BlobTriggerSource.EventGrid", trigger);
    }

    [Fact]
    public void Sweep_schedule_default_matches_the_code()
    {
        var type = typeof(SettingNames).Assembly.GetType("Disclosure.Pipeline.Sweep.SweepOptions");
        var expected = type?.GetField("DefaultSchedule")?.GetRawConstantValue() as string ?? "0 0 17 31 1,3 *";
        Assert.Equal(expected, (string?)Bicep.Main.Parameters["sweepSchedule"]!["defaultValue"]);
        Assert.Equal("[parameters('sweepSchedule')]", AppSettings()[SettingNames.SweepSchedule]);
        Assert.Contains($"SWEEP_SCHEDULE={expected}", InfraFiles.Read("infra", "main.parameters.json"));
        Assert.Equal(expected, InfraFiles.LocalSettings()[SettingNames.SweepSchedule]);
        Assert.Equal(6, expected.Split(' ').Length); // the Functions timer wants seconds
    }

    [Fact]
    public void Functions_bindings_use_setting_names_that_exist()
    {
        var names = SettingNameValues().ToHashSet(StringComparer.Ordinal);
        var constants = typeof(SettingNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var sources = Directory.EnumerateFiles(InfraFiles.FunctionsDir, "*.cs").Select(File.ReadAllText).ToList();
        var all = string.Join("\n", sources);

        var referenced = SettingNamesRef().Matches(all).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(referenced);
        Assert.All(referenced, r => Assert.True(constants.Contains(r), $"Functions code refers to SettingNames.{r}, which does not exist."));

        // Literal %Setting% expressions or Connection = "..." must name a known setting too.
        foreach (Match m in LiteralBindingSetting().Matches(all))
        {
            var value = m.Groups["pct"].Success ? m.Groups["pct"].Value : m.Groups["conn"].Value;
            Assert.True(names.Contains(value), $"Functions binding names setting '{value}', which is not in SettingNames.");
        }

        Assert.Contains("Connection = SettingNames.ReportsStorage", all);
        Assert.Contains("\"%\" + SettingNames.SweepSchedule + \"%\"", all);
    }

    [Fact]
    public void Postdeploy_hooks_subscribe_the_blob_trigger_function()
    {
        var trigger = File.ReadAllText(Path.Combine(InfraFiles.FunctionsDir, "ProcessReport.cs"));
        Assert.Contains("[Function(nameof(ProcessReport))]", trigger);
        var outputs = Bicep.Main.Outputs;
        foreach (var hook in new[] { "postdeploy.sh", "postdeploy.ps1" })
        {
            var text = InfraFiles.Read("infra", "hooks", hook);
            Assert.Contains("ProcessReport", text);
            Assert.Contains("blobs_extension", text);
            Assert.Contains("runtime/webhooks/blobs?functionName=Host.Functions.", text);
            Assert.Contains("Microsoft.Storage.BlobCreated", text);
            Assert.Contains("/blobServices/default/containers/", text);
            foreach (Match v in HookEnvVar().Matches(text))
            {
                var output = v.Groups[1].Value;
                if (output == "LASTEXITCODE") continue; // PowerShell's, not azd's
                Assert.True(outputs.ContainsKey(output), $"{hook} reads {output} from the azd environment, but the compiled template has no such output.");
            }
        }
    }

    internal static IReadOnlyList<string> SettingNameValues() =>
        typeof(SettingNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

    private static bool IsConnectionString(IReadOnlyDictionary<string, string> values, string connection) =>
        values.TryGetValue(connection, out var v) && (v.StartsWith("UseDevelopmentStorage=", StringComparison.Ordinal) || v.Contains("Endpoint", StringComparison.Ordinal));

    /// <summary>
    /// The Cosmos containers the code uses: Disclosure.Pipeline.Cosmos.CosmosContainers.All when the pipeline defines it,
    /// otherwise the storage design of the team brief (results, receipts, alerts, registry, sweeps).
    /// </summary>
    private static IReadOnlyList<string> ExpectedCosmosContainers()
    {
        var type = typeof(SettingNames).Assembly.GetType("Disclosure.Pipeline.Cosmos.CosmosContainers");
        if (type?.GetProperty("All", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is IEnumerable<string> all)
        {
            return all.ToList();
        }

        return ["results", "receipts", "alerts", "registry", "sweeps"];
    }

    private static string ExpectedCosmosDatabase()
    {
        var type = typeof(SettingNames).Assembly.GetType("Disclosure.Pipeline.Configuration.CosmosSettings");
        return type?.GetField("DefaultDatabase")?.GetRawConstantValue() as string ?? "disclosure";
    }

    /// <summary>
    /// Blob containers the code uses, reports first: PipelineOptions.Container and SweepOptions.OutputContainer /
    /// LockContainer defaults when those types exist, otherwise the brief's `reports` and the sweep's documented names.
    /// </summary>
    private static IReadOnlyList<string> ExpectedBlobContainers()
    {
        var assembly = typeof(SettingNames).Assembly;
        string Default(string typeName, string property, string fallback)
        {
            var type = assembly.GetType(typeName);
            return type is not null && Activator.CreateInstance(type) is { } o && type.GetProperty(property)?.GetValue(o) is string v ? v : fallback;
        }

        return
        [
            Default("Disclosure.Pipeline.Configuration.PipelineOptions", "Container", "reports"),
            Default("Disclosure.Pipeline.Sweep.SweepOptions", "OutputContainer", "sweep-reports"),
            Default("Disclosure.Pipeline.Sweep.SweepOptions", "LockContainer", "sweep-locks"),
            Default("Disclosure.Pipeline.Review.ReviewPageOptions", "Container", "review-pages"),
        ];
    }

    [GeneratedRegex(@"SettingNames\.(\w+)")]
    private static partial Regex SettingNamesRef();

    [GeneratedRegex("\"%(?<pct>[A-Za-z0-9_]+)%\"|Connection\\s*=\\s*\"(?<conn>[^\"]+)\"")]
    private static partial Regex LiteralBindingSetting();

    [GeneratedRegex(@"\$\{?(?:envValues\[')?([A-Z][A-Z0-9_]{3,})")]
    private static partial Regex HookEnvVar();
}
