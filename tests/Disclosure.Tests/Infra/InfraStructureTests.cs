using System.Text.Json;
using System.Text.RegularExpressions;

namespace Disclosure.Tests.Infra;

/// <summary>
/// What a Bicep compiler would catch, checked as text: module paths, module parameters and outputs line up, every
/// parameter and output is documented, azure.yaml points at real files.
/// </summary>
public sealed partial class InfraStructureTests
{
    public static TheoryData<string> Bicep()
    {
        var data = new TheoryData<string>();
        foreach (var f in InfraFiles.BicepFiles) data.Add(Path.GetRelativePath(InfraFiles.InfraDir, f));
        return data;
    }

    [Fact]
    public void Infra_has_main_and_modules()
    {
        Assert.Contains(InfraFiles.BicepFiles, f => Path.GetFileName(f) == "main.bicep");
        Assert.True(InfraFiles.BicepFiles.Count >= 8, "Expected main.bicep plus one module per concern.");
    }

    [Theory]
    [MemberData(nameof(Bicep))]
    public void Brackets_balance(string file)
    {
        var text = StripStrings(InfraFiles.StripComments(File.ReadAllText(Path.Combine(InfraFiles.InfraDir, file))));
        foreach (var (open, close) in new[] { ('{', '}'), ('[', ']'), ('(', ')') })
        {
            var depth = 0;
            foreach (var c in text)
            {
                if (c == open) depth++;
                else if (c == close) depth--;
                Assert.True(depth >= 0, $"{file}: '{close}' without '{open}'.");
            }

            Assert.True(depth == 0, $"{file}: {depth} unclosed '{open}'.");
        }
    }

