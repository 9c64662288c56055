using Disclosure.Core.Contract;

namespace Disclosure.Core.Extraction;

/// <summary>Table 4 (行政复议、行政诉讼): fifteen figures, five per group, in the official order.</summary>
internal static class Table4Mapper
{
    public static TableReading Map(IReadOnlyList<RowView> rows, ExtractionState state)
    {
        var dataRows = rows.Where(r => r.HasNumbers).ToList();
        if (dataRows.Count == 0)
        {
            return new TableReading(4, "2019", Present: rows.Count > 0, Complete: false) { };
        }

        var keys = CanonicalKeys.Table4Keys().ToList();

        // Rows labelled by group (行政复议 / 未经复议直接起诉 / 复议后起诉) with five figures each.
        var labelled = dataRows.Select(r => (Row: r, Group: TemplateCatalog.Match(TemplateCatalog.Table4Groups, r.Label))).ToList();
        if (labelled.All(l => l.Group is not null) && labelled.Select(l => l.Group).Distinct().Count() == labelled.Count)
        {
            foreach (var (row, group) in labelled)
            {
                var slots = row.SlotsFor(5);
                var columns = CanonicalKeys.Table4Columns;
                for (var i = 0; i < Math.Min(5, slots.Count); i++)
                {
                    state.Set($"t4.{group}.{columns[i]}", slots[i], row);
                }
            }

            return Finish(keys, state);
        }

        var all = new List<Slot>();
        foreach (var row in dataRows)
        {
            all.AddRange(row.SlotsFor(Math.Max(0, 15 - all.Count)));
        }

        var row0 = dataRows[0];
        for (var i = 0; i < Math.Min(15, all.Count); i++)
        {
            state.Set(keys[i], all[i], row0);
        }

        if (all.Count > 15 && all.Skip(15).Any(s => s.IsNumber))
        {
            state.Note(FindingCodes.ExtractionUncertain, $"表4有 {all.Count} 个数值，多于统一格式的15个，多出的数值未采用，请核对。", keys, row0.RawText);
        }

        return Finish(keys, state);
    }

    private static TableReading Finish(List<string> keys, ExtractionState state)
    {
        var missing = keys.Where(k => !state.Cells.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            state.Add(FindingCodes.IncompleteTable, $"表4不完整：应有15个数值，缺少 {missing.Count} 个（{string.Join("、", missing.Take(5))}…），请补齐。", missing);
        }

        return new TableReading(4, "2019", Present: true, Complete: missing.Count == 0);
    }
}
