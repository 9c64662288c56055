using Disclosure.Core.Layout;

namespace Disclosure.Readers.Html;

/// <summary>
/// The HTML table model: places cells row by row into the first free column, skipping slots taken by rowspans from
/// rows above, so a cell after a merged cell gets its true column. Rowspans are clipped to the table (0 = to the end).
/// </summary>
internal sealed class GridBuilder
{
    /// <summary>
    /// Upper bound on grid slots stored (marked by spans, or padding rows out to a span's column); past it, further spans
    /// are cut to 1, so hostile spans cost no more. Padding counts because a rowspan placed far right pads every row it
    /// covers (CsCheck seed 5j9a_Nqdl7s2: 1.5 GB for a 189 KB page when only marked slots were counted).
    /// </summary>
    private const long MaxMarkedSlots = 4_000_000;

    private readonly List<List<(string Text, int RowSpan, int ColumnSpan, bool Header)>> _rows = [];

    public void StartRow() => _rows.Add([]);

    public void Add(string text, int rowSpan, int columnSpan, bool header)
    {
        if (_rows.Count == 0)
        {
            StartRow();
        }

        _rows[^1].Add((text, rowSpan, Math.Max(1, columnSpan), header));
    }

    public List<LayoutCell> Build()
    {
        var rowCount = _rows.Count;
        var occupied = new List<bool>[rowCount];
        for (var r = 0; r < rowCount; r++)
        {
            occupied[r] = [];
        }

        var cells = new List<LayoutCell>();
        long marked = 0;
        for (var r = 0; r < rowCount; r++)
        {
            var col = 0;
            foreach (var (text, requestedRows, requestedColumns, header) in _rows[r])
            {
                var columnSpan = requestedColumns;
                while (IsOccupied(occupied[r], col))
                {
                    col++;
                }

                var rowSpan = requestedRows == 0 ? rowCount - r : Math.Min(requestedRows, rowCount - r);
                var remaining = MaxMarkedSlots - marked;
                var cost = Cost(occupied, r, rowSpan, col, columnSpan, remaining);
                if (cost > remaining)
                {
                    rowSpan = 1;
                    columnSpan = 1;
                    cost = Cost(occupied, r, rowSpan, col, columnSpan, long.MaxValue);
                }

                marked += cost;

                for (var dr = 0; dr < rowSpan; dr++)
                {
                    var row = occupied[r + dr];
                    while (row.Count < col + columnSpan)
                    {
                        row.Add(false);
                    }

                    for (var dc = 0; dc < columnSpan; dc++)
                    {
                        row[col + dc] = true;
                    }
                }

                cells.Add(new LayoutCell(r, col, text, rowSpan, columnSpan, header));
                col += columnSpan;
            }
        }

        return cells;
    }

    /// <summary>
    /// Slots a span adds: those it marks plus the padding its rows need to reach its last column. Counting stops once past
    /// <paramref name="limit"/>, so the checks cost no more in total than the slots the budget allows.
    /// </summary>
    private static long Cost(List<bool>[] occupied, int r, int rowSpan, int col, int columnSpan, long limit)
    {
        long cost = 0;
        for (var dr = 0; dr < rowSpan && cost <= limit; dr++)
        {
            cost += Math.Max(columnSpan, col + columnSpan - occupied[r + dr].Count);
        }

        return cost;
    }

    private static bool IsOccupied(List<bool> row, int col) => col < row.Count && row[col];
}