    [Theory]
    [MemberData(nameof(Bicep))]
    public void Every_param_and_output_is_described(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(InfraFiles.InfraDir, file));
        for (var i = 0; i < lines.Length; i++)
        {
            if (!Regex.IsMatch(lines[i], @"^(param|output)\s")) continue;
            var j = i - 1;
            var described = false;
            while (j >= 0 && (lines[j].StartsWith('@') || lines[j].StartsWith("  ", StringComparison.Ordinal) || lines[j] is "])" or "})"))
            {
                described |= lines[j].StartsWith("@description(", StringComparison.Ordinal);
                j--;
            }

            Assert.True(described, $"{file}:{i + 1}: '{lines[i].Trim()}' has no @description.");
        }
    }

    [Theory]
    [MemberData(nameof(Bicep))]
    public void Modules_exist_and_get_only_declared_params(string file)
    {
        var path = Path.Combine(InfraFiles.InfraDir, file);
        foreach (var (symbol, modulePath, keys) in InfraFiles.Modules(File.ReadAllText(path)))
        {
            var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, modulePath));
            Assert.True(File.Exists(target), $"{file}: module {symbol} points at missing {modulePath}.");
            var declared = InfraFiles.Params(File.ReadAllText(target));
            foreach (var key in keys)
            {
                Assert.True(declared.ContainsKey(key), $"{file}: module {symbol} passes '{key}', which {modulePath} does not declare.");
            }

            foreach (var (name, hasDefault) in declared)
            {
                Assert.True(hasDefault || keys.Contains(name), $"{file}: module {symbol} does not pass required parameter '{name}' of {modulePath}.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Bicep))]
    public void Module_outputs_used_exist(string file)
    {
        var path = Path.Combine(InfraFiles.InfraDir, file);
        var text = File.ReadAllText(path);
        var modules = InfraFiles.Modules(text).ToDictionary(m => m.Symbol, m => m.Path);
        foreach (Match use in OutputUse().Matches(InfraFiles.StripComments(text)))
        {
            var symbol = use.Groups["symbol"].Value;
            Assert.True(modules.TryGetValue(symbol, out var modulePath), $"{file}: '{use.Value}' uses an unknown module {symbol}.");
            var outputs = InfraFiles.Outputs(File.ReadAllText(Path.Combine(Path.GetDirectoryName(path)!, modulePath!)));
            Assert.True(outputs.Contains(use.Groups["output"].Value), $"{file}: '{use.Value}': {modulePath} has no output {use.Groups["output"].Value}.");
        }
    }

    [Fact]
    public void Parameters_file_matches_main()
    {
        var main = InfraFiles.Params(InfraFiles.Read("infra", "main.bicep"));
        using var doc = JsonDocument.Parse(InfraFiles.Read("infra", "main.parameters.json"));
        var passed = doc.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.All(passed, p => Assert.True(main.ContainsKey(p), $"main.parameters.json sets '{p}', which main.bicep does not declare."));
        Assert.All(main.Where(p => !p.Value), p => Assert.True(passed.Contains(p.Key), $"main.bicep requires '{p.Key}' but main.parameters.json does not set it."));
    }

    [Fact]
    public void Function_app_is_flex_consumption_dotnet_isolated_with_the_azd_service_tag()
    {
        var app = InfraFiles.StripComments(InfraFiles.Read("infra", "modules", "function-app.bicep"));
        Assert.Contains("name: 'FC1'", app);
        Assert.Contains("tier: 'FlexConsumption'", app);
        Assert.Contains("name: 'dotnet-isolated'", app);
        Assert.Matches(@"version: '10\.0'", app);
        // Flex Consumption rejects these as app settings (the runtime is in functionAppConfig).
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", app + InfraFiles.AllBicep);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", InfraFiles.AllBicep);
        Assert.Contains("'azd-service-name': serviceName", app);

        var service = AzureYamlService();
        Assert.Contains($"serviceName: '{service.Name}'", InfraFiles.StripComments(InfraFiles.Read("infra", "main.bicep")));
    }

    [Fact]
    public void Azure_yaml_points_at_the_functions_project_and_hooks()
    {
        var service = AzureYamlService();
        Assert.Equal("function", service.Host);
        Assert.Equal("dotnet", service.Language);
        var project = Path.GetFullPath(Path.Combine(InfraFiles.Root, service.Project));
        Assert.True(Directory.EnumerateFiles(project, "*.csproj").Any(), $"azure.yaml project {service.Project} has no .csproj.");
        Assert.True(File.Exists(Path.Combine(project, "host.json")), "The Functions project needs host.json.");

        var yaml = InfraFiles.Read("azure.yaml");
        foreach (Match run in Regex.Matches(yaml, @"run:\s*(\S+)"))
        {
            Assert.True(File.Exists(Path.Combine(InfraFiles.Root, run.Groups[1].Value)), $"azure.yaml hook {run.Groups[1].Value} is missing.");
        }

        Assert.Contains("postdeploy:", yaml);
        Assert.Contains("path: infra", yaml);
    }

    [Fact]
    public void Host_json_is_functions_v2_with_blob_settings()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(InfraFiles.FunctionsDir, "host.json")));
        Assert.Equal("2.0", doc.RootElement.GetProperty("version").GetString());
        var blobs = doc.RootElement.GetProperty("extensions").GetProperty("blobs");
        Assert.True(blobs.GetProperty("maxDegreeOfParallelism").GetInt32() > 0);
    }

    [Fact]
    public void Functions_project_pins_worker_2x_packages_outside_central_management()
    {
        var csproj = File.ReadAllText(Path.Combine(InfraFiles.FunctionsDir, "Disclosure.Functions.csproj"));
        Assert.Contains("<ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>", csproj);
        Assert.Matches("Include=\"Microsoft.Azure.Functions.Worker\" Version=\"2\\.", csproj);
        Assert.Matches("Include=\"Microsoft.Azure.Functions.Worker.Sdk\" Version=\"2\\.", csproj);
        Assert.Matches("Include=\"Microsoft.Azure.Functions.Worker.Extensions.Storage.Blobs\" Version=\"6\\.", csproj);
        Assert.Contains("Microsoft.Azure.Functions.Worker.Extensions.Timer", csproj);
        var slnf = InfraFiles.Read("Serverless.Local.slnf");
        Assert.DoesNotContain("Disclosure.Functions", slnf); // not restorable on the build machines
        Assert.Contains("Disclosure.Functions.csproj", InfraFiles.Read("Serverless.sln"));
    }

    private static (string Name, string Project, string Language, string Host) AzureYamlService()
    {
        var yaml = InfraFiles.Read("azure.yaml").ReplaceLineEndings("\n");
        var m = Regex.Match(yaml, @"\nservices:\n  (?<name>[\w-]+):\n(?<body>(?:    .*\n)+)");
        Assert.True(m.Success, "azure.yaml has no services entry.");
        string Field(string key) => Regex.Match(m.Groups["body"].Value, $@"^\s+{key}:\s*(\S+)", RegexOptions.Multiline).Groups[1].Value;
        return (m.Groups["name"].Value, Field("project"), Field("language"), Field("host"));
    }

    private static string StripStrings(string bicep) => Regex.Replace(bicep, @"'(?:[^'\\]|\\.)*'", "''");

    [GeneratedRegex(@"\b(?<symbol>\w+)\.outputs\.(?<output>\w+)")]
    private static partial Regex OutputUse();
}
