using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Disclosure.Core.Contract;

/// <summary>The one JSON shape of results, used by the command line, the stores and the events.</summary>
public static class ResultJson
{
    /// <summary>camelCase, Chinese kept readable, nulls in <c>cells</c> written (null is meaningful there).</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Serialize(ReportResult result, bool indented = false) =>
        JsonSerializer.Serialize(result, indented ? Indented : Options);

    public static ReportResult? Deserialize(string json) => JsonSerializer.Deserialize<ReportResult>(json, Options);
}
