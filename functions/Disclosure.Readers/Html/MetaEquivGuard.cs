namespace Disclosure.Readers.Html;

/// <summary>
/// Renames the http-equiv attribute of every &lt;meta&gt; tag before the parser sees the page. The parser reads a
/// Content-Type meta's content for a charset in time quadratic in its length (a 40 KB content value: 1.6 GB allocated;
/// CsCheck seed 5j9a_…: 3.5 GB for a 123 KB page), and nothing here needs it: the bytes are decoded before parsing
/// (<see cref="TextDecoder.DecodeHtml"/>) and a string cannot change its encoding. One linear pass that tracks quoted
/// attribute values the way the tokenizer does, so markup inside a value is not taken for a tag.
/// </summary>
internal static class MetaEquivGuard
{
    private const string Attribute = "http-equiv";

    /// <summary>What replaces the attribute's name: the same length, so positions in the page do not move.</summary>
    private const string Disarmed = "data-equiv";

    public static string Disarm(string html)
    {
        char[]? edited = null;
        var i = 0;
        while ((i = html.IndexOf("<meta", i, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            i += 5;
            if (i < html.Length && !IsSpace(html[i]) && html[i] != '/' && html[i] != '>')
            {
                continue; // <metadata…, not a meta tag
            }

            i = ScanTag(html, i, ref edited);
        }

        return edited is null ? html : new string(edited);
    }

    /// <summary>Walks one tag's attributes from <paramref name="i"/>; returns the index after its closing '&gt;'.</summary>
    private static int ScanTag(string html, int i, ref char[]? edited)
    {
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '>')
            {
                return i + 1;
            }

            if (IsSpace(c) || c == '/')
            {
                i++;
                continue;
            }

            // An attribute name runs to a space, '=', '/' or '>' (a quote in a name is part of it).
            var start = i;
            while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('=' or '>' or '/'))
            {
                i++;
            }

            if (i - start == Attribute.Length && string.Compare(html, start, Attribute, 0, Attribute.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                edited ??= html.ToCharArray();
                Disarmed.AsSpan().CopyTo(edited.AsSpan(start));
            }

            var j = i;
            while (j < html.Length && IsSpace(html[j]))
            {
                j++;
            }

            if (j >= html.Length || html[j] != '=')
            {
                continue;
            }

            j++;
            while (j < html.Length && IsSpace(html[j]))
            {
                j++;
            }

            if (j < html.Length && html[j] is '"' or '\'')
            {
                var end = html.IndexOf(html[j], j + 1);
                i = end < 0 ? html.Length : end + 1;
                continue;
            }

            while (j < html.Length && !IsSpace(html[j]) && html[j] != '>')
            {
                j++;
            }

            i = j;
        }

        return i;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
