using Disclosure.Core.Layout;

namespace Disclosure.Core.Extraction;

/// <summary>A value position in a row: the cell and its parsed value.</summary>
internal sealed record Slot(LayoutCell Cell, CellValue Value, int Page)
{
    public bool IsNumber => Value.Kind == CellKind.Number;
}

/// <summary>
/// One table row as the extractor sees it, whatever the source format: a label (the row's text cells before its
/// values, compacted) and the value slots after it. <see cref="Cells"/> holds the row's own cells in table order, so that
/// nothing per row scans the whole table (a 900-row hostile table cost 170 MB, and four times that 2.5 GB, when it did).
/// </summary>
internal sealed record RowView(int TableIndex, int Row, int Section, LayoutTable Table, IReadOnlyList<LayoutCell> Cells, string Label, string RawLabel, IReadOnlyList<Slot> Slots)
{
    public bool IsGrid => Table.Kind == GridKind.Grid;

    public bool HasNumbers => Slots.Any(s => s.IsNumber);

    public int NumberCount => Slots.Count(s => s.IsNumber);

    public string RawText => string.Join(" | ", Cells.Select(c => c.Text));

    /// <summary>Builds the row views of a table: label cells, then value slots.</summary>
    public static IEnumerable<RowView> FromTable(LayoutTable table, int tableIndex, int section)
    {
        foreach (var group in table.Cells.GroupBy(c => c.Row).OrderBy(g => g.Key))
        {
            var own = group.ToList();
            var cells = own.OrderBy(c => c.Column).ToList();
            var parsed = cells.Select(c => CellValueParser.Parse(c.Text)).ToList();
            var firstNumber = parsed.FindIndex(p => p.Kind == CellKind.Number);
            var labelLimit = firstNumber < 0 ? parsed.Count : firstNumber;
            var lastLabel = -1;
            for (var i = 0; i < labelLimit; i++)
            {
                if (parsed[i].Kind == CellKind.Text)
                {
                    lastLabel = i;
                }
            }

            var rawLabel = string.Join(" ", cells.Take(lastLabel + 1).Where((_, i) => parsed[i].Kind == CellKind.Text).Select(c => c.Text.Trim()));
            var slots = new List<Slot>();
            for (var i = lastLabel + 1; i < cells.Count; i++)
            {
                slots.Add(new Slot(cells[i], parsed[i], cells[i].Page ?? table.Page));
            }

            if (table.Kind == GridKind.Sequence)
            {
                // Text extraction leaves empty cells between a label and its values; they are not value positions.
                while (slots.Count > 0 && slots[0].Value.IsEmpty && slots.Any(s => s.IsNumber))
                {
                    slots.RemoveAt(0);
                }
            }

            yield return new RowView(tableIndex, group.Key, section, table, own, TextNorm.Compact(rawLabel), rawLabel, slots);
        }
    }

    /// <summary>Slots trimmed of trailing empty cells beyond <paramref name="expected"/> (padding of text tables).</summary>
    public IReadOnlyList<Slot> SlotsFor(int expected)
    {
        var list = Slots.ToList();
        while (list.Count > expected && list[^1].Value.IsEmpty)
        {
            list.RemoveAt(list.Count - 1);
        }

        return list;
    }
}
