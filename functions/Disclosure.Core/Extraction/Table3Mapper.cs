using Disclosure.Core.Contract;
using Disclosure.Core.Layout;
using Disclosure.Core.Vocabulary;

namespace Disclosure.Core.Extraction;

/// <summary>
/// Table 3 (收到和处理政府信息公开申请情况): applicant columns from the header (by grid position where the backend
/// gives real positions, else by order), outcome rows by label; 2019 vs 2021 decided by the （六） rows.
/// </summary>
internal static partial class Table3Mapper
{
    private static readonly string[] Standard = [.. CanonicalKeys.Table3Columns];
    private static readonly string[] Rows2021Only = ["other_no_correction", "other_no_fee", "other_other"];

    private sealed record DataRow(string Key, RowView Row);

    public static TableReading Map(IReadOnlyList<RowView> rows, int year, TemplateForm? table2Template, ExtractionState state)
    {
        var headerKeys = new HashSet<string>(StringComparer.Ordinal);
        var columnMap = new Dictionary<(int Table, int Column), string>();
        var data = new List<DataRow>();
        var extras = new List<(string Label, IReadOnlyList<decimal?> Values)>();
        var subtotalRows = new List<RowView>();
        string? previous = null;

        // OCR sometimes merges the labels of consecutive rows into one cell and leaves the rows below with figures only:
        // the labels named after the first wait here for those unlabelled rows.
        var waiting = new Queue<string>();
        var names = new List<HeaderName>();
        var unlabelled = new List<string>();
        foreach (var row in JoinSplitLabels(rows))
        {
            if (!row.HasNumbers)
            {
                if (ReadHeader(row, headerKeys, columnMap))
                {
                    names.AddRange(HeaderNames(row));
                    continue;
                }

                if (row.Label.Length > 0)
                {
                    waiting.Clear();
                    foreach (var k in AllMatches(row.Label).Where(k => data.All(d => d.Key != k)))
                    {
                        waiting.Enqueue(k);
                    }
                }
            }

            var (key, byNumber) = Classify(row, previous);
            if (key is not null && byNumber)
            {
                // Said, but the values stay confident: the row is placed by its item number between its neighbours (a
                // label cut by a page break or garbled by OCR); the figures themselves were read, so its identities are checked.
                state.Add(FindingCodes.ExtractionUncertain,
                    $"表3行名“{row.RawLabel}”未能识别，按其编号推断为“{TemplateCatalog.Table3RowLabel(key)}”，请核对原表。",
                    Standard.Select(c => $"t3.{key}.{c}").ToList(), row.RawText);
            }

            if (row.HasNumbers && row.Label.Length > 0)
            {
                var named = AllMatches(row.Label);
                if (named.Count > 1)
                {
                    key = named[0];
                    waiting.Clear();
                    foreach (var k in named.Skip(1))
                    {
                        waiting.Enqueue(k);
                    }
                }
                else if (key is not null)
                {
                    waiting.Clear();
                }
            }
            else if (row.HasNumbers && row.Label.Length == 0 && key is null && waiting.Count > 0)
            {
                key = waiting.Dequeue();
                state.Note(FindingCodes.ExtractionUncertain,
                    $"表3有一行数字没有行名，按上方合并在一起的行名推断为“{TemplateCatalog.Table3RowLabel(key)}”，请核对原表。",
                    Standard.Select(c => $"t3.{key}.{c}").ToList(), row.RawText);
            }

            if (key is null)
            {
                if (!row.HasNumbers)
                {
                    continue; // a wrapped label line or a group label (三、本年度办理结果) without figures
                }

                if (IsGroupSubtotal(row.Label) is not null)
                {
                    subtotalRows.Add(row);
                    continue;
                }

                if (row.Label.Length == 0)
                {
                    unlabelled.Add(row.RawText); // a label lost in reading, not a row the report added
                    continue;
                }

                state.Add(FindingCodes.TemplateDeviation, $"表3出现无法识别的行“{row.RawLabel}”，统一格式中没有该行，其数据未计入。", [], row.RawText);
                continue;
            }

            // A row without any figure under a key already read is the rest of that row's label (cut by a page break or
            // wrapped into a grid row of its own), not a second, blank reading of it; and a blank reading read first gives
            // way to the row with the figures.
            var earlier = data.FindIndex(d => d.Key == key);
            if (earlier >= 0 && !HasValues(row))
            {
                continue;
            }

            if (earlier >= 0 && !HasValues(data[earlier].Row))
            {
                data.RemoveAt(earlier);
            }

            data.Add(new DataRow(key, row));
            previous = key;
        }

        if (unlabelled.Count > 0)
        {
            state.Note(FindingCodes.ExtractionUncertain,
                $"表3有 {unlabelled.Count} 行数值未读出行名，无法确定属于哪一行，未采用，请核对原表。", [], string.Join("\n", unlabelled));
        }

        if (data.Count == 0)
        {
            return new TableReading(3, table2Template ?? TemplateForms.Of(TemplateNames.Required(year)), Present: false, Complete: false);
        }

        // 2021 splits （六） in three; a lone （六）其他处理 row with figures is the 2019 layout, or a subtotal beside the three.
        var has2021 = data.Any(d => Rows2021Only.Contains(d.Key));
        var hasOther = data.Any(d => d.Key == "other");
        if (has2021 && hasOther)
        {
            var other = data.First(d => d.Key == "other");
            data.Remove(other);
            subtotalRows.Add(other.Row);
            hasOther = false;
        }

        var template = has2021 ? TemplateVersion.V2021 : hasOther ? TemplateVersion.V2019 : table2Template?.Version() ?? TemplateNames.Required(year);
        InferUnreadColumns(columnMap, headerKeys, data, state);
        var useGrid = columnMap.Count > 0 && columnMap.Values.Distinct().Count() >= 6;
        var byName = useGrid ? null : NamePositions(names);
        if (byName is not null)
        {
            headerKeys.UnionWith(byName.Select(n => n.Key)); // names a merged header cell printed together are columns all the same
        }

        var layout = Layout(headerKeys, state);

        foreach (var d in data)
        {
            if (useGrid && d.Row.IsGrid)
            {
                MapByPosition(d, columnMap, state);
            }
            else if (byName is not null && d.Row.IsGrid)
            {
                MapByHeaderNames(d, byName, state);
            }
            else
            {
                MapBySequence(d, layout, state);
            }
        }

        // A row that was found but left columns unread (its cells on a part of the table whose header lost them):
        // those cells are not read, and the row says so, rather than passing for blanks.
        foreach (var d in data.GroupBy(d => d.Key).Select(g => g.First()))
        {
            // Only the columns the header has: a column the report's table lacks is a TEMPLATE_DEVIATION, not a misread.
            var unread = layout.Where(c => c != "subtotal").Select(c => $"t3.{d.Key}.{c}").Where(k => !state.Cells.ContainsKey(k)).ToList();
            if (unread.Count > 0)
            {
                foreach (var key in unread)
                {
                    state.SetAbsent(key);
                }

                state.Note(FindingCodes.ExtractionUncertain, $"表3“{d.Row.RawLabel}”行有 {unread.Count} 个单元格未能读出，请核对原表。", unread, d.Row.RawText);
            }
        }

        foreach (var row in subtotalRows)
        {
            extras.Add((row.RawLabel, row.Slots.Select(s => s.Value.Value).ToList()));
            CheckSubtotal(row, layout, state);
        }

        if (subtotalRows.Count > 0)
        {
            state.Add(FindingCodes.TemplateDeviation,
                $"表3增加了统一格式没有的小计行：{string.Join("、", subtotalRows.Select(r => r.RawLabel))}。小计行不计入标准单元格。", []);
        }

        var expectedRows = CanonicalKeys.Table3Rows(template);
        var missing = expectedRows.Where(r => data.All(d => d.Key != r)).ToList();
        if (missing.Count > 0)
        {
            state.Incomplete(
                $"表3不完整：缺少 {missing.Count} 行（{string.Join("、", missing.Take(6))}{(missing.Count > 6 ? "等" : string.Empty)}），表格可能被截断，请补齐全部行。",
                missing.SelectMany(r => Standard.Select(c => $"t3.{r}.{c}")).ToList());
        }

        return new TableReading(3, TemplateForms.Of(template), Present: true, Complete: missing.Count == 0) { ExtraRows = extras };
    }

