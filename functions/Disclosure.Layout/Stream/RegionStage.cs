namespace Disclosure.Layout.Stream;

/// <summary>
/// Stage "table regions": a run of data lines, with the non-data lines between and after them that sit close (wrapped
/// labels) and the header lines above them, is a table region; the other lines are left for paragraphs. Running text
/// (a wide single segment, a section heading, a sentence ending in 。) never joins a table. Pure.
/// </summary>
public static class RegionStage
{
    public static PageRegions Find(PageLines page, RegionOptions options)
    {
        var lines = page.Lines;
        var h = page.LineHeight;
        if (lines.Count == 0)
        {
            return new PageRegions(page, [], []);
        }

        var textLeft = lines.Min(l => l.Box.Left);
        var textWidth = Math.Max(1, lines.Max(l => l.Box.Right) - textLeft);
        bool IsWideText(TextLine l) => (l.Segments.Count == 1 && !l.Segments[0].IsValue && l.Box.Width > options.WideText * textWidth)
            || TextRules.IsSectionHeading(l.Text) || l.Text.TrimEnd().EndsWith('。');

        var inTable = new bool[lines.Count];
        var tables = new List<TableRegion>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].IsData || inTable[i])
            {
                continue;
            }

            var to = i;
            var j = i + 1;
            while (j < lines.Count && (lines[j].IsData || (!IsWideText(lines[j]) && lines[j].Box.Top - lines[j - 1].Box.Bottom < options.LineGap * h)))
            {
                if (lines[j].IsData || lines[j].Box.Top - lines[to].Box.Bottom < options.LineGap * h
                    || lines[j].Box.Top - lines[to].Box.Bottom < options.ContinuationGap * lines[to].Box.Height)
                {
                    to = j;
                }

                j++;
            }

            var from = i;
            var k = i - 1;
            while (k >= 0 && !inTable[k] && i - k <= options.MaxHeaderLines && !IsWideText(lines[k]) && lines[k + 1].Box.Top - lines[k].Box.Bottom < options.LineGap * h)
            {
                from = k;
                k--;
            }

            for (var x = from; x <= to; x++)
            {
                inTable[x] = true;
            }

            tables.Add(new TableRegion([.. lines.Skip(from).Take(to - from + 1)], h, [(double.MinValue, page.Page)], page.Width, page.Ocr));
            i = to;
        }

        return new PageRegions(page, tables, [.. lines.Where((_, i) => !inTable[i])]);
    }
}
