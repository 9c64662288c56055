using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Disclosure.Tests.Infra;

/// <summary>
/// The Bicep compiler itself (Azure.Bicep.CommandLine.linux-x64, brought by PackageDownload in the test project): infra/
/// compiled once per run to the ARM template the infra tests read, and linted with infra/bicepconfig.json.
/// </summary>
internal static class Bicep
{
    public static string Path { get; } =
        typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;

    private static readonly Lazy<JsonObject> MainTemplate = new(() =>
    {
        var output = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"disclosure-main-{Environment.ProcessId}.json");
        var (code, text) = Run("build", InfraFiles.MainBicep, "--outfile", output);
        Assert.True(code == 0, $"bicep build infra/main.bicep failed ({code}):\n{text}");
        try
        {
            return JsonNode.Parse(File.ReadAllText(output))!.AsObject();
        }
        finally
        {
            File.Delete(output);
        }
    });

    /// <summary>infra/main.bicep compiled to ARM JSON (modules inlined as nested deployments).</summary>
    public static ArmTemplate Main => new(MainTemplate.Value);

    /// <summary>Runs the compiler; returns its exit code and everything it printed.</summary>
    public static (int ExitCode, string Output) Run(params string[] args)
    {
        Assert.True(File.Exists(Path), $"The Bicep compiler is not at {Path}: restore tests/Disclosure.Tests (PackageDownload Azure.Bicep.CommandLine.linux-x64).");
        var psi = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        // No telemetry or update check from a test run (there is no network here anyway).
        psi.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
