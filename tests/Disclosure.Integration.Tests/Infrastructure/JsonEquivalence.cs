using System.Text.Json;
using System.Text.Json.Nodes;

namespace Disclosure.Integration.Tests.Infrastructure;

/// <summary>
/// JSON equality where numbers compare by value (the emulator is JavaScript: 21.0 comes back as 21) and property order
/// is irrelevant; returns the first difference's path for a readable failure.
/// </summary>
internal static class JsonEquivalence
{
    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                foreach (var (key, value) in e)
                {
                    if (!a.TryGetPropertyValue(key, out var other))
                    {
                        return $"{path}.{key} missing";
                    }

                    if (FirstDifference(value, other, $"{path}.{key}") is { } d)
                    {
                        return d;
                    }
                }

                return a.Select(p => p.Key).FirstOrDefault(k => !e.ContainsKey(k)) is { } extra ? $"{path}.{extra} unexpected" : null;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                {
                    return $"{path} length {e.Count} vs {a.Count}";
                }

                for (var i = 0; i < e.Count; i++)
                {
                    if (FirstDifference(e[i], a[i], $"{path}[{i}]") is { } d)
                    {
                        return d;
                    }
                }

                return null;
            case (JsonValue e, JsonValue a):
                if (e.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number)
                {
                    return e.GetValue<decimal>() == a.GetValue<decimal>() ? null : $"{path}: {e} vs {a}";
                }

                return JsonNode.DeepEquals(e, a) ? null : $"{path}: {e.ToJsonString()} vs {a.ToJsonString()}";
            default:
                return $"{path}: {expected?.ToJsonString() ?? "null"} vs {actual?.ToJsonString() ?? "null"}";
        }
    }
}
