namespace Disclosure.Layout.Stream;

/// <summary>
/// Stage "decorations": page numbers in the top or bottom margin, and margin text that repeats on several pages (digits
/// ignored: a running header or footer), are removed. Needs every page at once. Pure.
/// </summary>
public static class DecorationStage
{
    public static IReadOnlyList<PageLines> Remove(IReadOnlyList<PageLines> pages, DecorationOptions options)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var key in page.Lines.Where(l => IsMargin(l, page, options)).Select(l => Key(l.Text)).Distinct())
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        var repeated = pages.Count >= 2 ? counts.Where(kv => kv.Value >= options.MinRepeats).Select(kv => kv.Key).ToHashSet() : [];
        return
        [
            .. pages.Select(p => p with
            {
                Lines = [.. p.Lines.Where(l => !(IsMargin(l, p, options) && (TextRules.IsPageNumber(l.Text) || repeated.Contains(Key(l.Text)))))],
            }),
        ];
    }

    private static bool IsMargin(TextLine line, PageLines page, DecorationOptions options) =>
        line.Box.Top < options.TopMargin * page.Height || line.Box.Bottom > options.BottomMargin * page.Height;

    private static string Key(string text) => new([.. text.Where(c => !char.IsDigit(c) && !char.IsWhiteSpace(c))]);
}
