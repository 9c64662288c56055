using Disclosure.Core.Layout;

namespace Disclosure.Layout.Stream;

/// <summary>Words of one line that sit close together: one cell's text on that line, or one run of body text. Immutable.</summary>
public sealed record TextSegment
{
    public TextSegment(IReadOnlyList<PositionedWord> words)
    {
        Words = words;
        Box = words.Select(w => w.Box).Aggregate((a, b) => a.Union(b));
        Text = words.Aggregate("", (acc, w) => TextRules.Join(acc, w.Text));
        IsValue = TextRules.IsValue(Text);
        var confs = words.Where(w => w.Confidence.HasValue).Select(w => w.Confidence!.Value).ToList();
        Confidence = confs.Count > 0 ? confs.Min() : null;
    }

    public IReadOnlyList<PositionedWord> Words { get; }

    public string Text { get; }

    public BoundingBox Box { get; }

    /// <summary>A number or a placeholder (<see cref="TextRules.IsValue"/>).</summary>
    public bool IsValue { get; }

    public double? Confidence { get; }

    /// <summary>The segment moved down by <paramref name="dy"/> (a table continued on the next page is stacked under the first part).</summary>
    public TextSegment Shift(double dy) => new([.. Words.Select(w => w with { Box = Geometry.Shift(w.Box, dy) })]);
}

/// <summary>One line of a page: its words left to right, grouped into segments. Immutable.</summary>
public sealed record TextLine(IReadOnlyList<PositionedWord> Words, IReadOnlyList<TextSegment> Segments, BoundingBox Box)
{
    public string Text => string.Join(" ", Segments.Select(s => s.Text));

    /// <summary>A table row: a label and values, or several values (set once, from the segments as the line stage cut them).</summary>
    public bool IsData { get; init; }

    public TextLine Shift(double dy) => this with
    {
        Words = [.. Words.Select(w => w with { Box = Geometry.Shift(w.Box, dy) })],
        Segments = [.. Segments.Select(s => s.Shift(dy))],
        Box = Geometry.Shift(Box, dy),
    };
}

/// <summary>The lines of one page, top to bottom, with the page's typical line height (median word height).</summary>
public sealed record PageLines(int Page, double Width, double Height, bool Ocr, double LineHeight, IReadOnlyList<TextLine> Lines);

/// <summary>The lines of one table found from geometry, possibly stacked from several pages (each page's first top in stacked units).</summary>
public sealed record TableRegion(IReadOnlyList<TextLine> Lines, double LineHeight, IReadOnlyList<(double Top, int Page)> Pages, double PageWidth, bool Ocr)
{
    public double Top => Lines[0].Box.Top;
}

/// <summary>One page cut into table regions and the lines left for paragraphs.</summary>
public sealed record PageRegions(PageLines Page, IReadOnlyList<TableRegion> Tables, IReadOnlyList<TextLine> Rest);

/// <summary>A page's content before tables are built: a finished paragraph, or a table region. Exactly one is set.</summary>
public sealed record PageItem(LayoutParagraph? Paragraph, TableRegion? Table)
{
    public double Top => Table?.Top ?? Paragraph!.Box?.Top ?? 0;
}

/// <summary>An x interval (a column's extent or the space a column owns).</summary>
public readonly record struct Span(double Left, double Right)
{
    public double Width => Right - Left;

    public double Overlap(BoundingBox box) => Math.Min(Right, box.Right) - Math.Max(Left, box.Left);
}

/// <summary>
/// The columns of a table found from geometry: label sub-columns (left edges), then value columns (extents) and the
/// space each owns. <see cref="Region"/> holds the lines with segments re-cut at column boundaries.
/// </summary>
public sealed record GeometryGrid(TableRegion Region, IReadOnlyList<Span> ValueColumns, IReadOnlyList<Span> Owned, IReadOnlyList<double> LabelStarts, double LabelEnd)
{
    public int LabelCount => LabelStarts.Count;

    public int ColumnCount => LabelStarts.Count + ValueColumns.Count;
}

internal static class Geometry
{
    public static BoundingBox Shift(BoundingBox b, double dy) => b with { Top = b.Top + dy, Bottom = b.Bottom + dy };

    /// <summary>The median, or 10 (a typical point size) for no values.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var list = values.Order().ToList();
        return list.Count == 0 ? 10 : list[list.Count / 2];
    }

    /// <summary>Intervals that overlap by more than <paramref name="tolerance"/> become one.</summary>
    public static List<Span> Merge(IEnumerable<Span> intervals, double tolerance)
    {
        var merged = new List<Span>();
        foreach (var s in intervals.OrderBy(i => i.Left))
        {
            if (merged.Count > 0 && s.Left <= merged[^1].Right - tolerance)
            {
                merged[^1] = new Span(merged[^1].Left, Math.Max(merged[^1].Right, s.Right));
            }
            else
            {
                merged.Add(s);
            }
        }

        return merged;
    }
}
