using System.Globalization;
using Disclosure.Core.Contract;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Disclosure.Corpus;

/// <summary>
/// Fills the official blank 2021 template (<c>../shared/templates/official-2021-template.docx</c>) with a report, as an
/// agency does in a word processor, and builds the 2019-format twin from it (table 2 in its 2019 rows and columns,
/// table 3 with the single （六）其他处理 row). The variant decides fonts, widths, alignment, borders and blanks.
/// </summary>
public static class TemplateFiller
{
    private const int Table3DataStart = 3;
    private const int Table3OtherRows = 23; // the three （六） rows of the 2021 format start here

    /// <summary>Writes the filled DOCX and lists the printed table values in reading order (row-major, blanks skipped).</summary>
    public static void Fill(string templatePath, ReportSpec spec, TemplateVariant variant, string docxPath, List<string> tableValues)
    {
        File.Copy(templatePath, docxPath, true);
        using var doc = WordprocessingDocument.Open(docxPath, true);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var tables = body.Elements<Table>().ToList();
        if (tables.Count != 3)
        {
            throw new InvalidOperationException($"the template has {tables.Count} tables, expected 3");
        }

        string Print(string key)
        {
            var v = spec.Cells.GetValueOrDefault(key);
            var text = v is null ? variant.SlashForBlank ? "/" : "" : ReportSpec.Format(v);
            if (v is not null)
            {
                tableValues.Add(text);
            }

            return text;
        }

        FillText(body, spec, variant);
        FillTable2(tables[0], spec, variant, Print);
        FillTable3(tables[1], spec, Print);
        FillTable4(tables[2], Print);

        foreach (var run in body.Descendants<Run>())
        {
            Style(run, variant);
        }

        foreach (var cell in body.Descendants<TableCell>())
        {
            var props = cell.TableCellProperties ??= new TableCellProperties();
            props.RemoveAllChildren<TableCellVerticalAlignment>();
            props.Append(new TableCellVerticalAlignment { Val = variant.VerticalAlign == "top" ? TableVerticalAlignmentValues.Top : TableVerticalAlignmentValues.Center });
        }

        Widths(tables[0], tables[1], spec, variant);
        Borders(tables, variant);
        doc.PackageProperties.Title = variant.ControlCharTitle ? ControlTitlePlaceholder : Title(spec, 0);
        doc.PackageProperties.Creator = spec.Agency;
    }

    /// <summary>
    /// The document title written into DOCX properties when the variant asks for control characters: XML cannot carry
    /// them, so the PDF exporter writes this and <see cref="PlantControlCharacters"/> swaps two of its letters for U+0011
    /// and U+0002 in the PDF (same length, so no offsets move), as garbled WPS titles look.
    /// </summary>
    public const string ControlTitlePlaceholder = "QQ政府信息公开工作年度报告ZZ";

