using System.Text;

namespace Disclosure.Readers;

/// <summary>
/// Whitespace normalisation shared by the HTML and DOCX readers. Labels in real reports are split over inline fragments
/// (&lt;font&gt;, &lt;span&gt;, Word runs) and source line breaks; joined text must read as printed.
/// </summary>
internal static class LayoutText
{
    /// <summary>
    /// Collapses every whitespace run (including NBSP and the ideographic space U+3000) to one space and trims.
    /// A run that contains a line break and sits between two wide (CJK) characters is dropped, as a browser does,
    /// so "法人或\n其他组织" reads "法人或其他组织" while "结果 维持" keeps its space. Zero-width characters are removed.
    /// Full-width and CJK punctuation is kept as is.
    /// </summary>
    public static string Normalize(ReadOnlySpan<char> raw)
    {
        var sb = new StringBuilder(raw.Length);
        var pendingSpace = false;
        var pendingBreak = false;
        foreach (var c in raw)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || c is '\u0000')
            {
                pendingSpace = true;
                pendingBreak |= c is '\n' or '\r' or '\u2028' or '\u2029';
                continue;
            }

            if (pendingSpace && sb.Length > 0)
            {
                if (!(pendingBreak && IsWide(sb[^1]) && IsWide(c)))
                {
                    sb.Append(' ');
                }
            }

            pendingSpace = false;
            pendingBreak = false;
            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>CJK ideographs, kana, hangul, CJK and full-width punctuation, and the curly quotes and dashes used with them.</summary>
    public static bool IsWide(char c) =>
        c >= '\u2E80' && c <= '\uA4CF'
        || c >= '\uAC00' && c <= '\uD7AF'
        || char.IsSurrogate(c)
        || c >= '\uF900' && c <= '\uFAFF'
        || c >= '\uFE30' && c <= '\uFE4F'
        || c >= '\uFF00' && c <= '\uFFEF'
        || c is '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u2014' or '\u2026' or '\u00B7';
}
