using System.Reflection;
using System.Text.Json.Nodes;
using Disclosure.Functions;
using Disclosure.Integration.Tests.Infrastructure;
using Disclosure.Pipeline.Configuration;

namespace Disclosure.Integration.Tests.Functions;

/// <summary>
/// What the Functions host learns about the triggers: the worker's generated metadata provider (worker indexing, what
/// the host asks the running worker) and functions.metadata in the build output (what the SDK wrote for deployment).
/// </summary>
public sealed class FunctionsMetadataTests
{
    [Fact]
    public async Task Generated_metadata_declares_the_event_grid_blob_trigger_and_the_timer()
    {
        var functions = await new GeneratedFunctionMetadataProvider().GetFunctionMetadataAsync(AppContext.BaseDirectory);
        var bindings = functions.ToDictionary(f => f.Name!, f => f.RawBindings!.Select(b => JsonNode.Parse(b)!.AsObject()).ToList());
        AssertTriggers(bindings);
        Assert.All(functions, f => Assert.Equal("dotnet-isolated", f.Language));
    }

    [Fact]
    public void Build_output_functions_metadata_says_the_same()
    {
        var path = FunctionsMetadataFile();
        var functions = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        var bindings = functions.ToDictionary(f => (string)f!["name"]!, f => f!["bindings"]!.AsArray().Select(b => b!.AsObject()).ToList());
        AssertTriggers(bindings);
        Assert.All(functions, f => Assert.Equal("Disclosure.Functions.dll", (string?)f!["scriptFile"]));
        Assert.Equal("Disclosure.Functions.ProcessReport.RunAsync", (string?)functions.Single(f => (string?)f!["name"] == "ProcessReport")!["entryPoint"]);
    }

    private static void AssertTriggers(IReadOnlyDictionary<string, List<JsonObject>> bindings)
    {
        Assert.Equal(["AnnualSweep", "ProcessReport"], bindings.Keys.Order(StringComparer.Ordinal));

        var blob = Assert.Single(bindings["ProcessReport"]);
        Assert.Equal("blobTrigger", (string?)blob["type"]);
        Assert.Equal("EventGrid", (string?)blob["source"]); // Flex Consumption has no polling blob trigger
        Assert.Equal("reports/{name}", (string?)blob["path"]);
        Assert.Equal(SettingNames.ReportsStorage, (string?)blob["connection"]);
        Assert.Equal("In", (string?)blob["direction"]);

        var timer = Assert.Single(bindings["AnnualSweep"]);
        Assert.Equal("timerTrigger", (string?)timer["type"]);
        Assert.Equal("%" + SettingNames.SweepSchedule + "%", (string?)timer["schedule"]);
    }

    /// <summary>
    /// functions.metadata beside Disclosure.Functions.dll in the app's build output for this configuration (the SDK
    /// writes it there and into the publish folder; it is not copied to referencing projects).
    /// </summary>
    private static string FunctionsMetadataFile()
    {
        var configuration = typeof(FunctionsMetadataTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var bin = Path.Combine(EmulatorFixture.FindRepoRoot(), "functions", "Disclosure.Functions", "bin", configuration);
        var found = Directory.EnumerateFiles(bin, "functions.metadata", SearchOption.AllDirectories)
            .Where(f => File.Exists(Path.Combine(Path.GetDirectoryName(f)!, "Disclosure.Functions.dll")) && !f.Contains($"{Path.DirectorySeparatorChar}publish{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        return Assert.Single(found);
    }
}
