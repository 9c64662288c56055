using System.Reflection;
using System.Xml.Linq;

namespace Disclosure.Tests.Infra;

/// <summary>
/// Test data never ships: the Functions app and the CLI are built from functions/ projects only, and none of their
/// assemblies holds a scenario generator or seeder (those live in tests/Disclosure.Testing).
/// </summary>
public sealed partial class ShippedAssembliesTests
{
    /// <summary>The project files the Functions app is built from: its own and every project it references, transitively.</summary>
    private static IReadOnlyList<string> ProjectClosure(string project)
    {
        var seen = new List<string>();
        var todo = new Stack<string>([Path.GetFullPath(project)]);
        while (todo.TryPop(out var path))
        {
            if (seen.Contains(path))
            {
                continue;
            }

            seen.Add(path);
            foreach (var reference in XDocument.Load(path).Descendants("ProjectReference"))
            {
                var relative = reference.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar);
                todo.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, relative)));
            }
        }

        return seen;
    }

    [Theory]
    [InlineData("functions/Disclosure.Functions/Disclosure.Functions.csproj")]
    [InlineData("functions/Disclosure.Cli/Disclosure.Cli.csproj")]
    public void Shipped_apps_reference_no_test_project(string app)
    {
        var closure = ProjectClosure(Path.Combine(Disclosure.Testing.RepoPaths.Root, app));
        Assert.Contains(closure, p => p.EndsWith("Disclosure.Sweep.csproj", StringComparison.Ordinal));
        var functions = Path.Combine(Disclosure.Testing.RepoPaths.Root, "functions") + Path.DirectorySeparatorChar;
        Assert.All(closure, p => Assert.StartsWith(functions, p, StringComparison.Ordinal));
    }

    [Fact]
    public void No_shipped_assembly_holds_a_scenario_generator_or_seeder()
    {
        // Every assembly of the Functions app's closure except the app itself (not referenced here), plus the CLI.
        var names = ProjectClosure(Path.Combine(Disclosure.Testing.RepoPaths.Root, "functions/Disclosure.Functions/Disclosure.Functions.csproj"))
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => n != "Disclosure.Functions")
            .Append("disclosure")
            .ToList();
        var assemblies = names.Select(n => Assembly.Load(n!)).ToList();
        Assert.Contains(assemblies, a => a.GetName().Name == "Disclosure.Sweep");
        var generators = assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t.Name.Contains("Scenario", StringComparison.OrdinalIgnoreCase) || t.Name.Contains("Seeder", StringComparison.OrdinalIgnoreCase))
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(generators);
        Assert.All(assemblies, a => Assert.DoesNotContain(a.GetReferencedAssemblies(), r => r.Name == "Disclosure.Testing"));
    }

    [Fact]
    public void No_shipped_source_declares_a_scenario_generator_or_seeder()
    {
        // The Functions app's own project too, whose assembly this test project does not load.
        var functions = Path.Combine(Disclosure.Testing.RepoPaths.Root, "functions");
        var sources = Directory.EnumerateFiles(functions, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(sources, f => f.EndsWith("AnnualSweep.cs", StringComparison.Ordinal));
        var declaring = sources.Where(f => GeneratorDeclaration().IsMatch(File.ReadAllText(f))).Select(Path.GetFileName).ToList();
        Assert.Empty(declaring);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:class|record|struct)\s+\w*(?:Scenario|Seeder)\w*")]
    private static partial System.Text.RegularExpressions.Regex GeneratorDeclaration();
}
