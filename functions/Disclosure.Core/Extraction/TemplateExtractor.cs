using System.Text.RegularExpressions;
using Disclosure.Core.Contract;
using Disclosure.Core.Layout;
using Disclosure.Core.Vocabulary;

namespace Disclosure.Core.Extraction;

/// <summary>
/// Maps a layout document onto the canonical cells of report-contract.md. Works row by row, so that tables split,
/// merged or cut by a backend are read the same way; the format (2019/2021) is decided per table and per row.
/// Never guesses silently: every inferred or ambiguous reading becomes an EXTRACTION_UNCERTAIN finding with raw text.
/// </summary>
public static partial class TemplateExtractor
{
    public static ExtractedReport Extract(LayoutDocument document)
    {
        var state = new ExtractionState { Ocr = document.Ocr };
        Walk(document, state);

        var meta = MetadataExtractor.Extract(state.Opening, state.AllParagraphs.TakeLast(8).ToList(), document.Properties);
        var year = meta.Year ?? YearFromText(state.SectionText(1));
        var agencyCheck = document.Ocr && meta.Agency is { } agency ? OcrAgencyCheck.Assess(document, agency) : null;
        if (agencyCheck?.Doubt is { } doubt)
        {
            // A misread name is as plausible as the right one: never presented as certain (the registry match may repair it).
            state.Add(FindingCodes.ExtractionUncertain, doubt + "，请对照原件核对单位名称。", [], OcrAgencyCheck.FindingDetail);
        }

        var t2 = Table2Mapper.Map(WithoutRepeats(state.Rows.Where(r => state.Context[r] == 2).ToList(), 2, state), year, state);
        var t3 = Table3Mapper.Map(WithoutRepeats(state.Rows.Where(r => state.Context[r] == 3).ToList(), 3, state), year ?? 0, t2.Template, state);
        var t4 = Table4Mapper.Map(WithoutRepeats(state.Rows.Where(r => state.Context[r] == 4).ToList(), 4, state), state);

        // Sections: a table's presence implies its section even when the heading was lost in conversion.
        foreach (var (table, present) in new[] { (2, t2.Present), (3, t3.Present), (4, t4.Present) })
        {
            if (present && !state.Sections.Contains(table))
            {
                state.Note(FindingCodes.ExtractionUncertain, $"未找到第{TemplateCatalog.ChineseNumerals[table - 1]}部分标题，但找到了对应的表格，按表格内容识别。", []);
                state.Sections.Add(table);
            }
        }

        foreach (var section in TemplateCatalog.Sections)
        {
            if (!state.Sections.Contains(section.Number) && document.Ocr)
            {
                // Read by OCR, an absent heading is as likely a misread as an omission: flagged for a look, not an accusation.
                state.Add(FindingCodes.ExtractionUncertain,
                    $"扫描件中未识别到第{TemplateCatalog.ChineseNumerals[section.Number - 1]}部分“{section.Heading}”的标题，可能是识别遗漏，请对照原件核对。", []);
            }
            else if (!state.Sections.Contains(section.Number))
            {
                state.Add(FindingCodes.MissingSection,
                    $"缺少第{TemplateCatalog.ChineseNumerals[section.Number - 1]}部分“{section.Heading}”。请按《政府信息公开条例》第五十条补齐该部分内容。", []);
            }
        }

        foreach (var (number, reading) in new[] { (2, t2), (3, t3), (4, t4) })
        {
            if (!reading.Present && document.Ocr)
            {
                // A table the scan path did not find (a tilted or faint grid) must not read as a missing table: its cells
                // are named doubtful, so nothing about them is silent and no one is told they left the table out.
                state.Add(FindingCodes.ExtractionUncertain,
                    $"扫描件中未能识别表{number}（{TableName(number)}），可能是识别失败而非缺表，请对照原件人工核对该表数据。", [$"t{number}.*"]);
            }
            else if (!reading.Present)
            {
                state.Add(FindingCodes.MissingTable, $"缺少表{number}（{TableName(number)}），请按统一格式补充该表及全部数据。", []);
            }
        }

        var template = CombineTemplates(t2.Template, t3.Template);
        if (t2.Present && t3.Present && t2.Template != t3.Template && t2.Template != TemplateForm.Mixed && t3.Template != TemplateForm.Mixed)
        {
            state.Add(FindingCodes.TemplateDeviation,
                $"表2使用{t2.Template.Name()}年版格式，表3使用{t3.Template.Name()}年版格式，新旧格式混用。请统一使用{TemplateNames.Name(TemplateNames.Required(year))}年版格式。", []);
        }

        var anyTable = t2.Present || t3.Present || t4.Present;
        var report = new ReportInfo(meta.Agency, year, TemplateNames.Name(template)) { Published = meta.Published, Title = meta.Title, AgencyConfidence = agencyCheck?.Confidence, AgencyUncertain = agencyCheck?.Doubt is null ? null : true };
        var cells = state.Cells.Values.OrderBy(c => CanonicalKeys.Order(c.Key)).ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToDictionary(c => c.Key, c => c, StringComparer.Ordinal);

        return new ExtractedReport
        {
            Report = report,
            Cells = cells,
            Sections = state.Sections,
            Tables = new Dictionary<int, TableReading> { [2] = t2, [3] = t3, [4] = t4 },
            Narrative = NarrativeExtractor.Extract(state.SectionParagraphs(1)),
            SectionTexts = NarrativeExtractor.Sections(state.Paragraphs),
            Findings = state.Findings,
            AmountUnits = state.AmountUnits,
            UncertainCells = state.Uncertain,
            Ocr = document.Ocr,
            LooksLikeReport = meta.Title is not null || state.Sections.Count >= 3 || anyTable,
        };
    }

