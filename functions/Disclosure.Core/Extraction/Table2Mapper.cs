using Disclosure.Core.Contract;
using Disclosure.Core.Layout;
using Disclosure.Core.Vocabulary;

namespace Disclosure.Core.Extraction;

/// <summary>Table 2 (主动公开政府信息情况): rows by label, columns by the nearest header, format per row.</summary>
internal static class Table2Mapper
{
    private static readonly Dictionary<string, string> Family = new(StringComparer.Ordinal)
    {
        ["regulations"] = "docs",
        ["normative_docs"] = "docs",
        ["licensing"] = "decisions",
        ["other_services"] = "decisions",
        ["penalty"] = "decisions",
        ["enforcement"] = "decisions",
        ["fees"] = "fees",
        ["procurement"] = "procurement",
    };

    private static string[] Columns(string family, TemplateVersion template) => (family, template) switch
    {
        ("docs", TemplateVersion.V2019) => ["made", "published", "total"],
        ("docs", _) => ["issued", "repealed", "in_force"],
        ("decisions", TemplateVersion.V2019) => ["previous", "change", "decisions"],
        ("decisions", _) => ["decisions"],
        ("fees", TemplateVersion.V2019) => ["previous", "change"],
        ("fees", _) => ["amount"],
        _ => ["count", "amount"],
    };

    /// <summary>A header row: its format, columns and, on a grid, each column's span of grid columns (null when they cannot be told apart).</summary>
    private sealed record Header(TemplateVersion Template, string[] Columns, string? Unit, string Raw, LayoutTable? Table = null, IReadOnlyList<(int Start, int End)>? Spans = null);

    private sealed record PendingRow(string Key, RowView Row, Header? Header);

    /// <summary>The rows of the official table 2, in their printed order.</summary>
    private static readonly string[] Order = [.. CanonicalKeys.Table2(TemplateVersion.V2019).Select(r => r.Row)];

    /// <summary>
    /// Row keys by label: exact fragments first, then one misread character (行政处蚀 for 行政处罚); a figure row whose label
    /// OCR garbled beyond that is named by its place when the rows around it leave exactly one row of the table between.
    /// </summary>
    private static string?[] Classify(IReadOnlyList<RowView> rows)
    {
        var keys = rows.Select(r => TemplateCatalog.Match(TemplateCatalog.Table2Rows, r.Label)
            ?? (r.HasNumbers ? TemplateCatalog.MatchWithOneSubstitution(TemplateCatalog.Table2Rows, r.Label) : null)).ToArray();
        var figureRows = Enumerable.Range(0, rows.Count).Where(i => rows[i].HasNumbers).ToList();
        for (var f = 0; f < figureRows.Count; f++)
        {
            var i = figureRows[f];
            if (keys[i] is not null)
            {
                continue;
            }

            var before = f > 0 ? keys[figureRows[f - 1]] : null;
            var after = f + 1 < figureRows.Count ? keys[figureRows[f + 1]] : null;
            var p = before is null ? (f == 0 ? -1 : int.MinValue) : Array.IndexOf(Order, before);
            var q = after is null ? (f == figureRows.Count - 1 ? Order.Length : int.MinValue) : Array.IndexOf(Order, after);
            if (p != int.MinValue && q != int.MinValue && q - p == 2)
            {
                keys[i] = Order[p + 1];
            }
        }

        return keys;
    }

