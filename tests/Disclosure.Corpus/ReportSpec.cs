using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Disclosure.Core.Contract;
using Disclosure.Core.Vocabulary;

namespace Disclosure.Corpus;

/// <summary>A report to render: its metadata, every canonical cell (null = printed blank), and what a reader must find.</summary>
public sealed record ReportSpec(string Name, string Agency, int Year, TemplateVersion Template, SortedDictionary<string, decimal?> Cells)
{
    /// <summary>Keys whose value is not compared (ambiguous in the source).</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>A planted error, described for the expected file.</summary>
    public string? Planted { get; init; }

    /// <summary>A 2021-format report that keeps the 2019 single （六）其他处理 row in table 3 (the result's template is "mixed").</summary>
    public bool OldOtherRow { get; init; }

    /// <summary>The program that made the document (chromium, libreoffice) and how (the template variant), for the expected file.</summary>
    public string Producer { get; init; } = "chromium";

    public string? Variant { get; init; }

    /// <summary>The format of table 3's rows.</summary>
    public TemplateVersion Table3Template => OldOtherRow ? TemplateVersion.V2019 : Template;

    public static readonly string[] ArithmeticCodes = [FindingCodes.T3RowTotal, FindingCodes.T3Balance, FindingCodes.T3ResultsTotal, FindingCodes.T4Total];

    /// <summary>
    /// The arithmetic findings the cells imply, by the contract's rules: a check with a blank cell is skipped (the blank
    /// is the finding, BLANK_CELL; report-contract.md §4, last line), as the validator does.
    /// </summary>
    public SortedSet<string> ExpectedArithmetic()
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        decimal? V(string k) => Cells.TryGetValue(k, out var v) ? v : null;
        var rows = CanonicalKeys.Table3Rows(Table3Template);
        foreach (var row in rows)
        {
            var parts = CanonicalKeys.Table3Parts.Select(c => V($"t3.{row}.{c}")).ToList();
            var total = V($"t3.{row}.total");
            if (total.HasValue && parts.All(p => p.HasValue) && parts.Sum(p => p!.Value) != total)
            {
                codes.Add(FindingCodes.T3RowTotal);
            }
        }

        var outcomes = Table3Template == TemplateVersion.V2019 ? CanonicalKeys.Table3Outcomes2019 : CanonicalKeys.Table3Outcomes2021;
        foreach (var col in CanonicalKeys.Table3Columns)
        {
            var a = V($"t3.new_received.{col}");
            var b = V($"t3.carried_over.{col}");
            var t = V($"t3.results_total.{col}");
            var f = V($"t3.carried_forward.{col}");
            if (a.HasValue && b.HasValue && t.HasValue && f.HasValue && a + b != t + f)
            {
                codes.Add(FindingCodes.T3Balance);
            }

            var outs = outcomes.Select(o => V($"t3.{o}.{col}")).ToList();
            if (t.HasValue && outs.All(o => o.HasValue) && outs.Sum(o => o!.Value) != t)
            {
                codes.Add(FindingCodes.T3ResultsTotal);
            }
        }

        foreach (var g in CanonicalKeys.Table4Groups)
        {
            var parts = new[] { "upheld", "corrected", "other", "pending" }.Select(c => V($"t4.{g}.{c}")).ToList();
            var total = V($"t4.{g}.total");
            if (total.HasValue && parts.All(p => p.HasValue) && parts.Sum(p => p!.Value) != total)
            {
                codes.Add(FindingCodes.T4Total);
            }
        }

