using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Disclosure.Tests.Infra;

/// <summary>
/// Reading a compiled ARM template: its parameters, variables, resources and outputs, the modules (nested deployments)
/// with their own templates, and the few expression forms the tests need to resolve.
/// </summary>
internal sealed partial class ArmTemplate(JsonObject json, ArmTemplate? parent = null, JsonObject? deployment = null)
{
    public JsonObject Json { get; } = json;

    public ArmTemplate? Parent { get; } = parent;

    /// <summary>Module name (the deployment's name) for a nested template; "main" at the top.</summary>
    public string Name => deployment is null ? "main" : (string)deployment["name"]!;

    public JsonObject Parameters => Json["parameters"]?.AsObject() ?? [];

    public JsonObject Variables => Json["variables"]?.AsObject() ?? [];

    public JsonObject Outputs => Json["outputs"]?.AsObject() ?? [];

    public IEnumerable<JsonObject> Resources => (Json["resources"]?.AsArray() ?? []).Select(r => r!.AsObject());

    /// <summary>The modules: nested deployments with an inline template.</summary>
    public IEnumerable<ArmTemplate> Modules => Resources
        .Where(r => (string?)r["type"] == "Microsoft.Resources/deployments" && r["properties"]?["template"] is JsonObject)
        .Select(r => new ArmTemplate(r["properties"]!["template"]!.AsObject(), this, r));

    public ArmTemplate Module(string name) => Assert.Single(Modules, m => m.Name == name);

    /// <summary>This template and every nested one.</summary>
    public IEnumerable<ArmTemplate> All => Modules.SelectMany(m => m.All).Prepend(this);

    public IEnumerable<JsonObject> ResourcesOfType(string type) => All.SelectMany(t => t.Resources).Where(r => (string?)r["type"] == type);

    /// <summary>The value the parent passes for parameter <paramref name="name"/> of this module (its "value" node).</summary>
    public JsonNode? PassedParameter(string name) => deployment?["properties"]?["parameters"]?[name] is JsonObject o ? o["value"] : null;

    /// <summary>
    /// What the parent passes for a parameter as text: its value, or the whole expression when the compiler made one
    /// (e.g. if(cond, createObject('value', ...), ...)).
    /// </summary>
    public string PassedParameterText(string name) => Text(deployment?["properties"]?["parameters"]?[name]);

    /// <summary>A string value as it is; anything else as JSON without escaping the quotes of ARM expressions.</summary>
    public static string Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string)v! : node?.ToJsonString(Relaxed) ?? "";

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// A value as far as it is literal: a plain JSON value, `[variables('x')]`, `[parameters('x')]` (the value the parent
    /// passes, else the default) and `[variables('x').y]`; anything else is returned as the expression text.
    /// </summary>
    public JsonNode? Resolve(JsonNode? node)
    {
        if (node is not JsonValue v || v.GetValueKind() != System.Text.Json.JsonValueKind.String) return node;
        var text = (string)v!;
        if (VariableRef().Match(text) is { Success: true } m)
        {
            var value = Variables[m.Groups["name"].Value];
            if (m.Groups["member"].Success) value = value?[m.Groups["member"].Value];
            return Resolve(value);
        }

        if (ParameterRef().Match(text) is { Success: true } p)
        {
            var name = p.Groups["name"].Value;
            return PassedParameter(name) is { } passed ? Parent!.Resolve(passed) : Resolve(Parameters[name]?["defaultValue"]);
        }

        return node;
    }

    /// <summary>An array value resolved element by element in this template's scope (e.g. the containerNames main passes).</summary>
    public IReadOnlyList<string> ResolveStrings(JsonNode? node) =>
        (Resolve(node) as JsonArray ?? []).Select(e => Resolve(e)?.ToString() ?? "").ToList();

    /// <summary>
    /// The literal keys of createObject('k1', v1, 'k2', v2, ...) calls in an expression (e.g. union(..., createObject(...))),
    /// each with its value's expression text.
    /// </summary>
    public static IReadOnlyDictionary<string, string> CreateObjectPairs(string expression)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in CreateObjectCall().Matches(expression))
        {
            var args = Arguments(expression, m.Index + m.Length);
            for (var i = 0; i + 1 < args.Count; i += 2)
            {
                if (QuotedLiteral().Match(args[i].Trim()) is { Success: true } k) pairs[k.Groups[1].Value] = args[i + 1].Trim();
            }
        }

        return pairs;
    }

    /// <summary>Top-level arguments of the call whose '(' ends just before <paramref name="start"/>.</summary>
    private static List<string> Arguments(string text, int start)
    {
        var args = new List<string>();
        var depth = 0;
        var quoted = false;
        var from = start;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'') quoted = !quoted;
            if (quoted) continue;
            if (c is '(' or '[') depth++;
            else if (c is ')' or ']')
            {
                if (depth-- == 0)
                {
                    args.Add(text[from..i]);
                    return args;
                }
            }
            else if (c == ',' && depth == 0)
            {
                args.Add(text[from..i]);
                from = i + 1;
            }
        }

        throw new InvalidOperationException($"Unbalanced call in '{text}'.");
    }

    [GeneratedRegex(@"^\[variables\('(?<name>\w+)'\)(?:\.(?<member>\w+))?\]$")]
    private static partial Regex VariableRef();

    [GeneratedRegex(@"^\[parameters\('(?<name>\w+)'\)\]$")]
    private static partial Regex ParameterRef();

    [GeneratedRegex(@"\bcreateObject\(")]
    private static partial Regex CreateObjectCall();

    [GeneratedRegex(@"^'([^']*)'$")]
    private static partial Regex QuotedLiteral();
}
