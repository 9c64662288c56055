using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Disclosure.Pipeline.Configuration;

/// <summary>
/// Reads settings by their <see cref="SettingNames"/> name ('__' in the name is ':' in IConfiguration) and collects what
/// is wrong with them, each message naming the setting and the reason, instead of falling back on a default. A blank
/// value counts as unset (infra/ and local.settings.sample.json write "" for settings they leave to the default).
/// Options types read themselves through it (e.g. <see cref="PipelineOptions.Read"/>); <see cref="SettingsOptions"/>
/// registers them so that every host fails at start, the same way, when one is wrong.
/// </summary>
public sealed partial class Settings(IConfiguration configuration)
{
    private readonly List<string> _errors = [];

    /// <summary>What is wrong, one line per setting ("Pipeline__MaxBytes must be …, not 'abc'").</summary>
    public IReadOnlyList<string> Errors => _errors;

    public IConfiguration Configuration => configuration;

    /// <summary>The raw value, or null when unset or blank.</summary>
    public string? Text(string name) =>
        configuration[SettingsReader.Key(name)] is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    public void Fail(string name, string reason) => _errors.Add($"{name} {reason}");

    /// <summary>A whole number in [min, max]; otherwise an error naming <paramref name="what"/> (e.g. "a number of bytes").</summary>
    public long Int64(string name, long fallback, long min, long max, string what)
    {
        if (Text(name) is not { } text)
        {
            return fallback;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Fail(name, $"must be {what} from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, not '{Shown(text)}'.");
        return fallback;
    }

    public int Int32(string name, int fallback, int min, int max, string what) => (int)Int64(name, fallback, min, max, what);

    /// <summary>An absolute http(s) URI, or null when unset.</summary>
    public Uri? AbsoluteUri(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri;
        }

        Fail(name, $"must be an absolute http(s) URL, not '{Shown(text)}'.");
        return null;
    }

    /// <summary>One of <paramref name="choices"/> (case-insensitive keys); unset gives <paramref name="fallback"/>.</summary>
    public T Choice<T>(string name, T fallback, IReadOnlyDictionary<string, T> choices)
    {
        if (Text(name) is not { } text)
        {
            return fallback;
        }

        if (choices.TryGetValue(text.ToLowerInvariant(), out var value))
        {
            return value;
        }

        Fail(name, $"must be one of {string.Join(", ", choices.Keys)}, not '{Shown(text)}'.");
        return fallback;
    }

    /// <summary>A blob container name as the storage service accepts it (3–63 lowercase letters, digits, single hyphens).</summary>
    public string Container(string name, string fallback)
    {
        var value = Text(name) ?? fallback;
        if (ContainerName().IsMatch(value))
        {
            return value;
        }

        Fail(name, $"must be a blob container name (3 to 63 lowercase letters, digits and single hyphens), not '{Shown(value)}'.");
        return fallback;
    }

    /// <summary>A value echoed in an error message: bounded, control characters replaced (settings can come from anywhere).</summary>
    private static string Shown(string text)
    {
        var bounded = text.Length > 80 ? text[..80] + "…" : text;
        return new string([.. bounded.Select(c => char.IsControl(c) ? '?' : c)]);
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$")]
    private static partial Regex ContainerName();
}
