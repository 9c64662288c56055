using System.Text.Json;

namespace Disclosure.Tests.Support;

/// <summary>One gold file of ../shared/gold: expected report fields, cells, ignored keys, required/forbidden codes.</summary>
public sealed record GoldFile(
    string Name,
    string? Agency,
    int? Year,
    string? Template,
    IReadOnlyDictionary<string, decimal?> Cells,
    IReadOnlySet<string> Ignore,
    IReadOnlyList<IReadOnlyList<string>> Must,
    IReadOnlyList<string> MustNot)
{
    public static IEnumerable<string> Names() =>
        Directory.GetFiles(RepoPaths.Gold, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static GoldFile Load(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Gold, name + ".json")));
        var root = doc.RootElement;
        var report = root.GetProperty("report");
        var cells = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var p in root.GetProperty("cells").EnumerateObject())
        {
            cells[p.Name] = p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetDecimal();
        }

        var ignore = root.TryGetProperty("ignore", out var ig) ? ig.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal) : [];
        var findings = root.GetProperty("findings");
        var must = findings.GetProperty("must").EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.Array ? (IReadOnlyList<string>)e.EnumerateArray().Select(x => x.GetString()!).ToList() : [e.GetString()!])
            .ToList();
        var mustNot = findings.GetProperty("must_not").EnumerateArray().Select(e => e.GetString()!).ToList();
        return new GoldFile(name,
            report.TryGetProperty("agency", out var a) ? a.GetString() : null,
            report.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number ? y.GetInt32() : null,
            report.TryGetProperty("template", out var t) ? t.GetString() : null,
            cells, ignore, must, mustNot);
    }
}
