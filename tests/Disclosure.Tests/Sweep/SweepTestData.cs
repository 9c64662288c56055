using System.Globalization;
using System.Text.Json;
using Disclosure.Core.Contract;
using Disclosure.Sweep;

namespace Disclosure.Tests.Sweep;

/// <summary>Loads the sweep rule cases (Cases/sweep-rules.json beside this file, read from the repository).</summary>
public static class SweepTestData
{
    public static string RepoRoot() => Disclosure.Testing.RepoPaths.Root;

    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "tests", "Disclosure.Tests", "Sweep", "Cases", "sweep-rules.json"))));

    public static IReadOnlyList<Agency> Registry() =>
        RegistryParser.ParseJson(Document.Value.RootElement.GetProperty("registry").GetRawText()).Agencies;

    public static IEnumerable<object[]> CaseNames() =>
        Document.Value.RootElement.GetProperty("cases").EnumerateArray().Select(c => new object[] { c.GetProperty("name").GetString()! });

    public static JsonElement Case(string name) =>
        Document.Value.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static List<StoredReportSummary> Reports(JsonElement reports, int year)
    {
        var list = new List<StoredReportSummary>();
        var i = 0;
        foreach (var r in reports.EnumerateArray())
        {
            i++;
            var agency = r.GetProperty("agency").ValueKind == JsonValueKind.Null ? null : r.GetProperty("agency").GetString();
            var cells = new Dictionary<string, decimal?>();
            if (r.TryGetProperty("cells", out var c))
            {
                foreach (var p in c.EnumerateObject())
                {
                    cells[p.Name] = p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetDecimal();
                }
            }

            list.Add(new StoredReportSummary
            {
                Id = $"r{year}-{i}",
                BlobName = r.TryGetProperty("blob", out var b) ? b.GetString()! : $"{year}/upload-{i}.pdf",
                Agency = agency,
                Year = year,
                Cells = cells,
                PublishedAt = ParsePublished(r.GetProperty("published").GetString()!),
            });
        }

        return list;
    }

    /// <summary>A bare date is a Beijing-time date.</summary>
    public static DateTimeOffset ParsePublished(string value) => value.Length == 10
        ? new DateTimeOffset(DateTime.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture), DeadlinePolicy.ChinaOffset)
        : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

    public static string Render(Finding f) =>
        $"{f.Code}:{string.Join(',', f.Cells)}:{f.Expected?.ToString(CultureInfo.InvariantCulture)}:{f.Actual?.ToString(CultureInfo.InvariantCulture)}";
}