    private static bool HasValues(RowView row) => row.Slots.Any(s => !s.Value.IsEmpty);

    /// <summary>
    /// A row cut by a page break prints its label in two pieces, one beside the figures and one in a grid row without
    /// any (`2.其他法律行` | `政法规禁止公开`; `（六 1.申请人无正当理由逾期` | `）其他处理 不补正…`): neither piece names the row,
    /// joined column by column they do. A figure row whose label names no row takes the figure-less piece right below
    /// it, or else right above it, when the joined label names a row, the piece alone names no other one (the （六）
    /// group's own words excepted: pieces of its items carry them) and the lower piece does not open a row of its own.
    /// The figures stay as read.
    /// </summary>
    internal static IReadOnlyList<RowView> JoinSplitLabels(IReadOnlyList<RowView> rows)
    {
        var output = new List<RowView>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            // （六）其他处理 alone names the group only: a piece of one of its items may carry just those words.
            if (row.HasNumbers && TemplateCatalog.Match(TemplateCatalog.Table3Rows, row.Label) is null or "other")
            {
                if (i + 1 < rows.Count && Joined(row, rows[i + 1], pieceBelow: true) is { } withBelow)
                {
                    output.Add(withBelow);
                    i++;
                    continue;
                }

                if (output.Count > 0 && Joined(row, output[^1], pieceBelow: false) is { } withAbove)
                {
                    output[^1] = withAbove;
                    continue;
                }
            }

            output.Add(row);
        }