    /// <summary>Replaces the placeholder title's Q and Z letters with control characters in a LibreOffice PDF (UTF-16 hex string).</summary>
    public static bool PlantControlCharacters(string pdfPath)
    {
        var bytes = File.ReadAllBytes(pdfPath);
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        var hex = "FEFF" + string.Concat(ControlTitlePlaceholder.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture)));
        var at = text.IndexOf(hex, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return false;
        }

        var garbled = hex.Replace("0051", "0011", StringComparison.Ordinal).Replace("005A", "0002", StringComparison.Ordinal);
        System.Text.Encoding.Latin1.GetBytes(garbled, 0, garbled.Length, bytes, at);
        File.WriteAllBytes(pdfPath, bytes);
        return true;
    }

    /// <summary>The report's title in one of the forms agencies use.</summary>
    public static string Title(ReportSpec spec, int style) => style switch
    {
        1 => $"{spec.Agency}{spec.Year}年度政府信息公开工作年度报告",
        2 => $"关于{spec.Agency}{spec.Year}年政府信息公开工作的年度报告",
        _ => $"{spec.Agency}{spec.Year}年政府信息公开工作年度报告",
    };

    private static void FillText(Body body, ReportSpec spec, TemplateVariant variant)
    {
        var paragraphs = body.Elements<Paragraph>().ToList();
        var title = paragraphs.First(p => p.InnerText.Contains("格式模板", StringComparison.Ordinal));
        SetText(title, Title(spec, variant.TitleStyle));
        var placeholders = paragraphs.Where(p => p.InnerText.StartsWith("（文字描述", StringComparison.Ordinal)).ToList();
        var received = ReportSpec.Format(spec.Cells.GetValueOrDefault("t3.new_received.total"));
        SetText(placeholders[0], $"本报告根据《中华人民共和国政府信息公开条例》要求编制，报告所列数据统计期限自{spec.Year}年1月1日起至{spec.Year}年12月31日止。"
            + $"{spec.Year}年，{spec.Agency}深入贯彻落实政务公开工作要点，进一步规范政府信息公开工作。全年共收到政府信息公开申请{received}件，均在法定期限内答复。");
        // Narrative before table 3 moves where its page breaks.
        var anchor = placeholders[0];
        for (var i = 0; i < variant.PaddingParagraphs; i++)
        {
            var p = (Paragraph)placeholders[0].CloneNode(true);
            SetText(p, $"（{i + 1}）围绕重点领域信息公开，及时发布政策文件、规划计划和工作动态，做好政策解读和回应关切，持续完善政府网站和政务新媒体信息发布机制。");
            anchor.InsertAfterSelf(p);
            anchor = p;
        }

        SetText(placeholders[1], "政务公开工作仍存在公开内容不够全面、解读形式较为单一等问题。下一步，将进一步完善工作机制，提升公开质量。");
        SetText(placeholders[2], "本年度未收取信息处理费。");
        var sign = (Paragraph)placeholders[2].CloneNode(true);
        SetText(sign, $"{spec.Agency}　{spec.Year + 1}年1月20日");
        placeholders[2].InsertAfterSelf(sign);
    }

    private static void FillTable2(Table table, ReportSpec spec, TemplateVariant variant, Func<string, string> print)
    {
        var rows = table.Elements<TableRow>().ToList();
        if (spec.Template == TemplateVersion.V2021)
        {
            SetValues(rows[2], 3, ["t2.regulations.issued", "t2.regulations.repealed", "t2.regulations.in_force"], print);
            SetValues(rows[3], 3, ["t2.normative_docs.issued", "t2.normative_docs.repealed", "t2.normative_docs.in_force"], print);
            SetValues(rows[6], 1, ["t2.licensing.decisions"], print);
            SetValues(rows[9], 1, ["t2.penalty.decisions"], print);
            SetValues(rows[10], 1, ["t2.enforcement.decisions"], print);
            SetValues(rows[13], 1, ["t2.fees.amount"], print);
            return;
        }

        // The 2019 twin: every block in the four-column shape of the template's first block.
        var item = rows[0];
        var header = rows[1];
        var data = rows[2];
        foreach (var row in rows)
        {
            row.Remove();
        }

        void Block(string title, string[] headers, params (string Label, string Key, string[] Cols)[] lines)
        {
            var t = (TableRow)item.CloneNode(true);
            SetText(t.Elements<TableCell>().First().Elements<Paragraph>().First(), title);
            table.Append(t);
            var h = (TableRow)header.CloneNode(true);
            var hc = h.Elements<TableCell>().ToList();
            for (var i = 1; i < 4; i++)
            {
                SetCell(hc[i], i - 1 < headers.Length ? headers[i - 1] : "", center: false);
            }

            table.Append(h);
            foreach (var (label, key, cols) in lines)
            {
                var d = (TableRow)data.CloneNode(true);
                var dc = d.Elements<TableCell>().ToList();
                SetCell(dc[0], label, center: false);
                for (var i = 1; i < 4; i++)
                {
                    SetCell(dc[i], i - 1 < cols.Length ? print($"{key}.{cols[i - 1]}") : "", center: true);
                }

                table.Append(d);
            }
        }

        string[] three = ["previous", "change", "decisions"];
        Block("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
            ("规章", "t2.regulations", ["made", "published", "total"]), ("规范性文件", "t2.normative_docs", ["made", "published", "total"]));
        Block("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
            ("行政许可", "t2.licensing", three), ("其他对外管理服务事项", "t2.other_services", three));
        Block("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
            ("行政处罚", "t2.penalty", three), ("行政强制", "t2.enforcement", three));
        Block("第二十条第（八）项", ["上一年项目数量", "本年增/减"], ("行政事业性收费", "t2.fees", ["previous", "change"]));
        // The 2019 format's own header gives no unit; most reports add it (UNIT_SUSPECT is raised where it is missing).
        Block("第二十条第（九）项", ["采购项目数量", variant.OfficialProcurementHeader ? "采购总金额" : "采购总金额（单位：万元）"], ("政府集中采购", "t2.procurement", ["count", "amount"]));
    }

    private static void FillTable3(Table table, ReportSpec spec, Func<string, string> print)
    {
        var rows = table.Elements<TableRow>().ToList();
        if (spec.Table3Template == TemplateVersion.V2019)
        {
            // The single （六）其他处理 row, shaped as the （七）总计 row below it (label over two columns).
            var single = (TableRow)rows[Table3OtherRows + 3].CloneNode(true);
            var label = single.Elements<TableCell>().ElementAt(1);
            SetCell(label, "（六）其他处理", center: false);
            rows[Table3OtherRows + 2].InsertAfterSelf(single);
            for (var i = 0; i < 3; i++)
            {
                rows[Table3OtherRows + i].Remove();
            }

            rows = table.Elements<TableRow>().ToList();
        }

        var keys = CanonicalKeys.Table3Rows(spec.Table3Template);
        for (var i = 0; i < keys.Count; i++)
        {
            SetValues(rows[Table3DataStart + i], 7, [.. CanonicalKeys.Table3Columns.Select(c => $"t3.{keys[i]}.{c}")], print);
        }
    }

    private static void FillTable4(Table table, Func<string, string> print)
    {
        var row = table.Elements<TableRow>().Last();
        SetValues(row, 15, [.. CanonicalKeys.Table4Groups.SelectMany(g => CanonicalKeys.Table4Columns.Select(c => $"t4.{g}.{c}"))], print);
    }

    /// <summary>Writes values into the last <paramref name="count"/> cells of a row.</summary>
    private static void SetValues(TableRow row, int count, IReadOnlyList<string> keys, Func<string, string> print)
    {
        var cells = row.Elements<TableCell>().ToList();
        var values = cells.Skip(cells.Count - count).ToList();
        for (var i = 0; i < count; i++)
        {
            SetCell(values[i], print(keys[i]), center: true);
        }
    }

    private static void SetCell(TableCell cell, string text, bool center)
    {
        var first = cell.Elements<Paragraph>().FirstOrDefault() ?? cell.AppendChild(new Paragraph());
        foreach (var extra in cell.Elements<Paragraph>().Skip(1).ToList())
        {
            extra.Remove();
        }

        SetText(first, text);
        var props = first.ParagraphProperties ??= new ParagraphProperties();
        props.Justification = new Justification { Val = center ? JustificationValues.Center : JustificationValues.Left };
    }

    private static void SetText(Paragraph p, string text)
    {
        var runs = p.Elements<Run>().ToList();
        var keep = runs.FirstOrDefault();
        foreach (var r in runs.Skip(1))
        {
            r.Remove();
        }

        if (keep is null)
        {
            keep = p.AppendChild(new Run());
        }

        keep.RemoveAllChildren<Text>();
        keep.RemoveAllChildren<TabChar>();
        keep.AppendChild(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static void Style(Run run, TemplateVariant variant)
    {
        var props = run.RunProperties ??= new RunProperties();
        props.RunFonts = new RunFonts { Ascii = variant.Font, HighAnsi = variant.Font, EastAsia = variant.Font, ComplexScript = variant.Font };
        var inTable = run.Ancestors<Table>().Any();
        var heading = !inTable && run.Ancestors<Paragraph>().First().InnerText.Contains("报告", StringComparison.Ordinal) && run.Ancestors<Paragraph>().First().InnerText.Length < 60;
        var size = (heading ? variant.HalfPoints + 8 : inTable ? variant.HalfPoints : Math.Max(variant.HalfPoints, 22)).ToString(CultureInfo.InvariantCulture);
        props.FontSize = new FontSize { Val = size };
        props.FontSizeComplexScript = new FontSizeComplexScript { Val = size };
    }

    /// <summary>
    /// Column widths: narrow label columns make table-3 labels wrap over two or three lines; one-character headers
    /// make the value columns so narrow that 商业企业 prints one character a line (numbers of four digits still fit).
    /// </summary>
    private static void Widths(Table table2, Table table3, ReportSpec spec, TemplateVariant variant)
    {
        var em = variant.HalfPoints * 10; // twips per em: half-points × 10
        var grid3 = table3.GetFirstChild<TableGrid>()!.Elements<GridColumn>().ToList();
        var total = grid3.Sum(g => int.Parse(g.Width!.Value!, CultureInfo.InvariantCulture));
        var widths = grid3.Select(g => int.Parse(g.Width!.Value!, CultureInfo.InvariantCulture)).ToArray();
        if (variant.OneCharHeaders)
        {
            var digits = spec.Cells.Where(kv => kv.Key.StartsWith("t3.", StringComparison.Ordinal)).Max(kv => ReportSpec.Format(kv.Value).Length);
            var value = (int)(em * Math.Max(1.6, 0.55 * digits + 0.2)) + 2 * 57; // cell margins 57 twips a side
            for (var i = 3; i < 10; i++)
            {
                widths[i] = value;
            }
        }

        if (variant.NarrowLabels)
        {
            widths[0] = (int)(em * 1.4);
            widths[1] = (int)(em * 2.4);
            widths[2] = (int)(em * 6.5);
        }

        // Whatever the label columns leave goes to the value columns (or the reverse), so the table keeps its width.
        var rest = total - widths[..3].Sum();
        if (!variant.OneCharHeaders)
        {
            for (var i = 3; i < 10; i++)
            {
                widths[i] = rest / 7;
            }
        }
        else
        {
            widths[2] = total - widths[0] - widths[1] - widths[3..].Sum();
        }

        SetGrid(table3, widths);
        if (variant.NarrowLabels)
        {
            var grid2 = table2.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(g => int.Parse(g.Width!.Value!, CultureInfo.InvariantCulture)).ToArray();
            var t2Total = grid2.Sum();
            grid2[0] = (int)(em * 3.2);
            for (var i = 1; i < grid2.Length; i++)
            {
                grid2[i] = (t2Total - grid2[0]) / (grid2.Length - 1);
            }

            SetGrid(table2, grid2);
        }
    }

    private static void SetGrid(Table table, int[] widths)
    {
        var grid = table.GetFirstChild<TableGrid>()!;
        grid.RemoveAllChildren<GridColumn>();
        foreach (var w in widths)
        {
            grid.Append(new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) });
        }

        foreach (var row in table.Elements<TableRow>())
        {
            var col = 0;
            foreach (var cell in row.Elements<TableCell>())
            {
                var span = cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                var width = widths.Skip(col).Take(span).Sum();
                col += span;
                var props = cell.TableCellProperties ??= new TableCellProperties();
                props.TableCellWidth = new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa };
            }
        }
    }

    private static void Borders(List<Table> tables, TemplateVariant variant)
    {
        switch (variant.Borders)
        {
            case BorderStyle.MissingInner:
                foreach (var (table, firstValue) in new[] { (tables[0], 1), (tables[2], 0) })
                {
                    foreach (var row in table.Elements<TableRow>().Where(r => r.Elements<TableCell>().Count() > 2))
                    {
                        foreach (var cell in row.Elements<TableCell>().Skip(firstValue).SkipLast(1))
                        {
                            var b = cell.TableCellProperties!.TableCellBorders ??= new TableCellBorders();
                            b.RightBorder = new RightBorder { Val = BorderValues.Nil };
                            var next = cell.NextSibling<TableCell>();
                            if (next?.TableCellProperties is { } np)
                            {
                                (np.TableCellBorders ??= new TableCellBorders()).LeftBorder = new LeftBorder { Val = BorderValues.Nil };
                            }
                        }
                    }
                }

                break;
            case BorderStyle.NoneOnTable4:
                StripBorders(tables[2]);
                break;
        }
    }

    private static void StripBorders(Table table)
    {
        var tp = table.GetFirstChild<TableProperties>()!;
        tp.TableBorders = new TableBorders(
            new TopBorder { Val = BorderValues.Nil }, new LeftBorder { Val = BorderValues.Nil }, new BottomBorder { Val = BorderValues.Nil },
            new RightBorder { Val = BorderValues.Nil }, new InsideHorizontalBorder { Val = BorderValues.Nil }, new InsideVerticalBorder { Val = BorderValues.Nil });
        foreach (var ex in table.Descendants<TablePropertyExceptions>().ToList())
        {
            ex.Remove();
        }

        foreach (var cell in table.Descendants<TableCell>())
        {
            cell.TableCellProperties?.RemoveAllChildren<TableCellBorders>();
        }
    }
}
