using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Disclosure.Tests.Infra;

/// <summary>
/// The compiled template's shape: parameters and outputs documented, the parameters file matching, the Flex
/// Consumption app azd deploys to; azure.yaml, host.json and the Functions project file beside it.
/// </summary>
public sealed partial class InfraStructureTests
{
    [Fact]
    public void Every_param_and_output_is_described()
    {
        foreach (var template in Bicep.Main.All)
        {
            foreach (var (kind, items) in new[] { ("param", template.Parameters), ("output", template.Outputs) })
            {
                foreach (var (name, value) in items)
                {
                    Assert.True(!string.IsNullOrWhiteSpace((string?)value?["metadata"]?["description"]), $"{template.Name}: {kind} '{name}' has no @description.");
                }
            }
        }
    }

    [Fact]
    public void Parameters_file_matches_main()
    {
        var main = Bicep.Main.Parameters;
        using var doc = JsonDocument.Parse(InfraFiles.Read("infra", "main.parameters.json"));
        var passed = doc.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.All(passed, p => Assert.True(main.ContainsKey(p), $"main.parameters.json sets '{p}', which main.bicep does not declare."));
        foreach (var (name, value) in main)
        {
            Assert.True(value!.AsObject().ContainsKey("defaultValue") || passed.Contains(name), $"main.bicep requires '{name}' but main.parameters.json does not set it.");
        }
    }

    [Fact]
    public void Function_app_is_flex_consumption_dotnet_isolated_with_the_azd_service_tag()
    {
        var app = Bicep.Main.Module("function-app");
        var plan = Assert.Single(app.Resources, r => (string?)r["type"] == "Microsoft.Web/serverfarms");
        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        var site = Assert.Single(app.Resources, r => (string?)r["type"] == "Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        var runtime = site["properties"]!["functionAppConfig"]!["runtime"]!;
        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]);

        // Flex Consumption rejects these as app settings (the runtime is in functionAppConfig).
        var settings = SettingsCoverageTests.AppSettings();
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", settings.Keys);

        // azd finds the app by its tag: azd-service-name = the service name of azure.yaml.
        var tags = ArmTemplate.CreateObjectPairs((string)site["tags"]!);
        Assert.Equal("parameters('serviceName')", tags["azd-service-name"]);
        Assert.Equal(AzureYamlService().Name, (string?)app.PassedParameter("serviceName"));
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
    public void Functions_project_is_built_by_the_test_command_with_central_versions()
    {
        var csproj = File.ReadAllText(Path.Combine(InfraFiles.FunctionsDir, "Disclosure.Functions.csproj"));
        Assert.DoesNotMatch(@"<PackageReference[^>]+Version=", csproj); // versions are central
        var props = InfraFiles.Read("Directory.Packages.props");
        foreach (var (package, version) in new[]
                 {
                     ("Microsoft.Azure.Functions.Worker", "2.52.0"), ("Microsoft.Azure.Functions.Worker.Sdk", "2.1.0"),
                     ("Microsoft.Azure.Functions.Worker.Extensions.Storage.Blobs", "6.8.2"), ("Microsoft.Azure.Functions.Worker.Extensions.Timer", "4.3.1"),
                     ("Microsoft.Azure.Functions.Worker.ApplicationInsights", "2.51.0"), ("Microsoft.ApplicationInsights.WorkerService", "2.23.0"),
                 })
        {
            Assert.Contains($"<PackageVersion Include=\"{package}\" Version=\"{version}\" />", props);
        }

        // NuGet taking another version than the one named must fail the build, not pass silently.
        Assert.DoesNotContain("NU1603", InfraFiles.Read("Directory.Build.props"));
        using var slnf = JsonDocument.Parse(InfraFiles.Read("Serverless.Local.slnf"));
        Assert.Contains("functions/Disclosure.Functions/Disclosure.Functions.csproj",
            slnf.RootElement.GetProperty("solution").GetProperty("projects").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("Disclosure.Functions.csproj", InfraFiles.Read("Serverless.sln"));
        Assert.DoesNotContain("-warnaserror", InfraFiles.Read("scripts", "test.sh"), StringComparison.OrdinalIgnoreCase);
    }

    internal static (string Name, string Project, string Language, string Host) AzureYamlService()
    {
        var yaml = InfraFiles.Read("azure.yaml").ReplaceLineEndings("\n");
        var m = Regex.Match(yaml, @"\nservices:\n  (?<name>[\w-]+):\n(?<body>(?:    .*\n)+)");
        Assert.True(m.Success, "azure.yaml has no services entry.");
        string Field(string key) => Regex.Match(m.Groups["body"].Value, $@"^\s+{key}:\s*(\S+)", RegexOptions.Multiline).Groups[1].Value;
        return (m.Groups["name"].Value, Field("project"), Field("language"), Field("host"));
    }
}