    public static TableReading Map(IReadOnlyList<RowView> rows, int? year, ExtractionState state)
    {
        Header? header = null;
        var pending = new List<PendingRow>();
        var unlabelled = new List<string>();
        var classified = Classify(rows);
        for (var index = 0; index < rows.Count; index++)
        {
            var row = rows[index];
            if (!row.HasNumbers && row.Slots.All(s => s.Value.Kind != CellKind.Blank || s.Value.IsEmpty))
            {
                var h = ReadHeader(row);
                if (h is not null)
                {
                    header = h;
                    continue;
                }
            }

            var key = classified[index];
            if (key is null)
            {
                // Figures without any label are a reading that lost the label (its column merged away), not a row the
                // report added: said once for the table, as doubt, never as a deviation.
                if (row.HasNumbers && row.Label.Length == 0)
                {
                    unlabelled.Add(row.RawText);
                }
                else if (row.HasNumbers)
                {
                    state.Add(FindingCodes.TemplateDeviation, $"表2出现无法识别的行“{row.RawLabel}”，统一格式中没有该行。", [], row.RawText);
                }

                continue;
            }

            if (pending.Any(p => p.Key == key))
            {
                state.Note(FindingCodes.ExtractionUncertain, $"表2“{row.RawLabel}”行出现多次，已采用第一次出现的数据。", [], row.RawText);
                continue;
            }

            pending.Add(new PendingRow(key, row, header));
        }

        if (unlabelled.Count > 0)
        {
            state.Note(FindingCodes.ExtractionUncertain,
                $"表2有 {unlabelled.Count} 行数值未读出行名，无法确定属于哪一行，未采用，请核对原表。", [], string.Join("\n", unlabelled));
        }

        if (pending.Count == 0)
        {
            return new TableReading(2, TemplateForm.V2019, Present: false, Complete: false) { };
        }

        // The format of each row: its header when it fits the row, else the number of values it has.
        var rowTemplates = new Dictionary<string, TemplateVersion?>(StringComparer.Ordinal);
        foreach (var p in pending)
        {
            rowTemplates[p.Key] = RowTemplate(p);
        }

        var known = rowTemplates.Values.Where(t => t is not null).Distinct().ToList();
        var tableTemplate = known.Count switch
        {
            0 => TemplateForms.Of(TemplateNames.Required(year)),
            1 => TemplateForms.Of(known[0]!.Value),
            _ => TemplateForm.Mixed,
        };
        var fallback = tableTemplate.Version() ?? TemplateNames.Required(year);

        var incomplete = new List<string>();
        foreach (var p in pending)
        {
            var template = rowTemplates[p.Key] ?? fallback;
            var columns = Columns(Family[p.Key], template);
            if (Place(p, columns) is { } placed)
            {
                // Geometry decides: a value belongs to the header column above it, never to a column by its order.
                var doubtful = new List<string>();
                for (var i = 0; i < columns.Length; i++)
                {
                    var key = $"t2.{p.Key}.{columns[i]}";
                    switch (placed[i])
                    {
                        case { } slot:
                            state.Set(key, slot, p.Row);
                            break;
                        case null when p.Row.Slots.Any(s => s.IsNumber && Column(p, s) is null):
                            doubtful.Add(key);
                            state.SetAbsent(key);
                            break;
                        default:
                            incomplete.Add(key);
                            break;
                    }

                    if (columns[i] == "amount")
                    {
                        state.AmountUnits[key] = p.Header is { } h && h.Columns.Contains("amount") ? h.Unit : null;
                    }
                }

                if (doubtful.Count > 0 || placed.Count(s => s is not null) < p.Row.Slots.Count(s => s.IsNumber))
                {
                    state.Note(FindingCodes.ExtractionUncertain, $"表2“{p.Row.RawLabel}”行的数值与表头各列对不齐，无法确定所属列的数值未采用，请核对。",
                        doubtful.Count > 0 ? doubtful : columns.Select(c => $"t2.{p.Key}.{c}").ToList(), p.Row.RawText);
                }

                NormativeLabel(p, template, state);
                continue;
            }

            var slots = p.Row.SlotsFor(columns.Length);
            if (slots.Count > columns.Length && slots.Skip(columns.Length).Any(s => s.IsNumber))
            {
                state.Note(FindingCodes.ExtractionUncertain, $"表2“{p.Row.RawLabel}”行的数值多于{columns.Length}个，多出的数值未采用，请核对。",
                    columns.Select(c => $"t2.{p.Key}.{c}").ToList(), p.Row.RawText);
            }

            for (var i = 0; i < columns.Length; i++)
            {
                var key = $"t2.{p.Key}.{columns[i]}";
                if (i < slots.Count)
                {
                    state.Set(key, slots[i], p.Row);
                }
                else
                {
                    incomplete.Add(key);
                }

                if (columns[i] == "amount")
                {
                    state.AmountUnits[key] = p.Header is { } h && h.Columns.Contains("amount") ? h.Unit : null;
                }
            }

            NormativeLabel(p, template, state);
        }

        var required = CanonicalKeys.Table2(fallback).Select(r => r.Row).ToArray();
        var missingRows = required.Where(r => pending.All(p => p.Key != r)).ToList();
        if (missingRows.Count > 0)
        {
            var keys = missingRows.SelectMany(r => Columns(Family[r], fallback).Select(c => $"t2.{r}.{c}")).ToList();
            state.Incomplete($"表2缺少以下行：{string.Join("、", missingRows.Select(Label))}。请按统一格式补齐。", keys);
        }

        if (incomplete.Count > 0)
        {
            state.Incomplete($"表2有 {incomplete.Count} 个单元格缺失（行内数值个数少于表头列数），请补齐。", incomplete);
        }

        if (tableTemplate == TemplateForm.Mixed)
        {
            state.Add(FindingCodes.TemplateDeviation, "表2混用了2019年版和2021年版格式的行，请统一使用现行格式。", []);
        }

        return new TableReading(2, tableTemplate, Present: true, Complete: missingRows.Count == 0 && incomplete.Count == 0);
    }

