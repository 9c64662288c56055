using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;

namespace Disclosure.Sweep;

/// <summary>The outcome of parsing a registry file: the agencies read and a message per rejected line.</summary>
public sealed record RegistryParseResult(IReadOnlyList<Agency> Agencies, IReadOnlyList<string> Errors)
{
    public bool Ok => Errors.Count == 0 && Agencies.Count > 0;
}

/// <summary>
/// Parses an agency registry from CSV (header: id,name,aliases,region,level,parent; aliases separated by ';' or '|')
/// or JSON (an array of objects with the same fields, aliases as an array or a separated string).
/// Bad rows become errors, never exceptions; duplicate ids are rejected.
/// </summary>
public static class RegistryParser
{
    private static readonly char[] AliasSeparators = [';', '|', '；', '、'];

    public static RegistryParseResult Parse(string content, string fileName) =>
        fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || content.TrimStart().StartsWith('[') || content.TrimStart().StartsWith('{')
            ? ParseJson(content)
            : ParseCsv(content);

    public static RegistryParseResult ParseCsv(string content)
    {
        var rows = new List<RawAgency>();
        var errors = new List<string>();
        var options = new CsvReaderOptions
        {
            TrimWhitespace = true,
            DetectSeparatorHint = true,
            NormalizeHeaderName = h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant(),
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
        };
        try
        {
            using var csv = CsvReader.FromText(content.TrimStart('\uFEFF'), options);
            var header = csv.Headers ?? [];
            if (header.Count == 0)
            {
                return new RegistryParseResult([], ["registry CSV is empty"]);
            }

            foreach (var required in new[] { "id", "name", "level" })
            {
                if (!header.Contains(required))
                {
                    errors.Add($"registry CSV lacks the column '{required}' (expected id,name,aliases,region,level,parent)");
                }
            }

            if (errors.Count > 0)
            {
                return new RegistryParseResult([], errors);
            }

            string? Field(string name) => header.Contains(name) ? csv.GetStringOrNull(name) : null;
            var line = 1;
            while (csv.Read())
            {
                line++;
                rows.Add(new RawAgency
                {
                    Line = line,
                    Id = Field("id"),
                    Name = Field("name"),
                    AliasText = Field("aliases"),
                    Region = Field("region"),
                    Level = Field("level"),
                    Parent = Field("parent"),
                });
            }
        }
        catch (CsvFormatException ex)
        {
            return new RegistryParseResult([], [$"registry CSV could not be read: {ex.Message.Split('\n')[0]}"]);
        }

        return Build(rows, errors);
    }

    public static RegistryParseResult ParseJson(string content)
    {
        List<RawAgency>? rows;
        try
        {
            using var doc = JsonDocument.Parse(content);
            var array = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("agencies", out var inner)
                ? inner
                : doc.RootElement;
            if (array.ValueKind != JsonValueKind.Array)
            {
                return new RegistryParseResult([], ["registry JSON must be an array of agencies or { \"agencies\": [...] }"]);
            }

            rows = [];
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                index++;
                var raw = item.Deserialize<RawAgency>(JsonOptions) ?? new RawAgency();
                rows.Add(raw with { Line = index });
            }
        }
        catch (JsonException ex)
        {
            return new RegistryParseResult([], [$"registry JSON could not be read: {ex.Message}"]);
        }

        return Build(rows, []);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    private static RegistryParseResult Build(List<RawAgency> rows, List<string> errors)
    {
        var agencies = new List<Agency>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var where = $"entry {row.Line}";
            var id = row.Id?.Trim();
            var name = row.Name?.Trim();
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(name))
            {
                errors.Add($"{where}: id and name are required");
                continue;
            }

            // Ids become Cosmos ids and blob path segments: keep them to a safe alphabet.
            if (id.Length > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                errors.Add($"{where}: id '{id}' must be 1–64 characters of letters, digits, '-', '_' or '.'");
                continue;
            }

            if (ParseLevel(row.Level) is not { } level)
            {
                errors.Add($"{where}: level '{row.Level}' must be department or government");
                continue;
            }

            if (!seen.Add(id))
            {
                errors.Add($"{where}: duplicate id '{id}'");
                continue;
            }

            var aliases = (row.Aliases ?? row.AliasText?.Split(AliasSeparators) ?? [])
                .Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToList();
            agencies.Add(new Agency(id, name, aliases, row.Region?.Trim() ?? "", level, string.IsNullOrWhiteSpace(row.Parent) ? null : row.Parent.Trim()));
        }

        return new RegistryParseResult(agencies, errors);
    }

    public static AgencyLevel? ParseLevel(string? level) => level?.Trim().ToLowerInvariant() switch
    {
        "department" or "部门" or "dept" => AgencyLevel.Department,
        "government" or "政府" or "gov" => AgencyLevel.Government,
        _ => null,
    };

    /// <summary>Writes a registry as CSV in the import format (used by generators and exports).</summary>
    public static string ToCsv(IEnumerable<Agency> agencies)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions(), false))
        {
            csv.WriteRecord(["id", "name", "aliases", "region", "level", "parent"]);
            foreach (var a in agencies)
            {
                csv.WriteRecord([a.Id, a.Name, string.Join(';', a.Aliases), a.Region, a.Level == AgencyLevel.Government ? "government" : "department", a.Parent ?? ""]);
            }
        }

        return writer.ToString();
    }

    private sealed record RawAgency
    {
        [JsonIgnore]
        public int Line { get; init; }

        public string? Id { get; init; }

        public string? Name { get; init; }

        [JsonConverter(typeof(AliasesConverter))]
        public IReadOnlyList<string>? Aliases { get; init; }

        [JsonIgnore]
        public string? AliasText { get; init; }

        public string? Region { get; init; }

        public string? Level { get; init; }

        public string? Parent { get; init; }
    }

    /// <summary>Aliases as a JSON array or as one separated string.</summary>
    private sealed class AliasesConverter : JsonConverter<IReadOnlyList<string>>
    {
        public override IReadOnlyList<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString()!.Split(AliasSeparators),
            JsonTokenType.StartArray => JsonSerializer.Deserialize<List<string>>(ref reader, options),
            JsonTokenType.Null => null,
            _ => throw new JsonException("aliases must be an array of strings or a string"),
        };

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, options);
    }
}