        return output;
    }

    private static RowView? Joined(RowView figures, RowView piece, bool pieceBelow)
    {
        if (piece.HasNumbers || HasValues(piece) || piece.Label.Length == 0 || IsHeaderText(piece))
        {
            return null;
        }

        IEnumerable<LayoutCell> LabelCells(RowView row)
        {
            var slots = row.Slots.Select(s => s.Cell).ToHashSet(ReferenceEqualityComparer.Instance);
            return row.Cells.Where(c => c.Text.Trim().Length > 0 && !slots.Contains(c));
        }

        var (upper, lower) = pieceBelow ? (figures, piece) : (piece, figures);

        // The lower piece continues the upper one's last label cell mid-word; a label that opens with its own item
        // number or bracket (3.危及…, （四）…, 四、…) is a row of its own, perhaps left blank, never a continuation.
        var upperLast = LabelCells(upper).Select(c => c.Column).DefaultIfEmpty(-1).Max();
        var continuation = LabelCells(lower).Where(c => c.Column == upperLast).Select(c => TextNorm.Compact(c.Text)).FirstOrDefault();
        if (continuation is null || OpensRow().IsMatch(continuation))
        {
            return null;
        }

        var raw = string.Concat(LabelCells(upper).Concat(LabelCells(lower))
            .GroupBy(c => c.Column).OrderBy(g => g.Key).Select(g => string.Concat(g.Select(c => c.Text.Trim()))));
        var label = TextNorm.Compact(raw);
        var key = TemplateCatalog.Match(TemplateCatalog.Table3Rows, label);
        var alone = TemplateCatalog.Match(TemplateCatalog.Table3Rows, piece.Label);
        if (key is null or "other" || (alone is not null && alone != key && alone != "other"))
        {
            return null;
        }

        return figures with { Label = label, RawLabel = raw };
    }

    private static bool IsHeaderText(RowView row) =>
        row.Cells.Select(c => TextNorm.Compact(c.Text))
            .Any(t => t is "其他" || TemplateCatalog.Match(TemplateCatalog.Table3Columns, t) is not null)
        || row.Label.Contains("申请人情况", StringComparison.Ordinal) || row.Label.Contains("法人或其他组织", StringComparison.Ordinal);

    /// <summary>
    /// Grid tables (PDF, scans, HTML, DOCX): a header cell that was not read (OCR splits 自然人 or 总计 over lines) leaves
    /// its column unnamed. When the neighbouring columns are known and the data rows have figures in the column right
    /// beside them, the standard column order names it; flagged, because the header itself was not read.
    /// </summary>
    private static void InferUnreadColumns(Dictionary<(int Table, int Column), string> columnMap, HashSet<string> headerKeys, List<DataRow> data, ExtractionState state)
    {
        foreach (var table in columnMap.Keys.Select(k => k.Table).Distinct().ToList())
        {
            var valueColumns = data.Where(d => d.Row.IsGrid && d.Row.TableIndex == table)
                .SelectMany(d => d.Row.Slots.Where(s => s.IsNumber).Select(s => s.Cell.Column)).ToHashSet();
            var inferred = new List<string>();
            for (var changed = true; changed;)
            {
                changed = false;
                // A header read twice (总计 over two lines, a repeated header) names two columns alike: the first one places its neighbours.
                var known = columnMap.Where(kv => kv.Key.Table == table).GroupBy(kv => kv.Value).ToDictionary(g => g.Key, g => g.Min(kv => kv.Key.Column));
                var used = known.Values.ToHashSet();
                for (var i = 0; i < Standard.Length; i++)
                {
                    var key = Standard[i];
                    if (known.ContainsKey(key))
                    {
                        continue;
                    }

                    int? column = null;
                    if (i > 0 && known.TryGetValue(Standard[i - 1], out var left) && !used.Contains(left + 1) && valueColumns.Contains(left + 1))
                    {
                        column = left + 1;
                    }
                    else if (i < Standard.Length - 1 && known.TryGetValue(Standard[i + 1], out var right) && !used.Contains(right - 1) && valueColumns.Contains(right - 1))
                    {
                        column = right - 1;
                    }

                    if (column is { } c)
                    {
                        columnMap[(table, c)] = key;
                        headerKeys.Add(key);
                        inferred.Add(key);
                        changed = true;
                        break;
                    }
                }
            }

            if (inferred.Count > 0)
            {
                state.Note(FindingCodes.ExtractionUncertain,
                    $"表3表头中“{string.Join("、", inferred.Select(ColumnLabel))}”未能识别，已按统一格式的列顺序推断，请核对原表。",
                    inferred.Select(k => $"t3.*.{k}").ToList());
            }
        }
    }

    /// <summary>Every specific row a label names, in the order they appear in it (for labels OCR merged).</summary>
    private static List<string> AllMatches(string label)
    {
        var found = new List<(int At, string Key)>();
        foreach (var (key, fragments) in TemplateCatalog.Table3Rows)
        {
            if (key is "other" or "results_total")
            {
                continue;
            }

            var at = fragments.Select(f => label.IndexOf(f, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
            if (at >= 0)
            {
                found.Add((at, key));
            }
        }

        return found.OrderBy(f => f.At).Select(f => f.Key).Distinct().ToList();
    }

    /// <summary>The row's key, and whether only its item number gave it (the words were unreadable).</summary>
    private static (string? Key, bool ByNumber) Classify(RowView row, string? previous)
    {
        var label = row.Label;
        var key = TemplateCatalog.Match(TemplateCatalog.Table3Rows, label);
        // （六）其他处理 names its group as well as the 2019 row: a garbled first item under it is looked for below first.
        if (key is not null && !(key == "other" && ItemNumber().IsMatch(label)))
        {
            return (key, false);
        }

        if (row.HasNumbers && (label.EndsWith("总计", StringComparison.Ordinal) || label.EndsWith("合计", StringComparison.Ordinal)) && label.Length <= 8)
        {
            return ("results_total", false);
        }

        // "3.其他" is the third （六） item only right after the first two.
        if (label.EndsWith("其他", StringComparison.Ordinal) && label.Length <= 8 && previous is "other_no_fee" or "other_no_correction")
        {
            return ("other_other", false);
        }

        // A numbered item whose words OCR garbled (执法案卷 read as 执法案从) is named by its number: item 1 of the group
        // whose label opens the row, or a later item of the group of the row before.
        if (row.HasNumbers && ItemNumber().Match(label) is { Success: true } m)
        {
            var number = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var opening = TemplateCatalog.Table3Groups.FirstOrDefault(g => label.Contains(g.Label[3..], StringComparison.Ordinal)).Members;
            if (number == 1 && opening is not null)
            {
                return (opening[0], true);
            }

            var members = previous is null ? null : TemplateCatalog.Table3Groups.FirstOrDefault(g => g.Members.Contains(previous)).Members;
            if (members is not null && number - 1 > Array.IndexOf(members, previous) && number <= members.Length)
            {
                return (members[number - 1], true);
            }
        }

        // One character misread in a long enough fragment (不学握 for 不掌握 inside 本机关不掌握) still names the row; the item
        // number comes first, since a garbled label can be one character away from another item's (友复申请 ~ 重复申请).
        if (row.HasNumbers && TemplateCatalog.MatchWithOneSubstitution(TemplateCatalog.Table3Rows, label) is { } near)
        {
            return (near, false);
        }

        if (key is not null)
        {
            return (key, false);
        }

        return (null, false);
    }

    private static string? IsGroupSubtotal(string label) =>
        TemplateCatalog.Table3Groups.FirstOrDefault(g => label.EndsWith(g.Label[3..], StringComparison.Ordinal)).Label;

    /// <summary>Reads applicant-type headers; returns true when the row is a header row.</summary>
    private static bool ReadHeader(RowView row, HashSet<string> keys, Dictionary<(int, int), string> columnMap)
    {
        var cells = row.Cells.ToList();
        var found = false;
        foreach (var cell in cells)
        {
            var text = TextNorm.Compact(cell.Text);
            var key = text is "其他" or "其他组织" ? "other_org" : TemplateCatalog.Match(TemplateCatalog.Table3Columns, text);
            if (key is null)
            {
                continue;
            }

            found = true;
            keys.Add(key);
            if (row.IsGrid && cell.ColumnSpan == 1)
            {
                columnMap[(row.TableIndex, cell.Column)] = key;
            }
        }

        return found || row.Label.Contains("申请人情况", StringComparison.Ordinal) || row.Label.Contains("勾稽关系", StringComparison.Ordinal)
            || row.Label.Contains("法人或其他组织", StringComparison.Ordinal);
    }

    /// <summary>The column order of this report's table 3, from its headers; deviations from the official header are findings.</summary>
    private static IReadOnlyList<string> Layout(HashSet<string> headerKeys, ExtractionState state)
    {
        if (headerKeys.Count == 0)
        {
            return Standard;
        }

        var layout = new List<string>();
        foreach (var key in CanonicalKeys.Table3Parts.Append("subtotal").Append("total"))
        {
            if (headerKeys.Contains(key))
            {
                layout.Add(key);
            }
        }

        var missing = Standard.Where(k => !headerKeys.Contains(k)).ToList();
        if (missing.Count > 0)
        {
            state.Add(FindingCodes.TemplateDeviation,
                $"表3表头缺少列：{string.Join("、", missing.Select(ColumnLabel))}。请使用统一格式的七列（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）。",
                missing.Select(k => $"t3.*.{k}").ToList());
        }

        if (headerKeys.Contains("subtotal"))
        {
            state.Add(FindingCodes.TemplateDeviation, "表3增加了统一格式没有的“小计”列，该列不计入标准单元格，已与分项核对。", []);
        }

        return layout;
    }

    private static string? ColumnOf(DataRow d, Slot slot, Dictionary<(int Table, int Column), string> columnMap) =>
        columnMap.TryGetValue((d.Row.TableIndex, slot.Cell.Column), out var column)
            ? column
            // Header read from another table (split across pages): fall back to the first table's positions.
            : columnMap.Where(kv => kv.Key.Column == slot.Cell.Column).Select(kv => kv.Value).FirstOrDefault();

    private static void MapByPosition(DataRow d, Dictionary<(int Table, int Column), string> columnMap, ExtractionState state)
    {
        // A figure under no header column means this row's cells do not line up with the header (its label cells
        // merged or split differently): which figure belongs to which column cannot be told, so none is placed.
        var stray = d.Row.Slots.Where(s => s.IsNumber && ColumnOf(d, s, columnMap) is null).ToList();
        if (stray.Count > 0)
        {
            var keys = CanonicalKeys.Table3Columns.Where(c => columnMap.ContainsValue(c)).Select(c => $"t3.{d.Key}.{c}").ToList();
            foreach (var key in keys)
            {
                state.SetAbsent(key);
            }

            state.Note(FindingCodes.ExtractionUncertain,
                $"表3“{d.Row.RawLabel}”行的数值与表头各列对不齐（{string.Join("、", stray.Select(s => s.Value.Raw))}不在任何表头列之下），无法确定所属列，未采用该行数值，请核对原表。",
                keys, d.Row.RawText);
            return;
        }

        var mapped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var slot in d.Row.Slots)
        {
            var column = ColumnOf(d, slot, columnMap);
            if (column is null or "subtotal")
            {
                continue;
            }

            if (slot.Cell.ColumnSpan > 1 && slot.IsNumber)
            {
                state.Note(FindingCodes.ExtractionUncertain, $"表3“{d.Row.RawLabel}”行的单元格跨越多列，数值 {slot.Value.Raw} 只计入 {column} 列，请核对。", [$"t3.{d.Key}.{column}"], d.Row.RawText);
            }

            if (mapped.Add(column))
            {
                state.Set($"t3.{d.Key}.{column}", slot, d.Row);
            }
        }

        // A known column with no cell in this row (e.g. OCR put the figure into the label): not read, and said so.
        var missing = columnMap.Where(kv => kv.Key.Table == d.Row.TableIndex && kv.Value != "subtotal" && !mapped.Contains(kv.Value))
            .Select(kv => kv.Value).Distinct().ToList();
        if (missing.Count > 0 && mapped.Count > 0)
        {
            foreach (var column in missing)
            {
                state.SetAbsent($"t3.{d.Key}.{column}");
            }

            state.Note(FindingCodes.ExtractionUncertain,
                $"表3“{d.Row.RawLabel}”行缺少{string.Join("、", missing.Select(ColumnLabel))}列的单元格，未能读出，请核对原表。",
                missing.Select(c => $"t3.{d.Key}.{c}").ToList(), d.Row.RawText);
        }
    }

    /// <summary>Where a column's name is printed in the header: its key and its x-extent on the page.</summary>
    private sealed record HeaderName(string Key, double Left, double Right)
    {
        public double Center => (Left + Right) / 2;
    }

    /// <summary>
    /// Every column name in a header row's cells with a box, placed by its characters' share of the cell's text (CJK
    /// characters are of one width): a grid that merged header cells (自然人法人或其他组织 in one cell) still says where
    /// each name is printed. 法人或其他组织 is the group's name and holds 其他 without naming a column.
    /// </summary>
    private static IEnumerable<HeaderName> HeaderNames(RowView row)
    {
        foreach (var cell in row.Cells.Where(c => c.Box is not null))
        {
            var text = TextNorm.Compact(cell.Text);
            if (text.Length == 0)
            {
                continue;
            }

            var masked = text.Replace("法人或其他组织", new string('\0', "法人或其他组织".Length), StringComparison.Ordinal);
            var width = cell.Box!.Width / text.Length;
            foreach (var (key, fragments) in TemplateCatalog.Table3Columns.Append(("other_org", ["其他"])))
            {
                foreach (var f in fragments)
                {
                    var at = masked.IndexOf(f, StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        masked = masked[..at] + new string('\0', f.Length) + masked[(at + f.Length)..];
                        yield return new HeaderName(key, cell.Box.Left + (at * width), cell.Box.Left + ((at + f.Length) * width));
                        break;
                    }
                }
            }
        }
    }

    /// <summary>
    /// The header's column names by position, when they can place values: all seven standard names found once each,
    /// left to right in the official order. Null otherwise (values are then not placed by these names).
    /// </summary>
    private static IReadOnlyList<HeaderName>? NamePositions(List<HeaderName> names)
    {
        var first = names.GroupBy(n => n.Key).Select(g => g.First()).OrderBy(n => n.Center).ToList();
        var standard = first.Where(n => n.Key != "subtotal").Select(n => n.Key).ToList();
        return standard.SequenceEqual(Standard) ? first : null;
    }

    /// <summary>
    /// A value placed under the header name printed nearest above it, where the grid's columns cannot tell (its cells
    /// merged several columns): at most half as far from that name as from any other, else not placed and flagged. A
    /// column with no text of the row under it is blank: nothing is printed there.
    /// </summary>
    private static void MapByHeaderNames(DataRow d, IReadOnlyList<HeaderName> names, ExtractionState state)
    {
        var placed = new Dictionary<string, Slot>(StringComparer.Ordinal);
        var doubtful = new HashSet<string>(StringComparer.Ordinal);
        foreach (var slot in d.Row.Slots.Where(s => !s.Value.IsEmpty))
        {
            if (slot.Cell.Box is not { } box)
            {
                doubtful.UnionWith(names.Select(n => n.Key));
                continue;
            }

            var nearest = names.OrderBy(n => Math.Abs(n.Center - box.CenterX)).Take(2).ToList();
            var clear = nearest.Count == 1 || Math.Abs(nearest[0].Center - box.CenterX) * NameDistanceRatio < Math.Abs(nearest[1].Center - box.CenterX);
            if (!clear || !placed.TryAdd(nearest[0].Key, slot))
            {
                doubtful.UnionWith(nearest.Select(n => n.Key));
            }
        }

        foreach (var name in names.Where(n => n.Key != "subtotal"))
        {
            var key = $"t3.{d.Key}.{name.Key}";
            if (doubtful.Contains(name.Key))
            {
                state.SetAbsent(key);
            }
            else if (placed.TryGetValue(name.Key, out var slot))
            {
                state.Set(key, slot, d.Row);
            }
            else
            {
                state.SetBlank(key, d.Row.Table.Page);
            }
        }

        if (doubtful.Count > 0)
        {
            state.Note(FindingCodes.ExtractionUncertain,
                $"表3“{d.Row.RawLabel}”行的数值与表头列名的位置对不齐，无法确定所属列，未采用这些数值，请核对原表。",
                doubtful.Where(k => k != "subtotal").Select(k => $"t3.{d.Key}.{k}").ToList(), d.Row.RawText);
        }
    }

    /// <summary>A value belongs to the nearest header name only when the next nearest is at least this many times farther.</summary>
    private const double NameDistanceRatio = 2.0;

    private static void MapBySequence(DataRow d, IReadOnlyList<string> layout, ExtractionState state)
    {
        var slots = d.Row.SlotsFor(layout.Count);
        var keys = layout;
        if (slots.Count == Standard.Length && layout.Count == Standard.Length - 1 && !layout.Contains("other_org") && !layout.Contains("subtotal"))
        {
            keys = Standard; // the row carries the column the header lost
        }

        if (slots.Count == keys.Count)
        {
            for (var i = 0; i < keys.Count; i++)
            {
                if (keys[i] != "subtotal")
                {
                    state.Set($"t3.{d.Key}.{keys[i]}", slots[i], d.Row);
                }
            }

            return;
        }

        var canonical = keys.Where(k => k != "subtotal").Select(k => $"t3.{d.Key}.{k}").ToList();
        if (slots.Count > keys.Count)
        {
            // More figures than columns: parts in order, the last figure as 总计; flagged.
            for (var i = 0; i < keys.Count - 1; i++)
            {
                state.Set($"t3.{d.Key}.{keys[i]}", slots[i], d.Row);
            }

            state.Set($"t3.{d.Key}.{keys[^1]}", slots[^1], d.Row);
            state.Note(FindingCodes.ExtractionUncertain, $"表3“{d.Row.RawLabel}”行有 {slots.Count} 个数值，多于表头的 {keys.Count} 列，列的对应关系可能有误，请核对。", canonical, d.Row.RawText);
            return;
        }

        // Fewer figures than columns: which cell is missing cannot be known from the text.
        var page = slots.Count > 0 ? slots[0].Page : d.Row.Table.Page;
        if (slots.Count == keys.Count - 1 && slots.All(s => s.IsNumber && s.Value.Value == 0m))
        {
            // One figure lost and every printed one is 0: whichever cell is missing, the row's own total makes it 0 too.
            // With more missing (columns blank throughout), they stay null: blank is not 0.
            foreach (var k in keys.Where(k => k != "subtotal"))
            {
                state.SetInferred($"t3.{d.Key}.{k}", 0m, page);
            }

            state.Note(FindingCodes.ExtractionUncertain,
                $"表3“{d.Row.RawLabel}”行只有 {slots.Count} 个数值（应为 {keys.Count} 个），且均为0，缺失单元格按0推断，请核对原表。", canonical, d.Row.RawText);
            return;
        }

        // One figure short with the total printed: the missing part is total − parts, the only consistent reading.
        if (slots.Count == keys.Count - 1 && slots.All(s => s.IsNumber) && !keys.Contains("subtotal"))
        {
            var parts = slots.Take(slots.Count - 1).Sum(s => s.Value.Value!.Value);
            var missingValue = slots[^1].Value.Value!.Value - parts;
            if (missingValue >= 0)
            {
                for (var i = 0; i < slots.Count - 1; i++)
                {
                    state.Set($"t3.{d.Key}.{keys[i]}", slots[i], d.Row);
                }

                state.Set($"t3.{d.Key}.{keys[^1]}", slots[^1], d.Row);
                state.SetInferred($"t3.{d.Key}.{keys[^2]}", missingValue, page);
                state.Note(FindingCodes.ExtractionUncertain,
                    $"表3“{d.Row.RawLabel}”行少一个数值，按顺序对应后将{ColumnLabel(keys[^2])}列推断为 {missingValue}（总计减分项），请核对原表。",
                    canonical, d.Row.RawText);
                return;
            }
        }

        for (var i = 0; i < slots.Count - 1 && i < keys.Count - 1; i++)
        {
            state.Set($"t3.{d.Key}.{keys[i]}", slots[i], d.Row);
        }

        if (slots.Count > 0)
        {
            state.Set($"t3.{d.Key}.{keys[^1]}", slots[^1], d.Row);
        }

        for (var i = Math.Max(0, slots.Count - 1); i < keys.Count - 1; i++)
        {
            state.SetAbsent($"t3.{d.Key}.{keys[i]}");
        }

        state.Note(FindingCodes.ExtractionUncertain,
            $"表3“{d.Row.RawLabel}”行只有 {slots.Count} 个数值（应为 {keys.Count} 个），无法确定缺失的是哪一列，已按顺序对应、末位计为总计，请核对原表。", canonical, d.Row.RawText);
    }

    private static void CheckSubtotal(RowView row, IReadOnlyList<string> layout, ExtractionState state)
    {
        var group = TemplateCatalog.Table3Groups.FirstOrDefault(g => row.Label.EndsWith(g.Label[3..], StringComparison.Ordinal));
        if (group.Members is null)
        {
            return;
        }

        var slots = row.SlotsFor(layout.Count);
        for (var i = 0; i < Math.Min(slots.Count, layout.Count); i++)
        {
            if (layout[i] == "subtotal" || slots[i].Value.Value is not { } printed)
            {
                continue;
            }

            var parts = group.Members.Select(m => state.Cells.GetValueOrDefault($"t3.{m}.{layout[i]}")?.Value).Where(v => v.HasValue).ToList();
            if (parts.Count > 0 && parts.Sum() != printed)
            {
                state.Add(FindingCodes.TemplateDeviation,
                    $"表3小计行“{row.RawLabel}”的{ColumnLabel(layout[i])}列为 {printed}，而分项之和为 {parts.Sum()}，两者不符。",
                    group.Members.Select(m => $"t3.{m}.{layout[i]}").ToList(), row.RawText, parts.Sum(), printed);
            }
        }
    }

    public static string ColumnLabel(string key) => TemplateCatalog.ColumnLabel(key);

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[0-9]{1,2}[.．、]|[(（]|[一二三四五六七八九十]+、)")]
    private static partial System.Text.RegularExpressions.Regex OpensRow();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![0-9])([0-9]{1,2})[.．、](?![0-9])")]
    private static partial System.Text.RegularExpressions.Regex ItemNumber();
}
