using Disclosure.Core.Layout;

namespace Disclosure.Ocr.Geometry;

/// <summary>
/// Rebuilds paragraphs and tables from positioned words (a PDF text layer, tesseract or any engine that gives word
/// boxes). Pure: no I/O. Lines come from vertical clustering, cells from horizontal gaps, columns from the x-extents of
/// the values (a value never straddles two columns, so the union of value extents gives the columns), rows from cell tops.
/// Page numbers and running headers/footers are dropped; a table cut by a page break is joined.
/// </summary>
public static class LayoutBuilder
{
    public static IReadOnlyList<LayoutBlock> Build(IReadOnlyList<PageWords> pages)
    {
        var repeated = RepeatedMarginLines(pages);
        var items = new List<Item>();
        foreach (var page in pages)
        {
            var pageItems = BuildPage(page, repeated);

            // A table that ends one page and starts the next is one table: its lines are stacked and rebuilt together.
            if (pageItems.Count > 0 && items.Count > 0 && items[^1].Table is { } previous && pageItems[0].Table is { } next
                && previous.Pages[^1].Page == page.Page - 1)
            {
                var offset = previous.Lines.Max(l => l.Box.Bottom) + 2 * previous.H - next.Lines.Min(l => l.Box.Top);
                foreach (var line in next.Lines)
                {
                    Shift(line, offset);
                }

                previous.Lines.AddRange(next.Lines);
                previous.Pages.Add((next.Lines.Min(l => l.Box.Top), page.Page));
                pageItems.RemoveAt(0);
            }

            items.AddRange(pageItems);
        }

        var blocks = new List<LayoutBlock>();
        foreach (var item in items)
        {
            if (item.Block is not null)
            {
                blocks.Add(item.Block);
            }
            else if (BuildTable(item.Table!) is { } table)
            {
                blocks.Add(table);
            }
        }

        return blocks;
    }

    /// <summary>A page's content before tables are built: a finished paragraph, or the lines of a table region.</summary>
    private sealed record Item(LayoutBlock? Block, TableLines? Table);

    private sealed record TableLines(List<Line> Lines, double H, List<(double Top, int Page)> Pages, double PageWidth, bool Ocr);

    private static void Shift(Line line, double dy)
    {
        line.Box = line.Box with { Top = line.Box.Top + dy, Bottom = line.Box.Bottom + dy };
        foreach (var seg in line.Segments)
        {
            seg.Box = seg.Box with { Top = seg.Box.Top + dy, Bottom = seg.Box.Bottom + dy };
        }
    }

    private sealed class Segment
    {
        public required List<PositionedWord> Words { get; init; }
        public string Text { get; set; } = "";
        public BoundingBox Box { get; set; } = new(0, 0, 0, 0);
        public bool IsValue { get; set; }
        public double? Confidence { get; set; }

        public int LineIndex { get; set; }

        public void Refresh()
        {
            Box = Words.Select(w => w.Box).Aggregate((a, b) => a.Union(b));
            Text = Words.Aggregate("", (acc, w) => TextRules.Join(acc, w.Text));
            IsValue = TextRules.IsValue(Text);
            var confs = Words.Where(w => w.Confidence.HasValue).Select(w => w.Confidence!.Value).ToList();
            Confidence = confs.Count > 0 ? confs.Min() : null;
        }
    }

    private sealed class Line
    {
        public List<PositionedWord> Words { get; } = [];
        public List<Segment> Segments { get; } = [];
        public BoundingBox Box { get; set; } = new(0, 0, 0, 0);
        public string Text => string.Join(" ", Segments.Select(s => s.Text));
        public bool IsData { get; set; }
    }

