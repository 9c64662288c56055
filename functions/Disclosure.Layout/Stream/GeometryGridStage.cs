namespace Disclosure.Layout.Stream;

/// <summary>
/// Stage "grid (geometry)", for tables without rules: value columns are the union of the x-extents of the values (a
/// value never straddles two columns), plus header text that sits away from every value column (a column blank in
/// every row); each column owns the space half-way to its neighbours. Segments spreading over several value columns
/// are cut at the column boundaries. Label sub-columns come from the left edges of the labels on data lines. Pure.
/// </summary>
public static class GeometryGridStage
{
    /// <summary>The region's columns, or null when it holds no value to anchor a column on.</summary>
    public static GeometryGrid? Build(TableRegion region, GeometryGridOptions options)
    {
        var lines = region.Lines;
        var h = region.LineHeight;
        var slack = options.AreaSlack * h;

        // Columns of values: every value that follows a label (or stands in an all-value row).
        var valueSegs = lines.Where(l => l.IsData)
            .SelectMany(l => l.Segments.Where((s, i) => s.IsValue && (i > 0 || l.Segments.All(x => x.IsValue))))
            .ToList();
        if (valueSegs.Count == 0)
        {
            return null;
        }

        var valueCols = Geometry.Merge(valueSegs.Select(s => new Span(s.Box.Left, s.Box.Right)), options.MergeTolerance * h);
        var firstValueLeft = valueCols[0].Left;

        // Columns that hold no value at all still have a header: added from the header text when it sits well away from
        // every value column (a header over a narrow value column is wider than its values). Not for OCR: header
        // fragments there are too scattered to stand for a column on their own.
        var centers = valueCols.Select(c => (c.Left + c.Right) / 2).ToList();
        var spacing = centers.Count > 1 ? centers.Zip(centers.Skip(1), (a, b) => b - a).Min() : double.MaxValue;
        var extra = lines.Where(l => !l.IsData && !region.Ocr).SelectMany(l => l.Segments)
            .Where(s => s.Box.Left >= firstValueLeft - slack && !valueCols.Any(c => c.Overlap(s.Box) > 0)
                && centers.All(c => Math.Abs(c - s.Box.CenterX) > options.BlankColumnDistance * spacing) && s.Box.Width < options.BlankColumnMaxWidth * spacing)
            .Select(s => new Span(s.Box.Left, s.Box.Right));
        var numericCols = Geometry.Merge(valueCols.Concat(extra), options.MergeTolerance * h);
        firstValueLeft = numericCols[0].Left;

        var owned = numericCols.Select((c, i) => new Span(
            i == 0 ? double.MinValue / 4 : (numericCols[i - 1].Right + c.Left) / 2,
            i == numericCols.Count - 1 ? double.MaxValue / 4 : (c.Right + numericCols[i + 1].Left) / 2)).ToList();

        var split = lines.Select(l => Split(l, owned, firstValueLeft - slack, options.SplitGap * h)).ToList();

        // Label sub-columns: left edges of the labels on value rows (labels are left-aligned in their cells). The label
        // area ends where the widest of those labels ends; header text right of it belongs to the value columns.
        var rowLabels = split.Where(l => l.IsData).SelectMany(l => l.Segments)
            .Where(s => !s.IsValue && s.Box.Right < firstValueLeft + slack).ToList();
        var labelEnd = rowLabels.Count > 0 ? Math.Min(rowLabels.Max(s => s.Box.Right) + slack, firstValueLeft - slack) : double.MinValue;
        var labelStarts = new List<double>();
        foreach (var left in rowLabels.Select(s => s.Box.Left).Order())
        {
            if (labelStarts.Count == 0 || left - labelStarts[^1] > options.LabelColumnGap * h)
            {
                labelStarts.Add(left);
            }
        }

        return new GeometryGrid(region with { Lines = split }, numericCols, owned, labelStarts, labelEnd);
    }

    /// <summary>
    /// A segment in the value area whose words fall in different columns is cut where the column changes at a real gap
    /// (a left-aligned header may start left of the half-way line to its centred values).
    /// </summary>
    private static TextLine Split(TextLine line, List<Span> owned, double valueAreaLeft, double minGap)
    {
        int ColumnOf(PositionedWord w) => Enumerable.Range(0, owned.Count).FirstOrDefault(c => w.Box.CenterX >= owned[c].Left && w.Box.CenterX < owned[c].Right);
        List<TextSegment>? result = null;
        for (var i = 0; i < line.Segments.Count; i++)
        {
            var seg = line.Segments[i];
            List<List<PositionedWord>>? parts = null;
            if (seg.Words.Count >= 2 && seg.Box.Left >= valueAreaLeft)
            {
                parts = [[seg.Words[0]]];
                for (var k = 1; k < seg.Words.Count; k++)
                {
                    var previous = parts[^1][^1];
                    var word = seg.Words[k];
                    if (ColumnOf(word) != ColumnOf(previous) && word.Box.Left - previous.Box.Right > minGap)
                    {
                        parts.Add([]);
                    }

                    parts[^1].Add(word);
                }
            }

            if (parts is { Count: >= 2 })
            {
                result ??= [.. line.Segments.Take(i)];
                result.AddRange(parts.Select(p => new TextSegment(p)));
            }
            else
            {
                result?.Add(seg);
            }
        }

        return result is null ? line : line with { Segments = result };
    }
}
