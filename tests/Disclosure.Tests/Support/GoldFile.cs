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
    /// <summary>Every non-ignored gold cell the result does not give exactly (null = blank or absent).</summary>
    public IReadOnlyList<string> CellDifferences(Disclosure.Core.Contract.ReportResult result)
    {
        var wrong = new List<string>();
        foreach (var (key, expected) in Cells)
        {
            if (Ignore.Contains(key))
            {
                continue;
            }

            var has = result.Cells.TryGetValue(key, out var actual);
            if (expected is null ? has && actual is not null : !has || actual != expected)
            {
                wrong.Add($"{key}: expected {expected?.ToString() ?? "null"}, got {(has ? actual?.ToString() ?? "null" : "absent")}");
            }
        }

        return wrong;
    }

    /// <summary>Required codes missing (each entry: any one of its codes) and forbidden codes raised, as messages.</summary>
    public IReadOnlyList<string> FindingDifferences(Disclosure.Core.Contract.ReportResult result)
    {
        var codes = result.Findings.Select(f => f.Code).ToHashSet(StringComparer.Ordinal);
        return Must.Where(any => !any.Any(codes.Contains)).Select(any => $"missing one of [{string.Join(", ", any)}]")
            .Concat(MustNot.Where(codes.Contains).Select(code => $"forbidden {code} raised"))
            .ToList();
    }

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
