using System.CommandLine;
using Disclosure.Sweep;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Cli.Commands;

/// <summary>
/// `disclosure registry import &lt;file&gt; --year Y`: replaces the agency registry of a year (CSV or JSON). The synthetic
/// registry of the tests and benchmark is written by a tool that does not ship (tests/Disclosure.Benchmarks: `sweep-registry`).
/// </summary>
public static class RegistryCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Registry file: CSV (id,name,aliases,region,level,parent) or JSON array" };
        var year = new Option<int>("--year") { Description = "Registry year (the report year it applies to)", Required = true };
        var import = new Command("import", "Import (replace) the agency registry of a year into Cosmos") { file, year };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"registry: {path.FullName} not found");
                return 2;
            }

            var parsed = RegistryParser.Parse(await File.ReadAllTextAsync(path.FullName, ct), path.Name);
            if (!parsed.Ok)
            {
                // All or nothing: a half-imported registry would turn good agencies into MISSING_REPORT findings.
                foreach (var error in parsed.Errors.DefaultIfEmpty("no agencies in the file"))
                {
                    Console.Error.WriteLine($"registry: {error}");
                }

                Console.Error.WriteLine("registry: nothing imported");
                return 1;
            }

            await using var services = SweepCliServices.Build();
            var y = parse.GetValue(year);
            var result = await services.GetRequiredService<IRegistryStore>().ReplaceAsync(y, parsed.Agencies, ct);
            Console.WriteLine($"registry {y}: {result.Written} agencies imported ({parsed.Agencies.Count(a => a.Level == AgencyLevel.Government)} governments), {result.Removed} removed");
            return 0;
        });

        return new Command("registry", "Agency registry used by the annual sweep") { import };
    }

    /// <summary>The registry file of `check --registry` as a matcher; null (errors printed) when it is missing or has bad rows.</summary>
    internal static async Task<AgencyNameMatcher?> LoadMatcherAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"disclosure: registry not found: {path}");
            return null;
        }

        var parsed = RegistryParser.Parse(await File.ReadAllTextAsync(path, ct), Path.GetFileName(path));
        foreach (var error in parsed.Ok ? [] : parsed.Errors.DefaultIfEmpty("no agencies in the file"))
        {
            Console.Error.WriteLine($"disclosure: registry {path}: {error}");
        }

        return parsed.Ok ? new AgencyNameMatcher(parsed.Agencies) : null;
    }
}