    /// <summary>
    /// A table printed more than once (a copy pasted twice, a converter repeating a page): rows identical to an earlier
    /// row of the same table, label and values, are read once and reported once for the table, not once per cell
    /// (issue 14: a table 3 printed three times gave 350 findings). Rows that repeat a label with other values stay:
    /// those disagree, and each is flagged where it is read.
    /// </summary>
    private static List<RowView> WithoutRepeats(List<RowView> rows, int number, ExtractionState state)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<RowView>(rows.Count);
        var repeated = 0;
        foreach (var row in rows)
        {
            var key = row.RawLabel + "\u0001" + string.Join("\u0001", row.Slots.Select(slot => slot.Value.Raw));
            if (row.HasNumbers && !seen.Add(key))
            {
                repeated++;
                continue;
            }

            kept.Add(row);
        }

        if (repeated > 0)
        {
            state.Note(FindingCodes.ExtractionUncertain,
                $"表{number}有 {repeated} 行与前面的行完全相同（同一表格出现了不止一次），已只读取第一次出现的内容，请核对原件。", []);
        }

        return kept;
    }

    public static string TableName(int number) => number switch
    {
        2 => "主动公开政府信息情况",
        3 => "收到和处理政府信息公开申请情况",
        _ => "政府信息公开行政复议、行政诉讼情况",
    };

    private static TemplateForm? CombineTemplates(TemplateForm? t2, TemplateForm? t3)
    {
        if (t2 == TemplateForm.Mixed || t3 == TemplateForm.Mixed)
        {
            return TemplateForm.Mixed;
        }

        if (t2 is not null && t3 is not null)
        {
            return t2 == t3 ? t2 : TemplateForm.Mixed;
        }

        return t2 ?? t3;
    }

    private static int? YearFromText(string text)
    {
        var m = YearInText().Match(TextNorm.Compact(text));
        return m.Success ? int.Parse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Walks blocks in reading order: section headings, opening lines, and table rows with their context.</summary>
    private static void Walk(LayoutDocument document, ExtractionState state)
    {
        var section = 0;
        var tableIndex = 0;
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case LayoutParagraph p:
                    if (SectionHeading(p.Text) is { } s && !state.Sections.Contains(s))
                    {
                        section = s;
                        state.Sections.Add(s);
                    }
                    else if (section == 0)
                    {
                        state.Opening.Add(p.Text);
                    }

                    state.AllParagraphs.Add(p.Text);
                    state.Paragraphs.Add((section, p.Text));
                    break;
                case LayoutTable t:
                    var context = section is >= 2 and <= 4 ? section : 0;
                    foreach (var row in RowView.FromTable(t, tableIndex, section))
                    {
                        context = NextContext(context, row);
                        state.Rows.Add(row);
                        state.Context[row] = context;

                        // A heading that a backend placed inside a table (one-cell row) still opens its section.
                        if (!row.HasNumbers && row.Slots.Count == 0 && SectionHeading(row.RawLabel) is { } hs && !state.Sections.Contains(hs))
                        {
                            section = hs;
                            state.Sections.Add(hs);
                        }
                    }

                    tableIndex++;
                    break;
            }
        }
    }

    /// <summary>The table a row belongs to: from its section, switched by header rows and unmistakable labels.</summary>
    private static int NextContext(int current, RowView row)
    {
        var label = row.Label;
        if (!row.HasNumbers)
        {
            if (label.Contains("第二十条", StringComparison.Ordinal) || label.Contains("信息内容", StringComparison.Ordinal)
                || TemplateCatalog.Table2Headers.Any(h => h.Fragments.Any(f => label.Contains(f, StringComparison.Ordinal))))
            {
                return 2;
            }

            if (label.Contains("申请人情况", StringComparison.Ordinal) || label.Contains("自然人", StringComparison.Ordinal)
                || label.Contains("勾稽关系", StringComparison.Ordinal) || label.Contains("法人或其他组织", StringComparison.Ordinal))
            {
                return 3;
            }

            if (label.Contains("行政复议", StringComparison.Ordinal)
                && (label.Contains("行政诉讼", StringComparison.Ordinal) || label.Contains("结果维持", StringComparison.Ordinal) || label.Contains("尚未审结", StringComparison.Ordinal)))
            {
                return 4;
            }

            if (current == 4 && (label.Contains("结果维持", StringComparison.Ordinal) || label.Contains("直接起诉", StringComparison.Ordinal)))
            {
                return 4;
            }
        }

        if (row.HasNumbers)
        {
            var t3 = TemplateCatalog.Match(TemplateCatalog.Table3Rows, label);
            if (t3 is not null and not "other" && current != 4)
            {
                return 3;
            }

            if (TemplateCatalog.Match(TemplateCatalog.Table2Rows, label) is not null && current != 3)
            {
                return 2;
            }

            if (label.Length == 0 && row.NumberCount >= 15 && current != 3)
            {
                return 4;
            }
        }

        return current;
    }

    /// <summary>The section number a heading opens, or null for any other line.</summary>
    public static int? SectionHeading(string text)
    {
        var compact = TextNorm.Compact(text);
        if (compact.Length == 0 || compact.Length > 40)
        {
            return null;
        }

        var m = HeadingPrefix().Match(compact);
        if (m.Groups["paren"].Success)
        {
            return null; // （一）… is a subsection of the narrative, never a section.
        }

        var numeral = m.Groups["num"].Value;
        var rest = compact[m.Length..];
        foreach (var entry in TemplateCatalog.Sections)
        {
            var rightNumber = numeral.Length == 0 || numeral == TemplateCatalog.ChineseNumerals[entry.Number - 1] || numeral == entry.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!rightNumber)
            {
                continue;
            }

            foreach (var keyword in entry.Keywords)
            {
                var at = rest.IndexOf(keyword, StringComparison.Ordinal);
                if (at < 0 || at > 12)
                {
                    continue;
                }

                // Short keywords only count as a heading when the line is (nearly) only that keyword.
                var strong = keyword.Length >= 7;
                var tail = rest[(at + keyword.Length)..];
                if (strong || (at <= 6 && tail.Length <= 4) || (numeral.Length > 0 && tail.Length <= 6))
                {
                    return entry.Number;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?:(?<paren>[(（][一二三四五六七八九十\d]+[)）])|第?(?<num>[一二三四五六]|\d)(?:部分)?[、.．,，:：\s]|[、.．])?")]
    private static partial Regex HeadingPrefix();

    [GeneratedRegex(@"(?<y>20\d{2})年")]
    private static partial Regex YearInText();
}

/// <summary>Mutable state of one extraction run; never shared.</summary>
internal sealed class ExtractionState
{
    /// <summary>The document was read by OCR: what it does not show may be a misread, so absences are flagged, not accused.</summary>
    public bool Ocr { get; init; }

    public HashSet<int> Sections { get; } = [];
    public List<string> Opening { get; } = [];
    public List<string> AllParagraphs { get; } = [];
    public List<(int Section, string Text)> Paragraphs { get; } = [];
    public List<RowView> Rows { get; } = [];
    public Dictionary<RowView, int> Context { get; } = new(ReferenceEqualityComparer.Instance);
    public Dictionary<string, ExtractedCell> Cells { get; } = new(StringComparer.Ordinal);
    public List<Finding> Findings { get; } = [];
    public Dictionary<string, string?> AmountUnits { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Uncertain { get; } = new(StringComparer.Ordinal);

    public IEnumerable<string> SectionParagraphs(int section) => Paragraphs.Where(p => p.Section == section).Select(p => p.Text);

    public string SectionText(int section) => string.Join("\n", SectionParagraphs(section));

    public void Add(string code, string message, IReadOnlyList<string> cells, string? detail = null, decimal? expected = null, decimal? actual = null) =>
        Findings.Add(new Finding(code, FindingCodes.Severities[code], message, cells, expected, actual) { Detail = detail });

    /// <summary>
    /// Cells of a table not found: INCOMPLETE_TABLE (the agency is asked to fill them in) on a document read from text; on
    /// an OCR'd one a doubtful reading naming them, since a cell the scan did not show may be one the recogniser lost
    /// (as an absent table is, OcrAbsenceTests).
    /// </summary>
    public void Incomplete(string message, IReadOnlyList<string> cells)
    {
        if (Ocr)
        {
            Note(FindingCodes.ExtractionUncertain, $"扫描件中未能读到 {cells.Count} 个单元格（{string.Join("、", cells.Take(5))}{(cells.Count > 5 ? "等" : string.Empty)}），可能是识别失败，请对照原件核对。", cells);
        }
        else
        {
            Add(FindingCodes.IncompleteTable, message, cells);
        }
    }

    /// <summary>An uncertainty: raised as EXTRACTION_UNCERTAIN and remembered per cell.</summary>
    public void Note(string code, string message, IReadOnlyList<string> cells, string? detail = null)
    {
        Add(code, message, cells, detail);
        if (code == FindingCodes.ExtractionUncertain)
        {
            foreach (var c in cells)
            {
                Uncertain.Add(c);
            }
        }
    }

    /// <summary>Stores a cell; the first reading of a key wins and a second one is reported.</summary>
    public void Set(string key, Slot slot, RowView row)
    {
        if (Cells.ContainsKey(key))
        {
            Note(FindingCodes.ExtractionUncertain, $"单元格 {key} 在表中出现多次，已采用第一次出现的数值，请核对。", [key], row.RawText);
            return;
        }

        Cells[key] = new ExtractedCell(key, slot.Value.Value, slot.Value.Raw)
        {
            Note = slot.Value.Note,
            Page = slot.Page,
            Box = slot.Cell.Box,
            Confidence = slot.Cell.Confidence,
        };

        if (slot.Cell.Confidence is < 0.80)
        {
            Note(FindingCodes.ExtractionUncertain, $"单元格 {key} 识别置信度较低（{slot.Cell.Confidence:P0}），读数“{slot.Value.Raw}”可能有误，请核对原件。", [key], row.RawText);
        }
    }

    /// <summary>Stores a value the document does not print but that is the only consistent reading (flagged by the caller).</summary>
    public void SetInferred(string key, decimal value, int page)
    {
        if (Cells.TryAdd(key, new ExtractedCell(key, value, string.Empty) { Note = "推断值（原表缺少该单元格）", Page = page }))
        {
            Uncertain.Add(key);
        }
    }

    /// <summary>Records a cell nothing is printed in (blank, as read): null, not uncertain.</summary>
    public void SetBlank(string key, int page) => Cells.TryAdd(key, new ExtractedCell(key, null, string.Empty) { Page = page });

    /// <summary>Records a cell the row lacks as null (not read), remembered as uncertain.</summary>
    public void SetAbsent(string key)
    {
        if (Cells.TryAdd(key, new ExtractedCell(key, null, string.Empty) { Note = "原表该行缺少此单元格" }))
        {
            Uncertain.Add(key);
        }
    }
}