    private static void NormativeLabel(PendingRow p, TemplateVersion template, ExtractionState state)
    {
        if (template == TemplateVersion.V2021 && p.Key == "normative_docs" && !p.Row.Label.Contains("行政规范性文件", StringComparison.Ordinal))
        {
            state.Add(FindingCodes.TemplateDeviation, "表2使用了旧版行名“规范性文件”，2021年版格式应为“行政规范性文件”。", [], p.Row.RawText);
        }
    }

    /// <summary>
    /// The slot under each column by geometry: the row's cells whose grid columns overlap the header cell's. Null when
    /// the row has no header of its own table whose cells name every column (a text table, a header on another page):
    /// the caller then reads the values in order. A column with two values under it gets none (flagged by the caller).
    /// </summary>
    private static Slot?[]? Place(PendingRow p, string[] columns)
    {
        if (!p.Row.IsGrid || p.Header is not { Spans: { } spans } h || !ReferenceEquals(h.Table, p.Row.Table)
            || columns.Any(c => !h.Columns.Contains(c)))
        {
            return null;
        }

        var placed = new Slot?[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            var span = spans[Array.IndexOf(h.Columns, columns[i])];
            var under = p.Row.Slots.Where(s => s.Cell.Column < span.End && s.Cell.Column + s.Cell.ColumnSpan > span.Start).ToList();
            var filled = under.Where(s => !s.Value.IsEmpty).ToList();
            placed[i] = filled.Count switch
            {
                1 => filled[0],
                0 => under.FirstOrDefault(),
                _ => null,
            };
        }

        return placed;
    }

    /// <summary>The header column a slot falls under, or null when it falls under none.</summary>
    private static string? Column(PendingRow p, Slot s)
    {
        var h = p.Header!;
        for (var i = 0; i < h.Spans!.Count; i++)
        {
            if (s.Cell.Column < h.Spans[i].End && s.Cell.Column + s.Cell.ColumnSpan > h.Spans[i].Start)
            {
                return h.Columns[i];
            }
        }

        return null;
    }

    private static TemplateVersion? RowTemplate(PendingRow p)
    {
        var family = Family[p.Key];
        if (family == "procurement" || p.Key == "other_services")
        {
            return TemplateVersion.V2019;
        }

        if (p.Header is { } h && Fits(family, h))
        {
            return h.Template;
        }

        var count = p.Row.SlotsFor(3).Count(s => s.IsNumber || s.Value.Kind == CellKind.Blank && !s.Value.IsEmpty);
        return family switch
        {
            "decisions" when count == 1 => TemplateVersion.V2021,
            "decisions" when count >= 2 => TemplateVersion.V2019,
            "fees" when count == 1 => TemplateVersion.V2021,
            "fees" when count == 2 => TemplateVersion.V2019,
            _ => null,
        };
    }

    private static bool Fits(string family, Header h) => family switch
    {
        "docs" => h.Columns.Contains("made") || h.Columns.Contains("issued"),
        "decisions" => h.Columns.Contains("decisions"),
        "fees" => h.Columns.Contains("previous") || h.Columns.Contains("amount"),
        _ => h.Columns.Contains("count"),
    };

    private static Header? ReadHeader(RowView row)
    {
        var text = TextNorm.Compact(row.RawText);
        foreach (var (fragments, columns, template) in TemplateCatalog.Table2Headers)
        {
            if (fragments.Any(f => text.Contains(f, StringComparison.Ordinal)))
            {
                string? unit = null;
                if (columns.Contains("amount"))
                {
                    unit = text.Contains("万元", StringComparison.Ordinal) ? "万元" : text.Contains("元", StringComparison.Ordinal) ? "元" : null;
                }

                // The header's own cells after 信息内容, one per column, give each column's place on the grid.
                var cells = row.Cells.Where(c => c.Text.Trim().Length > 0).OrderBy(c => c.Column).ToList();
                var named = cells.Where(c => !TextNorm.Compact(c.Text).Contains("信息内容", StringComparison.Ordinal)).ToList();
                var spans = row.IsGrid && named.Count == columns.Length && cells.Count == named.Count + 1
                    ? named.Select(c => (c.Column, c.Column + c.ColumnSpan)).ToList()
                    : null;
                return new Header(template, columns, unit, row.RawText, row.Table, spans);
            }
        }

        return null;
    }

    private static string Label(string key) => key switch
    {
        "regulations" => "规章",
        "normative_docs" => "规范性文件",
        "licensing" => "行政许可",
        "other_services" => "其他对外管理服务事项",
        "penalty" => "行政处罚",
        "enforcement" => "行政强制",
        "fees" => "行政事业性收费",
        _ => "政府集中采购",
    };
}
