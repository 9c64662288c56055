using Disclosure.Core.Layout;

namespace Disclosure.Layout;

/// <summary>A ruled table read from one page: its column rules (page units) and its cells, text already read.</summary>
public sealed record GridPart(int Page, IReadOnlyList<double> Xs, BoundingBox Box, IReadOnlyList<LayoutCell> Cells);

/// <summary>
/// Places ruled tables among the blocks built from words and joins a table that a page break cut in two: the part that
/// ends one page and the part that opens the next are one table when their column rules line up. Pure.
/// </summary>
public static class GridTables
{
    public static IReadOnlyList<LayoutBlock> Merge(IReadOnlyList<LayoutBlock> blocks, IReadOnlyList<GridPart> parts)
    {
        if (parts.Count == 0)
        {
            return blocks;
        }

        var items = blocks.Select(b => (Block: b, Part: (GridPart?)null))
            .Concat(parts.Select(p => (Block: (LayoutBlock)ToTable(p, p.Cells), Part: (GridPart?)p)))
            .OrderBy(x => x.Block.Page).ThenBy(x => Top(x.Block))
            .ToList();

        var result = new List<(LayoutBlock Block, GridPart? Part)>();
        foreach (var item in items)
        {
            if (item.Part is { } next && result.Count > 0 && result[^1].Part is { } previous
                && LastPage(previous) == next.Page - 1 && Join(previous, next) is { } joined)
            {
                result[^1] = (ToTable(joined, joined.Cells), joined);
                continue;
            }

            result.Add(item);
        }

        return [.. result.Select(x => x.Block)];
    }

    private static int LastPage(GridPart part) => part.Cells.Max(c => c.Page ?? part.Page);

    private static double Top(LayoutBlock block) => block switch
    {
        LayoutParagraph p => p.Box?.Top ?? 0,
        LayoutTable t => t.Box?.Top ?? 0,
        _ => 0,
    };

    private static LayoutTable ToTable(GridPart part, IReadOnlyList<LayoutCell> cells) => new(part.Page, cells, GridKind.Grid, part.Box);

    /// <summary>The two parts as one table, or null when their columns do not line up (two different tables).</summary>
    internal static GridPart? Join(GridPart first, GridPart second)
    {
        // Pages of a scan are not aligned with each other: line the parts up on their right edge.
        var shift = first.Xs[^1] - second.Xs[^1];
        var tol = 0.012 * (first.Xs[^1] - first.Xs[0]);
        var shifted = second.Xs.Select(x => x + shift).ToList();
        var matched = shifted.Count(x => first.Xs.Any(f => Math.Abs(f - x) <= tol));
        if (matched < 0.7 * Math.Min(first.Xs.Count, shifted.Count) || Math.Abs(second.Xs[0] + shift - first.Xs[0]) > 6 * tol)
        {
            return null;
        }

        var bounds = new List<double>();
        foreach (var x in first.Xs.Concat(shifted).Order())
        {
            if (bounds.Count == 0 || x - bounds[^1] > tol)
            {
                bounds.Add(x);
            }
        }

        int Index(double x) => bounds.FindIndex(b => Math.Abs(b - x) <= tol);
        IEnumerable<LayoutCell> Remap(GridPart part, IReadOnlyList<double> xs, int rowOffset) => part.Cells.Select(c =>
        {
            var from = Index(xs[c.Column]);
            var to = Index(xs[c.Column + c.ColumnSpan]);
            return c with { Row = c.Row + rowOffset, Column = from, ColumnSpan = Math.Max(1, to - from) };
        });

        var rows = first.Cells.Max(c => c.Row + c.RowSpan);
        var head = Remap(first, first.Xs, 0).ToList();
        var tail = Remap(second, shifted, rows).ToList();
        if (SplitRow(head, tail, rows) is { } continued)
        {
            // The row the page break cut: its text on the new page is appended to its cells on the old one. A cell that
            // spans down from the cut row (a section label over its sub-rows, an outer label column) is the same cell
            // as the one above the break: that one grows over the rows below instead.
            var grown = new HashSet<LayoutCell>();
            foreach (var part in continued)
            {
                var i = head.FindIndex(c => c.Row + c.RowSpan == rows && c.Column <= part.Column && part.Column < c.Column + c.ColumnSpan);
                if (i < 0)
                {
                    continue;
                }

                var text = part.Text.Length > 0 ? TextRules.Join(head[i].Text, part.Text) : head[i].Text;
                var box = head[i].Box is { } b && part.Box is { } pb && head[i].Page == part.Page ? b.Union(pb) : head[i].Box;
                var span = part.RowSpan > 1 && head[i].Column == part.Column && head[i].ColumnSpan == part.ColumnSpan ? head[i].RowSpan + part.RowSpan - 1 : head[i].RowSpan;
                if (span != head[i].RowSpan)
                {
                    grown.Add(part);
                }

                head[i] = head[i] with { Text = text, Box = box, RowSpan = span };
            }

            // Other cells spanning down from the cut row keep the rows below it.
            tail = [.. tail.Where(c => c.Row > rows || (c.RowSpan > 1 && !grown.Contains(c)))
                .Select(c => c.Row > rows ? c with { Row = c.Row - 1 } : c with { RowSpan = c.RowSpan - 1 })];
        }

        var cells = head.Concat(tail).OrderBy(c => c.Row).ThenBy(c => c.Column).ToList();
        return new GridPart(first.Page, bounds, first.Box, cells);
    }

    /// <summary>
    /// The first row of the second part when it is the rest of the first part's last row, cut by the page break: it holds
    /// only wrapped label text (no value, no repeated header; a label cell may span down over its sub-rows), under a
    /// last row that has values.
    /// </summary>
    private static List<LayoutCell>? SplitRow(List<LayoutCell> head, List<LayoutCell> tail, int rows)
    {
        var opening = tail.Where(c => c.Row == rows).ToList();
        var last = head.Where(c => c.Row + c.RowSpan == rows).ToList();
        var headers = head.Where(c => c.IsHeader && c.Text.Length > 0).Select(c => c.Text).ToHashSet(StringComparer.Ordinal);
        if (opening.Count == 0 || opening.Any(c => TextRules.IsValue(c.Text) || headers.Contains(c.Text))
            || !opening.Any(c => c.Text.Length > 0) || !last.Any(c => c.Column > 0 && TextRules.IsValue(c.Text))
            || opening.Any(c => TextRules.StartsItem(c.Text)))
        {
            return null;
        }

        return opening;
    }

    /// <summary>Rows above the first row that holds a value (right of the label column) are header rows.</summary>
    public static IReadOnlyList<LayoutCell> MarkHeaders(IReadOnlyList<LayoutCell> cells)
    {
        var valueRows = cells.Where(c => c.Column > 0 && TextRules.IsValue(c.Text)).Select(c => c.Row).ToList();
        var firstValueRow = valueRows.Count > 0 ? valueRows.Min() : int.MaxValue;
        return [.. cells.Select(c => c with { IsHeader = c.Row < firstValueRow })];
    }
}
