using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Disclosure.Core.Vocabulary;

namespace Disclosure.Core.Extraction;

public enum CellKind
{
    /// <summary>Nothing, or a placeholder such as '/', '-', '—', '无': distinct from 0.</summary>
    Blank,
    Number,
    Text,
}

/// <summary>A table cell's text parsed as a contract value (report-contract.md §3).</summary>
public readonly record struct CellValue(CellKind Kind, decimal? Value, string Raw, string? Note)
{
    public bool IsEmpty => Kind == CellKind.Blank && Raw.Length == 0;
}

/// <summary>Parses cell text: thousands separators, full-width digits, 增/减, notes, placeholders.</summary>
public static partial class CellValueParser
{
    public static CellValue Parse(string raw)
    {
        var text = TextNorm.Nfkc(raw).Trim();
        if (text.Length == 0)
        {
            return new CellValue(CellKind.Blank, null, raw.Trim(), null);
        }

        if (Placeholders.ForCells.Contains(text))
        {
            return new CellValue(CellKind.Blank, null, raw.Trim(), null);
        }

        // Fast paths for the common cases: a plain integer, or a label that cannot start a number.
        var first = text[0];
        if (!char.IsAsciiDigit(first) && first is not ('+' or '-' or '增' or '减'))
        {
            return new CellValue(CellKind.Text, null, raw.Trim(), null);
        }

        if (text.Length <= 9 && IsAsciiDigits(text))
        {
            return new CellValue(CellKind.Number, int.Parse(text, CultureInfo.InvariantCulture), raw.Trim(), null);
        }

        var m = NumberShapes.CellNumber().Match(text);
        if (!m.Success)
        {
            return new CellValue(CellKind.Text, null, raw.Trim(), null);
        }

        var rest = m.Groups["rest"].Value.Trim();
        if (rest.Length > 0 && !NoteStart().IsMatch(rest))
        {
            return new CellValue(CellKind.Text, null, raw.Trim(), null);
        }

        var digits = m.Groups["num"].Value.Replace(",", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return new CellValue(CellKind.Text, null, raw.Trim(), null);
        }

        var sign = m.Groups["sign"].Value;
        if (sign is "-" or "减" or "减少")
        {
            value = -value;
        }

        return new CellValue(CellKind.Number, value, raw.Trim(), rest.Length > 0 ? rest : null);
    }

    private static bool IsAsciiDigits(string s)
    {
        foreach (var ch in s)
        {
            if (!char.IsAsciiDigit(ch))
            {
                return false;
            }
        }

        return true;
    }

    // What may follow a number in the same cell: a bracketed note or a unit.
    [GeneratedRegex(@"^([(\[【<]|件|条|个|项|次|人|万元|元|份|%)")]
    private static partial Regex NoteStart();
}

/// <summary>Text normalisation for matching labels: NFKC (full-width to half-width), no whitespace.</summary>
public static class TextNorm
{
    public static string Nfkc(string s) => s.IsNormalized(NormalizationForm.FormKC) ? s : s.Normalize(NormalizationForm.FormKC);

    /// <summary>NFKC, whitespace removed, Chinese quotes unified; for comparing labels.</summary>
    public static string Compact(string s)
    {
        var n = Nfkc(s);
        var sb = new StringBuilder(n.Length);
        foreach (var ch in n)
        {
            if (!char.IsWhiteSpace(ch))
            {
                sb.Append(ch switch { '“' or '”' or '「' or '」' => '"', '、' => '、', _ => ch });
            }
        }

        return sb.ToString();
    }
}
