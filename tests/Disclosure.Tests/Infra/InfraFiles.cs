using System.Text.Json;

namespace Disclosure.Tests.Infra;

/// <summary>Where the deployment files are, and the local settings sample. The Bicep itself is read compiled (<see cref="Bicep"/>).</summary>
internal static class InfraFiles
{
    public static string Root => Disclosure.Testing.RepoPaths.Root;

    public static string InfraDir => Path.Combine(Root, "infra");

    public static string MainBicep => Path.Combine(InfraDir, "main.bicep");

    public static string FunctionsDir => Path.Combine(Root, "functions", "Disclosure.Functions");

    public static string Read(params string[] relative) => File.ReadAllText(Path.Combine([Root, .. relative]));

    /// <summary>The Values of local.settings.sample.json.</summary>
    public static IReadOnlyDictionary<string, string> LocalSettings()
    {
        using var doc = JsonDocument.Parse(Read("local.settings.sample.json"));
        return doc.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
    }
}