    private static List<Item> BuildPage(PageWords page, HashSet<string> repeated)
    {
        var words = page.Words.Where(w => !string.IsNullOrWhiteSpace(w.Text) && w.Box.Height > 0).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        if (page.Ocr)
        {
            // Remnants of cell borders ('|', '[', '】') are not text; digits misread as letters are repaired in value-shaped words.
            words = [.. words.Select(w => w with { Text = TextRules.RepairDigits(w.Text.Trim('|', '[', ']', '【', '】', '_', '‖', '丨', ' ', '“', '”', '"', '‘', '’', '`')) })
                .Where(w => w.Text.Length > 0)];
        }

        words = NormaliseHeights(words);
        var h = Median(words.Select(w => w.Box.Height));
        var lines = ClusterLines(words, h, page.Ocr);
        lines.RemoveAll(l => IsMargin(l, page) && (TextRules.IsPageNumber(l.Text) || repeated.Contains(MarginKey(l.Text))));
        if (lines.Count == 0)
        {
            return [];
        }

        var textLeft = lines.Min(l => l.Box.Left);
        var textWidth = Math.Max(1, lines.Max(l => l.Box.Right) - textLeft);
        foreach (var line in lines)
        {
            var values = line.Segments.Count(s => s.IsValue);
            line.IsData = values >= 1 && line.Segments.Count >= 2 && (values >= 2 || !line.Segments[0].IsValue);
        }

        bool IsWideText(Line l) => (l.Segments.Count == 1 && !l.Segments[0].IsValue && l.Box.Width > 0.72 * textWidth)
            || TextRules.IsSectionHeading(l.Text) || l.Text.TrimEnd().EndsWith('。');

        var inTable = new int[lines.Count];
        Array.Fill(inTable, -1);
        var regions = new List<(int From, int To)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].IsData || inTable[i] >= 0)
            {
                continue;
            }

            var to = i;
            var j = i + 1;
            while (j < lines.Count && (lines[j].IsData || (!IsWideText(lines[j]) && lines[j].Box.Top - lines[j - 1].Box.Bottom < 1.0 * h)))
            {
                if (lines[j].IsData)
                {
                    to = j;
                }
                else if (lines[j].Box.Top - lines[to].Box.Bottom < 1.0 * h || LooksLikeContinuation(lines[j], lines[to]))
                {
                    to = j;
                }

                j++;
            }

            var from = i;
            var k = i - 1;
            while (k >= 0 && inTable[k] < 0 && i - k <= 10 && !IsWideText(lines[k]) && lines[k + 1].Box.Top - lines[k].Box.Bottom < 1.0 * h)
            {
                from = k;
                k--;
            }

            for (var x = from; x <= to; x++)
            {
                inTable[x] = regions.Count;
            }

            regions.Add((from, to));
            i = to;
        }

        var blocks = new List<(double Top, Item Block)>();
        foreach (var (from, to) in regions)
        {
            blocks.Add((lines[from].Box.Top, new Item(null, new TableLines(lines.GetRange(from, to - from + 1), h, [(double.MinValue, page.Page)], page.Width, page.Ocr))));
        }

        var paragraphLines = lines.Where((_, i) => inTable[i] < 0).ToList();
        var textRight = lines.Max(l => l.Box.Right);
        var current = new List<Line>();
        void Flush()
        {
            if (current.Count == 0)
            {
                return;
            }

            var text = current.Aggregate("", (acc, l) => TextRules.Join(acc, l.Text));
            var box = current.Select(l => l.Box).Aggregate((a, b) => a.Union(b));
            var confs = current.SelectMany(l => l.Words).Where(w => w.Confidence.HasValue).Select(w => w.Confidence!.Value).ToList();
            blocks.Add((box.Top, new Item(new LayoutParagraph(page.Page, text, box, confs.Count > 0 ? confs.Average() : null), null)));
            current.Clear();
        }

        foreach (var line in paragraphLines)
        {
            if (current.Count > 0)
            {
                var prev = current[^1];
                var continues = prev.Box.Right >= textRight - 2.5 * h
                    && line.Box.Top - prev.Box.Bottom < 0.9 * h
                    && !TextRules.IsHeading(line.Text)
                    && line.Box.Left <= prev.Box.Left + 0.5 * h + (current.Count == 1 ? 3 * h : 0);
                if (!continues)
                {
                    Flush();
                }
            }

            current.Add(line);
        }

        Flush();
        return [.. blocks.OrderBy(b => b.Top).Select(b => b.Block)];
    }

    /// <summary>
    /// Text-layer boxes span the font's ascent to descent, which for CJK fonts can be 2–3 em, so boxes of adjacent lines
    /// overlap. The em size is known from full-width characters (one em wide each); boxes are shrunk about their centre to it.
    /// </summary>
    internal static List<PositionedWord> NormaliseHeights(List<PositionedWord> words)
    {
        var ems = words.Where(w => w.Text.Length > 0 && w.Text.All(TextRules.IsCjk)).Select(w => w.Box.Width / w.Text.Length).ToList();
        if (ems.Count < 5)
        {
            return words;
        }

        var ratio = Median(ems) / Median(words.Select(w => w.Box.Height));
        if (ratio >= 0.9)
        {
            return words;
        }

        ratio = Math.Max(ratio, 0.25);
        return [.. words.Select(w =>
        {
            var half = w.Box.Height * ratio / 2;
            return w with { Box = new BoundingBox(w.Box.Left, w.Box.CenterY - half, w.Box.Right, w.Box.CenterY + half) };
        })];
    }

    private static bool LooksLikeContinuation(Line line, Line previous) => line.Box.Top - previous.Box.Bottom < 1.5 * previous.Box.Height;

    private static List<Line> ClusterLines(List<PositionedWord> words, double h, bool ocr = false)
    {
        var lines = new List<Line>();
        Line? current = null;
        double currentCenter = 0;
        foreach (var w in words.OrderBy(w => w.Box.CenterY))
        {
            if (current is null || w.Box.CenterY - currentCenter > 0.45 * Math.Max(h, Math.Min(w.Box.Height, current.Box.Height)))
            {
                current = new Line();
                lines.Add(current);
                current.Box = w.Box;
            }

            current.Words.Add(w);
            current.Box = current.Box.Union(w.Box);
            currentCenter = current.Words.Average(x => x.Box.CenterY);
        }

        foreach (var line in lines)
        {
            line.Words.Sort((a, b) => a.Box.Left.CompareTo(b.Box.Left));
            Segment? seg = null;
            foreach (var w in line.Words)
            {
                var gap = seg is null ? double.MaxValue : w.Box.Left - seg.Words[^1].Box.Right;
                var bothValues = seg is not null && TextRules.IsValue(seg.Words[^1].Text) && TextRules.IsValue(w.Text);
                // OCR splits a phrase into words with wider gaps than a text layer does; cells are further apart than either.
                if (seg is null || gap > (ocr ? 1.2 : 0.6) * h || (bothValues && gap > 0.35 * h)
                    || (gap > 0.3 * h && TextRules.StartsItem(w.Text) && !TextRules.IsValue(w.Text)))
                {
                    seg = new Segment { Words = [] };
                    line.Segments.Add(seg);
                }

                seg.Words.Add(w);
            }

            foreach (var s in line.Segments)
            {
                s.Refresh();
            }
        }

        return lines;
    }

    private sealed class CellDraft
    {
        public int StartCol { get; init; }
        public int EndCol { get; set; }
        public List<Segment> Parts { get; } = [];
        public BoundingBox Box => Parts.Select(p => p.Box).Aggregate((a, b) => a.Union(b));
        public bool IsValue => Parts.Count == 1 && Parts[0].IsValue;
    }

    private static LayoutTable? BuildTable(TableLines region)
    {
        var lines = region.Lines;
        var h = region.H;
        int PageOf(BoundingBox box) => region.Pages.Last(p => box.Top >= p.Top - 0.5 * h).Page;

        // Columns of values: union of the x-extents of every value that follows a label (or stands in an all-value row).
        var valueSegs = lines.Where(l => l.IsData)
            .SelectMany(l => l.Segments.Where((s, i) => s.IsValue && (i > 0 || l.Segments.All(x => x.IsValue))))
            .ToList();
        if (valueSegs.Count == 0)
        {
            return null;
        }

        var valueCols = MergeIntervals(valueSegs.Select(s => (s.Box.Left, s.Box.Right)), 0.1 * h);
        var firstValueLeft = valueCols[0].Left;

        // Columns that hold no value at all (a blank column) still have a header: add them from the header text, when the
        // header sits well away from every value column (a header over a narrow value column is wider than its values).
        var centers = valueCols.Select(c => (c.Left + c.Right) / 2).ToList();
        var spacing = centers.Count > 1 ? centers.Zip(centers.Skip(1), (a, b) => b - a).Min() : double.MaxValue;
        // Not for OCR: header fragments there are too scattered to stand for a column on their own.
        var extra = lines.Where(l => !l.IsData && !region.Ocr).SelectMany(l => l.Segments)
            .Where(s => s.Box.Left >= firstValueLeft - 0.3 * h && !valueCols.Any(c => Overlap(c, s.Box) > 0)
                && centers.All(c => Math.Abs(c - s.Box.CenterX) > 0.6 * spacing) && s.Box.Width < 2 * spacing)
            .Select(s => (s.Box.Left, s.Box.Right));
        var numericCols = MergeIntervals(valueCols.Concat(extra), 0.1 * h);
        firstValueLeft = numericCols[0].Left;

        // Each value column owns the space up to half-way to its neighbours (headers and wide values are placed by that).
        var owned = numericCols.Select((c, i) => (
            Left: i == 0 ? double.MinValue / 4 : (numericCols[i - 1].Right + c.Left) / 2,
            Right: i == numericCols.Count - 1 ? double.MaxValue / 4 : (c.Right + numericCols[i + 1].Left) / 2)).ToList();

        // A segment in the value area that spreads over several value columns is split word by word (OCR leaves
        // smaller gaps between header words than between cells of a text layer).
        foreach (var line in lines)
        {
            for (var i = 0; i < line.Segments.Count; i++)
            {
                var seg = line.Segments[i];
                if (seg.Words.Count < 2 || seg.Box.Left < firstValueLeft - 0.3 * h)
                {
                    continue;
                }

                int ColumnOf(PositionedWord w) => Enumerable.Range(0, owned.Count).FirstOrDefault(c => w.Box.CenterX >= owned[c].Left && w.Box.CenterX < owned[c].Right);
                // Split only where the column changes at a real gap: a left-aligned header may start left of the
                // half-way line to its centred values.
                var parts = new List<Segment> { new() { Words = [seg.Words[0]] } };
                for (var k = 1; k < seg.Words.Count; k++)
                {
                    var previous = parts[^1].Words[^1];
                    var word = seg.Words[k];
                    if (ColumnOf(word) != ColumnOf(previous) && word.Box.Left - previous.Box.Right > 0.25 * h)
                    {
                        parts.Add(new Segment { Words = [] });
                    }

                    parts[^1].Words.Add(word);
                }

                if (parts.Count < 2)
                {
                    continue;
                }

                foreach (var part in parts)
                {
                    part.Refresh();
                }

                line.Segments.RemoveAt(i);
                line.Segments.InsertRange(i, parts);
                i += parts.Count - 1;
            }
        }

        // Label sub-columns: left edges of the labels on value rows (labels are left-aligned in their cells). The label
        // area ends where the widest of those labels ends; header text right of it belongs to the value columns.
        var rowLabels = lines.Where(l => l.IsData).SelectMany(l => l.Segments)
            .Where(s => !s.IsValue && s.Box.Right < firstValueLeft + 0.3 * h).ToList();
        var labelEnd = rowLabels.Count > 0 ? Math.Min(rowLabels.Max(s => s.Box.Right) + 0.3 * h, firstValueLeft - 0.3 * h) : double.MinValue;
        var labelStarts = new List<double>();
        foreach (var left in rowLabels.Select(s => s.Box.Left).Order())
        {
            if (labelStarts.Count == 0 || left - labelStarts[^1] > 1.0 * h)
            {
                labelStarts.Add(left);
            }
        }

        var labelCount = labelStarts.Count;
        var columnCount = labelCount + numericCols.Count;

        (int Start, int End) Place(Segment s)
        {
            int start, end;
            if (labelCount > 0 && s.Box.Left < labelEnd)
            {
                start = 0;
                for (var c = 0; c < labelCount; c++)
                {
                    if (labelStarts[c] <= s.Box.Left + 0.5 * h)
                    {
                        start = c;
                    }
                }

                end = start;
                for (var c = start + 1; c < labelCount; c++)
                {
                    if (labelStarts[c] < s.Box.Right - 0.5 * h)
                    {
                        end = c;
                    }
                }

                for (var c = 0; c < numericCols.Count; c++)
                {
                    if (s.Box.Right > numericCols[c].Left + 0.3 * h)
                    {
                        end = labelCount + c;
                    }
                }

                return (start, end);
            }

            var hits = Enumerable.Range(0, numericCols.Count)
                .Where(c => Overlap(owned[c], s.Box) > 0.3 * Math.Min(s.Box.Width, owned[c].Right - owned[c].Left)).ToList();
            if (hits.Count == 0)
            {
                var nearest = Enumerable.Range(0, numericCols.Count)
                    .MinBy(c => Math.Abs((numericCols[c].Left + numericCols[c].Right) / 2 - s.Box.CenterX));
                return (labelCount + nearest, labelCount + nearest);
            }

            return (labelCount + hits[0], labelCount + hits[^1]);
        }

        // Cells: segments in the same column span, stacked with a line gap, are one wrapped cell; values never merge.
        for (var i = 0; i < lines.Count; i++)
        {
            foreach (var seg in lines[i].Segments)
            {
                seg.LineIndex = i;
            }
        }

        var drafts = new List<CellDraft>();
        foreach (var seg in lines.SelectMany(l => l.Segments).OrderBy(s => s.LineIndex).ThenBy(s => s.Box.Left))
        {
            var (start, end) = Place(seg);
            // A label that starts with its own number (二、 （三） 4.) begins a new cell even when the lines nearly touch.
            // In the innermost label column every value row has its own label: two value rows never share one.
            var innermost = labelCount > 0 && start == labelCount - 1;
            var open = seg.IsValue || TextRules.StartsItem(seg.Text) ? null : drafts.LastOrDefault(d => d.StartCol == start && !d.IsValue
                && !(innermost && lines[seg.LineIndex].IsData && lines[d.Parts[0].LineIndex].IsData && d.Parts[0].LineIndex != seg.LineIndex)
                && seg.Box.Top - d.Box.Bottom < 0.5 * h && seg.Box.Top - d.Box.Bottom > -0.3 * h);
            if (open is null)
            {
                open = new CellDraft { StartCol = start, EndCol = end };
                drafts.Add(open);
            }

            open.Parts.Add(seg);
            open.EndCol = Math.Max(open.EndCol, end);
        }

        // Rows: cells that start on the same line are one row; rows whose tops are within a fraction of a line are merged
        // (cells are top-aligned or one line high).
        var rows = new List<List<CellDraft>>();
        double rowTop = double.MinValue;
        foreach (var group in drafts.GroupBy(d => d.Parts[0].LineIndex).OrderBy(g => g.Key))
        {
            var top = group.Min(d => d.Parts[0].Box.Top);
            if (rows.Count == 0 || top - rowTop > 0.6 * h)
            {
                rows.Add([]);
                rowTop = top;
            }

            rows[^1].AddRange(group);
        }

        var firstValueRow = rows.FindIndex(r => r.Any(d => d.IsValue));
        var cells = new List<LayoutCell>();
        for (var r = 0; r < rows.Count; r++)
        {
            foreach (var group in rows[r].GroupBy(d => d.StartCol).OrderBy(g => g.Key))
            {
                var parts = group.SelectMany(d => d.Parts).OrderBy(p => p.Box.Top).ThenBy(p => p.Box.Left).ToList();
                var text = parts.Aggregate("", (acc, p) => TextRules.Join(acc, p.Text));
                var box = parts.Select(p => p.Box).Aggregate((a, b) => a.Union(b));
                var confs = parts.Where(p => p.Confidence.HasValue).Select(p => p.Confidence!.Value).ToList();
                var end = group.Max(d => d.EndCol);
                cells.Add(new LayoutCell(r, group.Key, text, 1, end - group.Key + 1, r < firstValueRow, box,
                    confs.Count > 0 ? confs.Min() : null, PageOf(box)));
            }
        }

        // A blank in a value row is an empty cell, as in HTML and DOCX, not a missing one: blank is not 0 and not absent.
        foreach (var row in cells.Where(c => !c.IsHeader).GroupBy(c => c.Row).ToList())
        {
            if (!row.Any(c => TextRules.IsValue(c.Text)))
            {
                continue;
            }

            var covered = row.SelectMany(c => Enumerable.Range(c.Column, c.ColumnSpan)).ToHashSet();
            var page = row.First().Page;
            for (var c = labelCount; c < columnCount; c++)
            {
                if (!covered.Contains(c))
                {
                    cells.Add(new LayoutCell(row.Key, c, "", Page: page));
                }
            }
        }

        cells.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column));
        var tableBox = lines.Select(l => l.Box).Aggregate((a, b) => a.Union(b));
        return columnCount == 0 ? null : new LayoutTable(region.Pages[0].Page, cells, GridKind.Grid, tableBox);
    }

    private static double Overlap((double Left, double Right) col, BoundingBox box) =>
        Math.Min(col.Right, box.Right) - Math.Max(col.Left, box.Left);

    private static List<(double Left, double Right)> MergeIntervals(IEnumerable<(double Left, double Right)> intervals, double tolerance)
    {
        var merged = new List<(double Left, double Right)>();
        foreach (var (l, r) in intervals.OrderBy(i => i.Left))
        {
            if (merged.Count > 0 && l <= merged[^1].Right - tolerance)
            {
                merged[^1] = (merged[^1].Left, Math.Max(merged[^1].Right, r));
            }
            else
            {
                merged.Add((l, r));
            }
        }

        return merged;
    }

    private static bool IsMargin(Line line, PageWords page) =>
        line.Box.Top < 0.08 * page.Height || line.Box.Bottom > 0.92 * page.Height;

    private static string MarginKey(string text) => new([.. text.Where(c => !char.IsDigit(c) && !char.IsWhiteSpace(c))]);

    /// <summary>Text in the top or bottom margin that repeats on several pages (digits ignored) is a running header/footer.</summary>
    private static HashSet<string> RepeatedMarginLines(IReadOnlyList<PageWords> pages)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var words = page.Words.Where(w => w.Box.Height > 0).ToList();
            if (words.Count == 0)
            {
                continue;
            }

            var h = Median(words.Select(w => w.Box.Height));
            foreach (var key in ClusterLines(words, h).Where(l => IsMargin(l, page)).Select(l => MarginKey(l.Text)).Distinct())
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return [.. counts.Where(kv => kv.Value >= 2 && pages.Count >= 2).Select(kv => kv.Key)];
    }

    internal static double Median(IEnumerable<double> values)
    {
        var list = values.Order().ToList();
        return list.Count == 0 ? 10 : list[list.Count / 2];
    }
}
