using System.Text.RegularExpressions;

namespace Disclosure.Layout;

/// <summary>Character-level rules shared by the layout builder: what counts as a number, a heading, a page number.</summary>
internal static partial class TextRules
{
    /// <summary>A table value: a number (with separators, sign, 增/减), or a placeholder kept distinct from 0.</summary>
    public static bool IsValue(string s)
    {
        s = s.Trim();
        return s.Length > 0 && (Disclosure.Core.Vocabulary.NumberShapes.LayoutValue().IsMatch(s) || Disclosure.Core.Vocabulary.Placeholders.ForLayout.Contains(s));
    }

    public static bool IsHeading(string s) => HeadingRegex().IsMatch(s.TrimStart());

    /// <summary>Text that opens an enumerated item: 二、 （三） (3) 4. — never the continuation of a wrapped label.</summary>
    public static bool StartsItem(string s) => IsHeading(s) || ItemRegex().IsMatch(s.TrimStart());

    /// <summary>One of the six section headings of the report (not a table row label such as 一、本年新收…).</summary>
    public static bool IsSectionHeading(string s) => SectionRegex().IsMatch(s.Replace(" ", "", StringComparison.Ordinal));

    public static bool IsPageNumber(string s) => PageNumberRegex().IsMatch(s.Trim());

    public static bool IsCjk(char c) => c >= 0x2E80;

    /// <summary>Joins two word texts on one line: no space between CJK or punctuation, a space between Latin words.</summary>
    public static string Join(string left, string right)
    {
        if (left.Length == 0)
        {
            return right;
        }

        if (right.Length == 0)
        {
            return left;
        }

        var a = left[^1];
        var b = right[0];
        return IsCjk(a) || IsCjk(b) || char.IsPunctuation(a) || char.IsPunctuation(b) ? left + right : left + " " + right;
    }

    /// <summary>
    /// OCR reads digits as letters now and then (O/0, l/1, S/5); inside a value-shaped token they are repaired. Only applied
    /// when most of the token is already digits, so words are never turned into numbers.
    /// </summary>
    public static string RepairDigits(string s)
    {
        var stripped = s.Trim('“', '”', '"', '\'', '‘', '’', '`', '^', '~', '。', '，', ',', '.');
        if (stripped.Length > 0 && stripped.Length < s.Length && stripped.All(char.IsAsciiDigit))
        {
            return stripped;
        }

        var digits = s.Count(char.IsAsciiDigit);
        if (digits == 0 || digits * 2 < s.Length)
        {
            return s;
        }

        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                '，' => ',',
                '。' => '.',
                _ => LookalikeDigit(chars[i]),
            };
        }

        var repaired = new string(chars);
        return IsValue(repaired) ? repaired : s;
    }

    /// <summary>The digit a letter OCR confuses with one stands for (O/0, l/1, S/5, B/8, Z/2); any other character as it is.</summary>
    public static char LookalikeDigit(char c) => c switch
    {
        'O' or 'o' or 'D' or 'Q' => '0',
        'l' or 'I' or '|' or 'i' or '!' => '1',
        'S' or 's' => '5',
        'B' => '8',
        'Z' or 'z' => '2',
        _ => c,
    };

    [GeneratedRegex(@"^([一二三四五六七八九十]{1,3}\s*[、.．]|（[一二三四五六七八九十]{1,3}）|\([一二三四五六七八九十]{1,3}\))")]
    private static partial Regex HeadingRegex();

    [GeneratedRegex(@"^[0-9]{1,2}\s*[.．、]\s*\D")]
    private static partial Regex ItemRegex();

    [GeneratedRegex(@"^[一二三四五六][、.．](总体情况|主动公开|收到和处理|政府信息公开行政复议|存在的主要问题|其他需要报告)")]
    private static partial Regex SectionRegex();

    [GeneratedRegex(@"^([-—–－\s]*[0-9]{1,4}[-—–－\s]*|第\s*[0-9]{1,4}\s*页(\s*[/，,]?\s*共\s*[0-9]{1,4}\s*页)?|[0-9]{1,4}\s*/\s*[0-9]{1,4})$")]
    private static partial Regex PageNumberRegex();
}
