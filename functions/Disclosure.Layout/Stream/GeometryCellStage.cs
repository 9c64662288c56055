using Disclosure.Core.Layout;

namespace Disclosure.Layout.Stream;

/// <summary>
/// Stage "cells", for tables without rules: each segment is placed in the columns its extent covers (labels by their
/// left edge among the label sub-columns, values by the space each column owns: by geometry, never by order); segments
/// of one column stacked a line apart are one wrapped cell (values never merge); cells starting on one line are a row.
/// A blank in a value row is an empty cell, as in HTML and DOCX. Pure.
/// </summary>
public static class GeometryCellStage
{
    private sealed class Draft(int start, int end, int line)
    {
        public int StartCol { get; } = start;

        public int EndCol { get; set; } = end;

        public int FirstLine { get; } = line;

        /// <summary>A value on a scan placed in its column by nearness only, or over several columns.</summary>
        public bool Doubtful { get; set; }

        public List<TextSegment> Parts { get; } = [];

        public BoundingBox Box => Parts.Select(p => p.Box).Aggregate((a, b) => a.Union(b));

        public bool IsValue => Parts.Count == 1 && Parts[0].IsValue;
    }

    public static LayoutTable? Build(GeometryGrid grid, GeometryCellOptions options)
    {
        var region = grid.Region;
        var lines = region.Lines;
        var h = region.LineHeight;
        var labelCount = grid.LabelCount;
        var columnCount = grid.ColumnCount;
        if (columnCount == 0)
        {
            return null;
        }

        var drafts = new List<Draft>();
        foreach (var (seg, line) in lines.SelectMany((l, i) => l.Segments.Select(s => (s, i))).OrderBy(x => x.i).ThenBy(x => x.s.Box.Left))
        {
            var (start, end, clear) = Place(seg, grid, h, options);
            // A label that starts with its own number (二、 （三） 4.) begins a new cell even when the lines nearly touch.
            // In the innermost label column every value row has its own label: two value rows never share one.
            var innermost = labelCount > 0 && start == labelCount - 1;
            var open = seg.IsValue || TextRules.StartsItem(seg.Text) ? null : drafts.LastOrDefault(d => d.StartCol == start && !d.IsValue
                && !(innermost && lines[line].IsData && lines[d.FirstLine].IsData && d.FirstLine != line)
                && seg.Box.Top - d.Box.Bottom < options.WrapGap * h && seg.Box.Top - d.Box.Bottom > -options.WrapOverlap * h);
            if (open is null)
            {
                open = new Draft(start, end, line);
                drafts.Add(open);
            }

            open.Parts.Add(seg);
            open.EndCol = Math.Max(open.EndCol, end);
            open.Doubtful |= region.Ocr && seg.IsValue && !clear;
        }

        // Rows: cells that start on the same line are one row; rows whose tops are close are merged.
        var rows = new List<List<Draft>>();
        var rowTop = double.MinValue;
        foreach (var group in drafts.GroupBy(d => d.FirstLine).OrderBy(g => g.Key))
        {
            var top = group.Min(d => d.Parts[0].Box.Top);
            if (rows.Count == 0 || top - rowTop > options.RowMerge * h)
            {
                rows.Add([]);
                rowTop = top;
            }

            rows[^1].AddRange(group);
        }

        int PageOf(BoundingBox box) => region.Pages.Last(p => box.Top >= p.Top - options.PageSlack * h).Page;
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
                double? confidence = confs.Count > 0 ? confs.Min() : null;
                if (group.Any(d => d.Doubtful))
                {
                    confidence = Math.Min(confidence ?? 1, options.OcrDoubtfulPlacement);
                }

                cells.Add(new LayoutCell(r, group.Key, text, 1, end - group.Key + 1, r < firstValueRow, box, confidence, PageOf(box)));
            }
        }

        // A blank in a value row is an empty cell, not a missing one: blank is not 0 and not absent.
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
        return new LayoutTable(region.Pages[0].Page, cells, GridKind.Grid, tableBox);
    }

    /// <summary>The first and last column a segment covers, and whether a value's box alone says so (one column's space, not nearness).</summary>
    private static (int Start, int End, bool Clear) Place(TextSegment s, GeometryGrid grid, double h, GeometryCellOptions options)
    {
        var labelCount = grid.LabelCount;
        var numericCols = grid.ValueColumns;
        var owned = grid.Owned;
        if (labelCount > 0 && s.Box.Left < grid.LabelEnd)
        {
            var start = 0;
            for (var c = 0; c < labelCount; c++)
            {
                if (grid.LabelStarts[c] <= s.Box.Left + options.LabelSlack * h)
                {
                    start = c;
                }
            }

            var end = start;
            for (var c = start + 1; c < labelCount; c++)
            {
                if (grid.LabelStarts[c] < s.Box.Right - options.LabelSlack * h)
                {
                    end = c;
                }
            }

            for (var c = 0; c < numericCols.Count; c++)
            {
                if (s.Box.Right > numericCols[c].Left + options.ValueReach * h)
                {
                    end = labelCount + c;
                }
            }

            return (start, end, true);
        }

        var hits = Enumerable.Range(0, numericCols.Count)
            .Where(c => owned[c].Overlap(s.Box) > options.OverlapShare * Math.Min(s.Box.Width, owned[c].Width)).ToList();
        if (hits.Count == 0)
        {
            var nearest = Enumerable.Range(0, numericCols.Count)
                .MinBy(c => Math.Abs((numericCols[c].Left + numericCols[c].Right) / 2 - s.Box.CenterX));
            return (labelCount + nearest, labelCount + nearest, false);
        }

        return (labelCount + hits[0], labelCount + hits[^1], hits.Count == 1);
    }
}
