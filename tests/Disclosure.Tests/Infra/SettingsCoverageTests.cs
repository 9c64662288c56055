using System.Reflection;
using System.Text.RegularExpressions;
using Disclosure.Pipeline.Configuration;

namespace Disclosure.Tests.Infra;

/// <summary>
/// Every setting the code reads (Disclosure.Pipeline.Configuration.SettingNames) is set in Azure by infra/ and locally
/// by local.settings.sample.json, and every container the code expects is created by infra/.
/// </summary>
public sealed partial class SettingsCoverageTests
{
    /// <summary>
    /// Secrets that only the local emulators use. In Azure the managed identity replaces them, so infra/ must NOT set
    /// them (their presence would mean a key found its way into the deployment).
    /// </summary>
    private static readonly HashSet<string> LocalOnlySecrets =
        [SettingNames.CosmosKey, SettingNames.AlertsTopicKey, SettingNames.DocumentIntelligenceKey];

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
        var keys = InfraFiles.BicepObjectKeys;
        // Identity-based connections are a group of keys with the setting as prefix (ReportsStorage__blobServiceUri ...).
        var set = keys.Contains(setting) || keys.Any(k => k.StartsWith(setting + "__", StringComparison.Ordinal));
        Assert.True(set, $"Setting '{setting}' is read by the code but no .bicep file under infra/ sets it (as '{setting}:' or '{setting}__…:').");
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
        Assert.DoesNotContain(setting, InfraFiles.BicepObjectKeys);

    public static TheoryData<string> LocalOnly() => new(LocalOnlySecrets);

    [Fact]
    public void Every_cosmos_container_the_code_expects_is_created_by_infra()
    {
        var cosmos = InfraFiles.StripComments(InfraFiles.Read("infra", "modules", "cosmos.bicep"));
        var start = cosmos.IndexOf("param containerNames array = [", StringComparison.Ordinal);
        Assert.True(start >= 0, "infra/modules/cosmos.bicep must declare `param containerNames array = [...]`.");
        var list = cosmos[start..cosmos.IndexOf(']', start)];
        var declared = QuotedStrings().Matches(list).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(declared);
        foreach (var container in ExpectedCosmosContainers())
        {
            Assert.True(declared.Contains(container), $"Cosmos container '{container}' is used by the code but not created in infra/modules/cosmos.bicep (containerNames).");
        }

        var pkPath = typeof(SettingNames).Assembly.GetType("Disclosure.Pipeline.Cosmos.CosmosContainers")
            ?.GetField("PartitionKeyPath")?.GetRawConstantValue() as string ?? "/pk";
        Assert.Matches(@"paths:\s*\[\s*'" + Regex.Escape(pkPath) + @"'\s*\]", cosmos);
    }

    [Fact]
    public void Cosmos_database_default_matches_the_code()
    {
        var main = InfraFiles.StripComments(InfraFiles.Read("infra", "main.bicep"));
        Assert.Matches(@"param cosmosDatabaseName string = '" + Regex.Escape(ExpectedCosmosDatabase()) + "'", main);
        Assert.Contains("Cosmos__Database: cosmos.outputs.databaseName", main);
    }

    [Fact]
    public void Every_blob_container_the_code_expects_is_created_by_infra()
    {
        var main = InfraFiles.StripComments(InfraFiles.Read("infra", "main.bicep"));
        var vars = VarDecl().Matches(main).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);
        var start = main.IndexOf("containerNames: [", StringComparison.Ordinal);
        Assert.True(start >= 0, "infra/main.bicep must pass `containerNames: [...]` to the storage module.");
        var created = main[start..main.IndexOf(']', start)]
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(e => e.StartsWith('\'') ? e.Trim('\'') : vars.GetValueOrDefault(e, e))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var container in ExpectedBlobContainers())
        {
            Assert.True(created.Contains(container), $"Blob container '{container}' is used by the code but infra/main.bicep does not create it.");
        }

        var storage = InfraFiles.StripComments(InfraFiles.Read("infra", "modules", "storage.bicep"));
        Assert.Contains("for containerName in containerNames", storage);
        Assert.Contains("allowSharedKeyAccess: false", storage);
    }

    [Fact]
    public void Blob_trigger_watches_the_reports_container()
    {
        var container = ExpectedBlobContainers()[0];
        var main = InfraFiles.StripComments(InfraFiles.Read("infra", "main.bicep"));
        Assert.Contains($"var reportsContainerName = '{container}'", main);
        Assert.Contains("Reports__Container: reportsContainerName", main);
        var trigger = File.ReadAllText(Path.Combine(InfraFiles.FunctionsDir, "ProcessReport.cs"));
        Assert.Contains($"BlobPath = \"{container}/{{name}}\"", trigger);
        Assert.Contains("Source = BlobTriggerSource.EventGrid", trigger);
    }

    [Fact]
    public void Sweep_schedule_default_matches_the_code()
    {
        var type = typeof(SettingNames).Assembly.GetType("Disclosure.Pipeline.Sweep.SweepOptions");
        var expected = type?.GetField("DefaultSchedule")?.GetRawConstantValue() as string ?? "0 0 17 31 1,3 *";
        Assert.Contains($"param sweepSchedule string = '{expected}'", InfraFiles.Read("infra", "main.bicep"));
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
                Assert.True(InfraFiles.Outputs(InfraFiles.Read("infra", "main.bicep")).Contains(output),
                    $"{hook} reads {output} from the azd environment, but infra/main.bicep has no such output.");
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

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex QuotedStrings();

    [GeneratedRegex(@"^var\s+(?<name>\w+)\s*=\s*'(?<value>[^']*)'", RegexOptions.Multiline)]
    private static partial Regex VarDecl();

    [GeneratedRegex(@"SettingNames\.(\w+)")]
    private static partial Regex SettingNamesRef();

    [GeneratedRegex("\"%(?<pct>[A-Za-z0-9_]+)%\"|Connection\\s*=\\s*\"(?<conn>[^\"]+)\"")]
    private static partial Regex LiteralBindingSetting();

    [GeneratedRegex(@"\$\{?(?:envValues\[')?([A-Z][A-Z0-9_]{3,})")]
    private static partial Regex HookEnvVar();
}