        return codes;
    }

    public static ReportSpec FromGold(string path)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        var report = json["report"]!;
        var cells = new SortedDictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var (key, value) in json["cells"]!.AsObject())
        {
            cells[key] = value is null ? null : value.GetValue<decimal>();
        }

        var template = TemplateNames.Parse((string?)report["template"]) ?? TemplateVersion.V2019;
        return new ReportSpec("seed-" + Path.GetFileNameWithoutExtension(path)[..3], (string)report["agency"]!, (int)report["year"]!, template, cells)
        {
            Ignore = json["ignore"]?.AsArray().Select(n => (string)n!).ToList() ?? [],
        };
    }

    /// <summary>A consistent random report: every total adds up.</summary>
    public static ReportSpec Random(string name, Random rng)
    {
        var template = rng.Next(2) == 0 ? TemplateVersion.V2019 : TemplateVersion.V2021;
        var year = template == TemplateVersion.V2019 ? 2019 + rng.Next(2) : 2021 + rng.Next(4);
        string[] places = ["安阳市文峰区", "开封市鼓楼区", "洛阳市西工区", "南阳市宛城区", "信阳市浉河区", "周口市川汇区", "鹤壁市淇滨区", "许昌市魏都区"];
        string[] kinds = ["人民政府", "人民政府办公室", "自然资源局", "市场监督管理局", "教育局"];
        var agency = places[rng.Next(places.Length)] + kinds[rng.Next(kinds.Length)];
        var cells = new SortedDictionary<string, decimal?>(StringComparer.Ordinal);
        int Small() => rng.Next(10) < 4 ? 0 : rng.Next(10) < 8 ? rng.Next(1, 20) : rng.Next(20, 400);

        foreach (var (row, cols) in CanonicalKeys.Table2(template))
        {
            foreach (var col in cols)
            {
                cells[$"t2.{row}.{col}"] = col switch
                {
                    "amount" => Math.Round((decimal)(rng.NextDouble() * 9000), rng.Next(2) == 0 ? 2 : 4),
                    "change" => rng.Next(-5, 15),
                    _ => rng.Next(10) < 3 ? rng.Next(1000, 99999) : Small(),
                };
            }
        }

        var outcomes = template == TemplateVersion.V2019 ? CanonicalKeys.Table3Outcomes2019 : CanonicalKeys.Table3Outcomes2021;
        foreach (var col in CanonicalKeys.Table3Parts)
        {
            var busy = col == "natural" ? 3 : 1;
            decimal sum = 0;
            foreach (var o in outcomes)
            {
                var v = rng.Next(10) < 6 ? 0 : rng.Next(0, 12 * busy);
                cells[$"t3.{o}.{col}"] = v;
                sum += v;
            }

            var forward = rng.Next(3) == 0 ? rng.Next(0, 5) : 0;
            var carried = rng.Next(3) == 0 ? rng.Next(0, Math.Max(1, (int)sum + forward)) : 0;
            carried = (int)Math.Min(carried, sum + forward);
            cells[$"t3.results_total.{col}"] = sum;
            cells[$"t3.carried_forward.{col}"] = forward;
            cells[$"t3.carried_over.{col}"] = carried;
            cells[$"t3.new_received.{col}"] = sum + forward - carried;
        }

        foreach (var row in CanonicalKeys.Table3Rows(template))
        {
            cells[$"t3.{row}.total"] = CanonicalKeys.Table3Parts.Sum(c => cells[$"t3.{row}.{c}"] ?? 0);
        }

        foreach (var g in CanonicalKeys.Table4Groups)
        {
            decimal sum = 0;
            foreach (var c in new[] { "upheld", "corrected", "other", "pending" })
            {
                var v = rng.Next(10) < 5 ? 0 : rng.Next(0, 9);
                cells[$"t4.{g}.{c}"] = v;
                sum += v;
            }

            cells[$"t4.{g}.total"] = sum;
        }

        return new ReportSpec(name, agency, year, template, cells);
    }

    /// <summary>The same report with one planted arithmetic error.</summary>
    public ReportSpec WithError(Random rng)
    {
        var cells = new SortedDictionary<string, decimal?>(Cells, StringComparer.Ordinal);
        var choice = rng.Next(3);
        string key = choice switch
        {
            0 => "t4." + CanonicalKeys.Table4Groups[rng.Next(3)] + ".total",
            1 => "t3.results_total.total",
            _ => "t3.granted.total",
        };
        cells[key] = (cells[key] ?? 0) + rng.Next(1, 9);
        return this with { Name = Name + "-err", Cells = cells, Planted = key };
    }

    /// <summary>The same 2021 report with table 3's three （六） rows printed as the old single row (their sum).</summary>
    public ReportSpec WithOldOtherRow()
    {
        if (Template != TemplateVersion.V2021)
        {
            return this;
        }

        var cells = new SortedDictionary<string, decimal?>(Cells, StringComparer.Ordinal);
        foreach (var col in CanonicalKeys.Table3Columns)
        {
            string[] parts = [$"t3.other_no_correction.{col}", $"t3.other_no_fee.{col}", $"t3.other_other.{col}"];
            cells[$"t3.other.{col}"] = parts.Sum(k => cells[k] ?? 0);
            foreach (var k in parts)
            {
                cells.Remove(k);
            }
        }

        return this with { Cells = cells, OldOtherRow = true };
    }

    /// <summary>The same report with <paramref name="count"/> zero cells outside the totals printed blank (or <c>/</c>): null, sums unchanged.</summary>
    public ReportSpec WithBlanks(Random rng, int count)
    {
        var cells = new SortedDictionary<string, decimal?>(Cells, StringComparer.Ordinal);
        var zeros = cells.Where(kv => kv.Value == 0 && !kv.Key.EndsWith(".total", StringComparison.Ordinal) && !kv.Key.Contains("results_total", StringComparison.Ordinal)
            && !kv.Key.Contains("new_received", StringComparison.Ordinal) && !kv.Key.Contains("carried", StringComparison.Ordinal)).Select(kv => kv.Key).ToList();
        foreach (var key in zeros.OrderBy(_ => rng.Next()).Take(count))
        {
            cells[key] = null;
        }

        return this with { Cells = cells };
    }

    public string ExpectedJson()
    {
        var o = new JsonObject
        {
            ["name"] = Name,
            ["report"] = new JsonObject { ["agency"] = Agency, ["year"] = Year, ["template"] = OldOtherRow ? TemplateNames.Mixed : TemplateNames.Name(Template) },
            ["producer"] = Producer,
            ["variant"] = Variant,
            ["cells"] = new JsonObject(Cells.Select(kv => KeyValuePair.Create(kv.Key, kv.Value is { } v ? (JsonNode?)JsonValue.Create(v) : null))),
            ["ignore"] = new JsonArray([.. Ignore.Select(i => (JsonNode?)JsonValue.Create(i))]),
            ["arithmetic"] = new JsonArray([.. ExpectedArithmetic().Select(c => (JsonNode?)JsonValue.Create(c))]),
            ["planted"] = Planted,
        };
        return o.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public static string Format(decimal? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";
}
