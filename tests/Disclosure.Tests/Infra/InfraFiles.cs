using System.Text.Json;
using System.Text.RegularExpressions;

namespace Disclosure.Tests.Infra;

/// <summary>
/// Reads the deployment files as text. No Bicep compiler can be installed on the build machines, so these tests
/// check what a compiler and a reviewer would: names, references and settings line up between code and infra/.
/// </summary>
internal static partial class InfraFiles
{
    public static string Root => Disclosure.Tests.Support.RepoPaths.Root;

    public static string InfraDir => Path.Combine(Root, "infra");

    public static string FunctionsDir => Path.Combine(Root, "functions", "Disclosure.Functions");

    public static IReadOnlyList<string> BicepFiles { get; } =
        Directory.EnumerateFiles(Path.Combine(Root, "infra"), "*.bicep", SearchOption.AllDirectories).Order().ToList();

    public static string Read(params string[] relative) => File.ReadAllText(Path.Combine([Root, .. relative]));

    /// <summary>All Bicep text, comments removed so that a comment never counts as a setting or a resource.</summary>
    public static string AllBicep { get; } = string.Join("\n", BicepFiles.Select(f => StripComments(File.ReadAllText(f))));

    public static string StripComments(string bicep) => LineComment().Replace(BlockComment().Replace(bicep, ""), "");

    /// <summary>Keys of object literals in Bicep (e.g. app settings): `  Name__Part: value`.</summary>
    public static IReadOnlySet<string> BicepObjectKeys { get; } =
        ObjectKey().Matches(AllBicep).Select(m => m.Groups["key"].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>The Values of local.settings.sample.json.</summary>
    public static IReadOnlyDictionary<string, string> LocalSettings()
    {
        using var doc = JsonDocument.Parse(Read("local.settings.sample.json"));
        return doc.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
    }

    /// <summary>Parameters declared in a Bicep file: name -> has a default value.</summary>
    public static IReadOnlyDictionary<string, bool> Params(string bicep) =>
        ParamDecl().Matches(StripComments(bicep)).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["default"].Success);

    public static IReadOnlySet<string> Outputs(string bicep) =>
        OutputDecl().Matches(StripComments(bicep)).Select(m => m.Groups["name"].Value).ToHashSet();

    /// <summary>Module declarations: symbol, path relative to the file, and the top-level keys of its params block.</summary>
    public static IEnumerable<(string Symbol, string Path, IReadOnlySet<string> ParamKeys)> Modules(string bicep)
    {
        var text = StripComments(bicep);
        foreach (Match m in ModuleDecl().Matches(text))
        {
            var open = text.IndexOf('{', m.Index + m.Length - 1);
            var body = Block(text, open);
            var paramsAt = ParamsBlock().Match(body);
            var keys = paramsAt.Success ? TopLevelKeys(Block(body, paramsAt.Index + paramsAt.Length - 1)) : new HashSet<string>();
            yield return (m.Groups["symbol"].Value, m.Groups["path"].Value, keys);
        }
    }

    /// <summary>The text between the brace at <paramref name="open"/> and its partner, exclusive.</summary>
    public static string Block(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '{') depth++;
            else if (text[i] == '}' && --depth == 0) return text[(open + 1)..i];
        }

        throw new InvalidOperationException($"Unbalanced braces from offset {open}.");
    }

    /// <summary>Keys at nesting depth 0 of an object body (values spanning lines, arrays and objects are skipped).</summary>
    public static IReadOnlySet<string> TopLevelKeys(string body)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var depth = 0;
        foreach (var line in body.Split('\n'))
        {
            if (depth == 0 && KeyAtLineStart().Match(line) is { Success: true } k) keys.Add(k.Groups["key"].Value);
            foreach (var c in line)
            {
                if (c is '{' or '[' or '(') depth++;
                else if (c is '}' or ']' or ')') depth--;
            }
        }

        return keys;
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    // Bicep has no '//' inside the strings these files use except URLs ('https://'); keep those by requiring no ':' before.
    [GeneratedRegex(@"(?<![:'])//[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"^\s*'?(?<key>[A-Za-z_][A-Za-z0-9_]*)'?\s*:", RegexOptions.Multiline)]
    private static partial Regex ObjectKey();

    [GeneratedRegex(@"^\s*'?(?<key>[A-Za-z_][A-Za-z0-9_-]*)'?\s*:")]
    private static partial Regex KeyAtLineStart();

    [GeneratedRegex(@"^param\s+(?<name>\w+)\s+\w+(?<default>\s*=)?", RegexOptions.Multiline)]
    private static partial Regex ParamDecl();

    [GeneratedRegex(@"^output\s+(?<name>\w+)\s", RegexOptions.Multiline)]
    private static partial Regex OutputDecl();

    [GeneratedRegex(@"^module\s+(?<symbol>\w+)\s+'(?<path>[^']+)'\s*=\s*\{", RegexOptions.Multiline)]
    private static partial Regex ModuleDecl();

    [GeneratedRegex(@"\n\s*params:\s*\{")]
    private static partial Regex ParamsBlock();
}
