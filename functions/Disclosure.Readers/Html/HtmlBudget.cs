using Disclosure.Core.Engine;

namespace Disclosure.Readers.Html;

/// <summary>
/// One linear pass over the markup before the parser sees it: how many elements the page has and how deep they nest.
/// HTML parsers keep ~1 KB per node and do work proportional to the open-element depth for every tag (scope checks), so a
/// page of 4 million cells or 200,000 nested &lt;div&gt;s costs gigabytes or minutes; it is refused here in milliseconds.
/// The depth is estimated as browsers would count it for the elements that nest (void and self-closing elements, and
/// those the parser closes implicitly — p, li, td, tr, option — do not add to it), so an untidy real page stays far below.
/// Never below what the parser builds: an end tag closes only an element of its name still open (the parser ignores a
/// stray one, so it must not buy depth back), and a table counts the four levels the parser opens for it (table, tbody,
/// tr, td), since a table nested in a cell keeps that cell open (CsCheck seed 5j9a_…: a mutated page the old estimate
/// put under 2,000 levels allocated 3.5 GB in the parser).
/// </summary>
internal static class HtmlBudget
{
    private static readonly HashSet<string> Flat = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "td", "th", "tr", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp",
    };

    private static readonly string[] RawText = ["script", "style", "textarea", "title", "xmp", "plaintext", "noscript"];

    /// <summary>Null when the page is within the limits; otherwise the failure naming the budget it hit.</summary>
    public static ReadOutcome? Check(string html, ReadLimits limits, CancellationToken cancellationToken)
    {
        long nodes = 0;
        var depth = 0;
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        var i = 0;
        Span<char> name = stackalloc char[16];
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                break;
            }

            ReaderWork.Add();
            if ((nodes & 0x3FFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }

            var closing = html[lt + 1] == '/';
            var at = lt + (closing ? 2 : 1);
            var length = 0;
            while (at < html.Length && char.IsAsciiLetterOrDigit(html[at]))
            {
                if (length < name.Length)
                {
                    name[length++] = char.ToLowerInvariant(html[at]);
                }

                at++;
            }

            if (length == 0 || !char.IsAsciiLetter(name[0]))
            {
                i = lt + 1;
                continue;
            }

            var gt = html.IndexOf('>', at);
            var tag = new string(name[..length]);
            i = gt < 0 ? html.Length : gt + 1;
            if (closing)
            {
                if (open.TryGetValue(tag, out var count) && count > 0)
                {
                    open[tag] = count - 1;
                    depth = Math.Max(0, depth - Levels(tag));
                }

                continue;
            }

            if (++nodes > limits.MaxHtmlNodes)
            {
                return ReadOutcome.Fail(FailureCodes.MemoryLimit,
                    $"HTML 页面元素超过 {limits.MaxHtmlNodes:N0} 个的上限（HTML node budget exceeded）");
            }

            if (Array.IndexOf(RawText, tag) >= 0)
            {
                // Raw text: skip to the closing tag (its content is not markup).
                var end = html.IndexOf("</" + tag, i, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : end;
                continue;
            }

            var selfClosing = gt > 0 && html[gt - 1] == '/';
            if (selfClosing || Flat.Contains(tag))
            {
                continue;
            }

            open[tag] = open.GetValueOrDefault(tag) + 1;
            depth += Levels(tag);
            if (depth > limits.MaxHtmlDepth)
            {
                return ReadOutcome.Fail(FailureCodes.MemoryLimit,
                    $"HTML 元素嵌套超过 {limits.MaxHtmlDepth:N0} 层的上限（HTML nesting depth budget exceeded）");
            }
        }

        return null;
    }

    /// <summary>Open elements the parser puts on its stack for one start tag of this name.</summary>
    private static int Levels(string tag) => tag == "table" ? TableLevels : 1;

    /// <summary>table, the tbody it implies, and the tr and td a nested table sits in.</summary>
    private const int TableLevels = 4;
}
