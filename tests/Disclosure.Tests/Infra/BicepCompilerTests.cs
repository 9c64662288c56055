namespace Disclosure.Tests.Infra;

/// <summary>infra/ as the Bicep compiler sees it: it compiles, and the linter (its warnings raised to errors by infra/bicepconfig.json) finds nothing.</summary>
public sealed class BicepCompilerTests
{
    [Fact]
    public void Main_template_compiles_to_a_subscription_deployment_with_every_module()
    {
        var main = Bicep.Main;
        Assert.Contains("subscriptionDeploymentTemplate", (string?)main.Json["$schema"]);
        Assert.Equal(
            ["alerts-topic", "cosmos", "document-intelligence", "function-app", "identity", "monitoring", "rbac", "storage"],
            main.Modules.Select(m => m.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Lint_finds_nothing()
    {
        var (code, output) = Bicep.Run("lint", InfraFiles.MainBicep);
        Assert.True(code == 0 && !output.Contains("Warning", StringComparison.Ordinal) && !output.Contains("Error", StringComparison.Ordinal),
            $"bicep lint infra/main.bicep ({code}):\n{output}");
    }

    [Fact]
    public void Bicepconfig_turns_a_linter_warning_into_an_error()
    {
        // The check must be able to fail: an unused variable (a warning by default) under infra/bicepconfig.json.
        var dir = Directory.CreateTempSubdirectory("disclosure-bicep-").FullName;
        try
        {
            File.Copy(Path.Combine(InfraFiles.InfraDir, "bicepconfig.json"), Path.Combine(dir, "bicepconfig.json"));
            var file = Path.Combine(dir, "unused.bicep");
            File.WriteAllText(file, "var unused = 'x'\n");
            var (code, output) = Bicep.Run("lint", file);
            Assert.NotEqual(0, code);
            Assert.Contains("Error no-unused-vars", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
