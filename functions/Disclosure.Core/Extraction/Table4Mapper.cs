using Disclosure.Core.Contract;
using Disclosure.Core.Vocabulary;

namespace Disclosure.Core.Extraction;

/// <summary>Table 4 (行政复议、行政诉讼): fifteen figures, five per group, in the official order.</summary>
internal static class Table4Mapper
{
    public static TableReading Map(IReadOnlyList<RowView> rows, ExtractionState state)
    {
        var dataRows = rows.Where(r => r.HasNumbers).ToList();
        var keys = CanonicalKeys.Table4Keys().ToList();
        if (dataRows.Count == 0)
        {
            if (rows.Count > 0)
            {
                // A header with no figure under it: never a silent gap (a scan's value row lost to a faint grid did this).
                if (state.Ocr)
                {
                    state.Note(FindingCodes.ExtractionUncertain, "扫描件中只识别到表4的表头，未读到任何数值，可能是识别失败，请对照原件核对表4。", keys);
                }
                else
                {
                    state.Add(FindingCodes.IncompleteTable, "表4只有表头，没有任何数值，请补齐15个数值。", keys);
                }
            }

            return new TableReading(4, TemplateForm.V2019, Present: rows.Count > 0, Complete: false) { };
        }

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

        if (ByHeaderGeometry(rows, dataRows, keys, state))
        {
            return Finish(keys, state);
        }

        var all = new List<Slot>();
        foreach (var row in dataRows)
        {
            all.AddRange(row.SlotsFor(Math.Max(0, 15 - all.Count)));
        }

        var row0 = dataRows[0];
        if (row0.IsGrid && all.Count < 15)
        {
            // Fewer positions than columns and no header to place them under: which cell is blank cannot be told, so
            // none is guessed by its order in the row.
            foreach (var key in keys)
            {
                state.SetAbsent(key);
            }

            state.Note(FindingCodes.ExtractionUncertain, $"表4只读到 {all.Count} 个单元格（统一格式为15个），且无法按表头确定各数值所属的列，未采用这些数值，请对照原表核对。", keys, row0.RawText);
            return Finish(keys, state);
        }

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

    private static readonly string[] ColumnHeaders = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

    /// <summary>
    /// A column name as printed, or a four-character one with one character misread by OCR (治果纠正, lo-61-002 at 200 dpi:
    /// one misread name of fifteen made the header unusable and the whole table unplaced). Only the count and order of
    /// the names place the figures, so a near name stands for its column; 总计 must be exact (two characters leave no margin).
    /// </summary>
    private static bool IsColumnHeader(string text) => ColumnHeaders.Any(h => h == text
        || (h.Length == 4 && text.Length == 4 && h.Zip(text).Count(p => p.First != p.Second) == 1));

    /// <summary>
    /// On a grid whose header row of fifteen column names (结果维持 … 总计, three times) is in the same table as the
    /// figures, each figure goes to the column it stands under; a figure under no column name is flagged, not placed.
    /// </summary>
    private static bool ByHeaderGeometry(IReadOnlyList<RowView> rows, List<RowView> dataRows, List<string> keys, ExtractionState state)
    {
        var table = dataRows[0].Table;
        if (!dataRows[0].IsGrid || dataRows.Any(r => !ReferenceEquals(r.Table, table)))
        {
            return false;
        }

        var headers = table.Cells.Where(c => IsColumnHeader(TextNorm.Compact(c.Text))).OrderBy(c => c.Column).ToList();
        if (headers.Count != 15 || headers.Select(h => h.Column).Distinct().Count() != 15)
        {
            return false;
        }

        var unplaced = new List<string>();
        foreach (var row in dataRows)
        {
            foreach (var slot in row.Slots.Where(s => !s.Value.IsEmpty))
            {
                var at = headers.FindIndex(h => slot.Cell.Column < h.Column + h.ColumnSpan && slot.Cell.Column + slot.Cell.ColumnSpan > h.Column);
                if (at < 0)
                {
                    unplaced.Add(slot.Value.Raw);
                    continue;
                }

                state.Set(keys[at], slot, row);
            }

            foreach (var slot in row.Slots.Where(s => s.Value.IsEmpty))
            {
                var at = headers.FindIndex(h => slot.Cell.Column < h.Column + h.ColumnSpan && slot.Cell.Column + slot.Cell.ColumnSpan > h.Column);
                if (at >= 0 && !state.Cells.ContainsKey(keys[at]))
                {
                    state.Set(keys[at], slot, row);
                }
            }
        }

        if (unplaced.Count > 0)
        {
            var missing = keys.Where(k => !state.Cells.ContainsKey(k)).ToList();
            foreach (var key in missing)
            {
                state.SetAbsent(key);
            }

            state.Note(FindingCodes.ExtractionUncertain, $"表4有数值（{string.Join("、", unplaced)}）不在任何表头列之下，未采用，请核对。", missing.Count > 0 ? missing : keys, dataRows[0].RawText);
        }

        return true;
    }

    private static TableReading Finish(List<string> keys, ExtractionState state)
    {
        var missing = keys.Where(k => !state.Cells.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            state.Incomplete($"表4不完整：应有15个数值，缺少 {missing.Count} 个（{string.Join("、", missing.Take(5))}…），请补齐。", missing);
        }

        return new TableReading(4, TemplateForm.V2019, Present: true, Complete: missing.Count == 0);
    }
}
