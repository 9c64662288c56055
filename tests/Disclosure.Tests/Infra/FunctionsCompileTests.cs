using System.Reflection;
using Disclosure.Pipeline.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Disclosure.Tests.Infra;

/// <summary>
/// functions/Disclosure.Functions cannot be restored on the build machines, so nothing else would notice when the
/// pipeline's API moves under it. These tests compile its sources with Roslyn against the real Disclosure.* assemblies
/// and stand-ins for the Functions worker API (FunctionsWorkerApi.stub, shapes checked against the official
/// docs/samples), then run its composition with local.settings.sample.json.
/// </summary>
public sealed class FunctionsCompileTests
{
    private static readonly Lazy<(IReadOnlyList<string> Errors, byte[] Image)> Compiled = new(Compile);

    [Fact]
    public void Functions_sources_compile_against_the_pipeline()
    {
        var errors = Compiled.Value.Errors;
        Assert.True(errors.Count == 0, "functions/Disclosure.Functions does not compile against the pipeline:\n" + string.Join("\n", errors));
    }

    public static TheoryData<string> SettingSets() => new("local.settings.sample.json", "infra (identity-based)");

    [Theory]
    [MemberData(nameof(SettingSets))]
    public void Functions_app_composes(string settingSet)
    {
        Assert.Empty(Compiled.Value.Errors);
        var assembly = Assembly.Load(Compiled.Value.Image);
        var builderType = assembly.GetType("Microsoft.Azure.Functions.Worker.Builder.FunctionsApplicationBuilder")!;
        var builder = Activator.CreateInstance(builderType)!;
        var configuration = (IConfigurationBuilder)builderType.GetProperty("Configuration")!.GetValue(builder)!;
        var settings = settingSet.StartsWith("local", StringComparison.Ordinal) ? InfraFiles.LocalSettings() : AzureSettings();
        configuration.AddInMemoryCollection(settings
            .Select(kv => new KeyValuePair<string, string?>(kv.Key.Replace("__", ":", StringComparison.Ordinal), kv.Value)));

        assembly.GetType("Disclosure.Functions.FunctionsComposition")!.GetMethod("AddDisclosureFunctions")!.Invoke(null, [builder]);
        var services = (IServiceCollection)builderType.GetProperty("Services")!.GetValue(builder)!;
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "SweepScheduler");

        using var host = (IHost)builderType.GetMethod("Build")!.Invoke(builder, null)!;
        foreach (var function in new[] { "Disclosure.Functions.ProcessReport", "Disclosure.Functions.AnnualSweep" })
        {
            // Constructing the function class resolves everything it needs (pipeline, sweep, stores, clients); no I/O.
            var instance = ActivatorUtilities.CreateInstance(host.Services, assembly.GetType(function)!);
            Assert.NotNull(instance);
        }
    }

    /// <summary>
    /// What infra/main.bicep sets in Azure, with example endpoints: no key anywhere, every client on the managed identity.
    /// Building clients makes no network call, so this runs offline.
    /// </summary>
    private static IReadOnlyDictionary<string, string> AzureSettings()
    {
        var values = new Dictionary<string, string>
        {
            ["ReportsStorage__blobServiceUri"] = "https://stexample.blob.core.windows.net/",
            ["ReportsStorage__queueServiceUri"] = "https://stexample.queue.core.windows.net/",
            ["ReportsStorage__credential"] = "managedidentity",
            ["ReportsStorage__clientId"] = "00000000-0000-0000-0000-000000000001",
            ["Reports__Container"] = "reports",
            ["Cosmos__Endpoint"] = "https://cosmos-example.documents.azure.com:443/",
            ["Cosmos__Database"] = "disclosure",
            ["Alerts__TopicEndpoint"] = "https://evgt-example.eastasia-1.eventgrid.azure.net/api/events",
            ["Alerts__MinSeverity"] = "error",
            ["Alerts__WebhookUrl"] = "",
            ["Ocr__Engine"] = "documentintelligence",
            ["DocumentIntelligence__Endpoint"] = "https://di-example.cognitiveservices.azure.com/",
            ["Sweep__Schedule"] = "0 0 17 31 1,3 *",
            ["AZURE_CLIENT_ID"] = "00000000-0000-0000-0000-000000000001",
        };
        // Every key above is one infra/ really sets (keeps this list honest when infra changes).
        Assert.All(values.Keys, k => Assert.Contains(k, InfraFiles.BicepObjectKeys));
        return values;
    }

    [Fact]
    public void A_broken_call_is_reported()
    {
        // The check itself must be able to fail.
        var tree = CSharpSyntaxTree.ParseText("class C { void N() => System.Console.NoSuchMethod(); }", Options);
        var diagnostics = CSharpCompilation.Create("Broken", [tree], References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Contains(diagnostics, d => d.Id == "CS0117");
    }

    private static readonly CSharpParseOptions Options = new(LanguageVersion.Preview);

    // The SDK's implicit usings (ImplicitUsings=enable in Directory.Build.props) and the project's ExecutionContext alias.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using ExecutionContext = System.Threading.ExecutionContext;
        """;

    private static (IReadOnlyList<string> Errors, byte[] Image) Compile()
    {
        var sources = Directory.EnumerateFiles(InfraFiles.FunctionsDir, "*.cs").Order()
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), Options, f))
            .Append(CSharpSyntaxTree.ParseText(InfraFiles.Read("tests", "Disclosure.Tests", "Infra", "FunctionsWorkerApi.stub"), Options, "FunctionsWorkerApi.stub"))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, Options, "ImplicitUsings.cs"))
            .Append(CSharpSyntaxTree.ParseText(LoggerMessageBodies(), Options, "LoggerMessageBodies.cs"))
            .ToList();
        Assert.True(sources.Count >= 7, "Expected Program.cs, the composition, the log messages and the two functions.");

        var compilation = CSharpCompilation.Create("Disclosure.Functions.Check", sources, References(),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var pe = new MemoryStream();
        var result = compilation.Emit(pe);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        return (errors, pe.ToArray());
    }

    /// <summary>
    /// The [LoggerMessage] bodies the logging source generator would write (a bare compilation runs no generator):
    /// each partial declaration in FunctionsLog.cs gets an empty implementation with the same signature.
    /// </summary>
    private static string LoggerMessageBodies()
    {
        var text = File.ReadAllText(Path.Combine(InfraFiles.FunctionsDir, "FunctionsLog.cs"));
        var bodies = System.Text.RegularExpressions.Regex.Matches(text, @"public static partial void (\w+\([^)]*\));")
            .Select(m => $"    public static partial void {m.Groups[1].Value} {{ }}");
        return "namespace Disclosure.Functions;\nusing Microsoft.Extensions.Logging;\ninternal static partial class FunctionsLog\n{\n"
            + string.Join("\n", bodies) + "\n}\n";
    }

    private static List<MetadataReference> References()
    {
        // The framework (trusted platform assemblies) and every assembly beside the tests: the Disclosure.* projects
        // and their Azure and Microsoft.Extensions dependencies.
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
            .Where(p => !Path.GetFileName(p).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First());
        var references = new List<MetadataReference>();
        foreach (var path in paths)
        {
            try
            {
                AssemblyName.GetAssemblyName(path); // skips native DLLs
                references.Add(MetadataReference.CreateFromFile(path));
            }
            catch (BadImageFormatException)
            {
            }
        }

        Assert.Contains(references, r => r.Display?.EndsWith(typeof(SettingNames).Assembly.GetName().Name + ".dll", StringComparison.Ordinal) == true);
        return references;
    }
}
