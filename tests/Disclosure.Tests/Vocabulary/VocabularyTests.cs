using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using Disclosure.Core.Extraction;
using Disclosure.Core.Vocabulary;
using Disclosure.Layout;
using Disclosure.Ocr.Local;
using TextReader = Disclosure.Readers.Text.TextReader;

namespace Disclosure.Tests.Vocabulary;

/// <summary>
/// The one vocabulary (functions/Disclosure.Core/Vocabulary) and each reader's use of it: every placeholder is a blank
/// wherever it should be, the layout subset is what layout and OCR take as a value, and every official label maps to its
/// canonical key in both formats.
/// </summary>
public sealed class VocabularyTests
{
    public static TheoryData<string> AllPlaceholders() => [.. Placeholders.All.Select(e => e.Text)];

    public static TheoryData<string> LayoutPlaceholders() => [.. Placeholders.ForLayout];

    public static TheoryData<string> ExtractorOnlyPlaceholders() => [.. Placeholders.ForCells.Except(Placeholders.ForLayout)];

    public static TheoryData<TemplateVersion> Versions() => [TemplateVersion.V2019, TemplateVersion.V2021];

    [Theory]
    [MemberData(nameof(AllPlaceholders))]
    public void The_cell_parser_reads_every_placeholder_as_a_blank_and_keeps_what_was_printed(string placeholder)
    {
        foreach (var printed in new[] { placeholder, $" {placeholder}\u3000" })
        {
            var value = CellValueParser.Parse(printed);
            Assert.Equal(CellKind.Blank, value.Kind);
            Assert.Null(value.Value);
            Assert.Equal(printed.Trim(), value.Raw);
            Assert.False(value.IsEmpty);
        }
    }

    [Theory]
    [MemberData(nameof(AllPlaceholders))]
    public async Task A_placeholder_in_a_text_report_is_a_null_cell_with_its_text_and_a_blank_cell_finding(string placeholder)
    {
        var builder = new ReportBuilder(TemplateVersion.V2021, 2023).With("t3.granted.research", placeholder);
        var result = await new ReportEngine([new TextReader()]).AnalyzeAsync("r.txt", builder.BuildBytes());

        Assert.True(result.Cells.TryGetValue("t3.granted.research", out var value), "cell missing");
        Assert.Null(value);
        Assert.Equal(placeholder, result.CellDetails!["t3.granted.research"].Raw);
        Assert.Contains(result.Findings, f => f.Code == FindingCodes.BlankCell && f.Cells.Contains("t3.granted.research"));

        // The row's other cells are read in place: the placeholder took its slot, nothing shifted.
        Assert.Equal(builder.Value("t3.granted.total"), result.Cells["t3.granted.total"]);
    }

    [Theory]
    [MemberData(nameof(LayoutPlaceholders))]
    public void Layout_and_ocr_take_the_marks_and_wu_as_values_and_never_reread_them_as_digits(string placeholder)
    {
        Assert.True(TextRules.IsValue(placeholder));
        Assert.True(TextRules.IsValue($" {placeholder} "));
        Assert.False(CellReader.LooksNumeric(placeholder));
    }

    [Theory]
    [MemberData(nameof(ExtractorOnlyPlaceholders))]
    public void Layout_takes_the_other_placeholders_as_text_so_labels_are_not_split(string placeholder)
    {
        // 一 opens 一、 headings, '*' marks footnotes, '...' are leaders: the layout subset leaves them out (Placeholders.ForLayout).
        Assert.False(TextRules.IsValue(placeholder));
    }

    [Fact]
    public void The_layout_subset_is_the_marks_and_wu_of_the_one_list()
    {
        // The eight that TextRules and CellReader listed before the vocabulary existed.
        string[] layout = ["/", "-", "—", "无", "／", "－", "——", "–"];
        Assert.Equal(layout.Order(StringComparer.Ordinal), Placeholders.ForLayout.Order(StringComparer.Ordinal), StringComparer.Ordinal);
        Assert.Equal(20, Placeholders.ForCells.Count);
        Assert.All(Placeholders.All, e => Assert.False(string.IsNullOrWhiteSpace(e.Source)));
        Assert.Equal(Placeholders.All.Count, Placeholders.All.Select(e => e.Text).Distinct(StringComparer.Ordinal).Count());
    }

    // What each stage takes as a number; where they differ the difference is the point (NumberShapes' summary).
    [Theory]
    [InlineData("12", true, true, true)]
    [InlineData("１２", true, true, true)]
    [InlineData("2,157.936", true, true, true)]
    [InlineData("增3", true, true, true)]
    [InlineData("减 3", true, false, true)]
    [InlineData("−5", true, false, false)]
    [InlineData("12件", true, false, true)]
    [InlineData("22（其中修订16件）", false, false, true)]
    [InlineData("共12件", false, false, false)]
    [InlineData("规章", false, false, false)]
    public void Each_stage_has_its_named_number_shape(string text, bool layout, bool textToken, bool cell)
    {
        Assert.Equal(layout, NumberShapes.LayoutValue().IsMatch(text));
        Assert.Equal(layout, TextRules.IsValue(text));
        Assert.Equal(textToken, NumberShapes.TextToken().IsMatch(text));
        Assert.Equal(cell, CellValueParser.Parse(text).Kind == CellKind.Number);
    }

    [Fact]
    public void The_keys_read_off_the_template_model_are_the_contracts()
    {
        // report-contract.md §2, literally: the model must not change a public key.
        Assert.Equal(["natural", "commercial", "research", "social", "legal", "other_org", "total"], CanonicalKeys.Table3Columns);
        Assert.Equal(["review", "suit_direct", "suit_after_review"], CanonicalKeys.Table4Groups);
        Assert.Equal(["upheld", "corrected", "other", "pending", "total"], CanonicalKeys.Table4Columns);
        string[] common =
        [
            "granted", "partially_granted", "denied_state_secret", "denied_prohibited_by_law", "denied_three_safety", "denied_third_party",
            "denied_internal_affairs", "denied_process_info", "denied_enforcement_case", "denied_inquiry", "unable_not_held",
            "unable_needs_creation", "unable_unclear", "rejected_petition", "rejected_duplicate", "rejected_publication",
            "rejected_excessive", "rejected_confirmation",
        ];
        Assert.Equal([.. common, "other"], CanonicalKeys.Table3Outcomes2019);
        Assert.Equal([.. common, "other_no_correction", "other_no_fee", "other_other"], CanonicalKeys.Table3Outcomes2021);
        Assert.Equal(["new_received", "carried_over", .. common, "other", "results_total", "carried_forward"], CanonicalKeys.Table3Rows(TemplateVersion.V2019));
        Assert.Equal(
            ["regulations.made", "regulations.published", "regulations.total", "normative_docs.made", "normative_docs.published", "normative_docs.total",
             "licensing.previous", "licensing.change", "licensing.decisions", "other_services.previous", "other_services.change", "other_services.decisions",
             "penalty.previous", "penalty.change", "penalty.decisions", "enforcement.previous", "enforcement.change", "enforcement.decisions",
             "fees.previous", "fees.change", "procurement.count", "procurement.amount"],
            CanonicalKeys.Table2Keys(TemplateVersion.V2019).Select(k => k[3..]));
        Assert.Equal(
            ["regulations.issued", "regulations.repealed", "regulations.in_force", "normative_docs.issued", "normative_docs.repealed",
             "normative_docs.in_force", "licensing.decisions", "penalty.decisions", "enforcement.decisions", "fees.amount"],
            CanonicalKeys.Table2Keys(TemplateVersion.V2021).Select(k => k[3..]));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Every_official_label_matches_its_key_in_the_extractors_vocabulary(TemplateVersion version)
    {
        foreach (var (_, columns, rows) in OfficialTemplate.Table2(version))
        {
            foreach (var row in rows)
            {
                Assert.Equal(row.Key, TemplateCatalog.Match(TemplateCatalog.Table2Rows, TextNorm.Compact(row.Label)));
            }

            // The block's header row announces its columns (a prefix of the entry's: 2019's fees block has no 处理决定数量) and its format.
            var header = TextNorm.Compact(OfficialTemplate.Table2LabelHeader + string.Concat(columns.Select(c => c.Printed)));
            var entry = TemplateCatalog.Table2Headers.First(h => h.Fragments.Any(f => header.Contains(f, StringComparison.Ordinal)));
            Assert.Equal(version, entry.Template);
            Assert.Equal(columns.Select(c => c.Key), entry.Columns.Take(columns.Count));
        }

        // Table 3: every row but （六）3.其他, whose label is only a number and 其他 (the mapper places it after its siblings).
        foreach (var row in OfficialTemplate.Table3Rows(version).Where(r => r.Key != "other_other"))
        {
            Assert.Equal(row.Key, TemplateCatalog.Match(TemplateCatalog.Table3Rows, TextNorm.Compact(row.Label)));
        }

        foreach (var column in OfficialTemplate.Table3Columns.Where(c => c.Key != "other_org"))
        {
            Assert.Equal(column.Key, TemplateCatalog.Match(TemplateCatalog.Table3Columns, column.Header));
        }

        foreach (var group in OfficialTemplate.Table4Groups)
        {
            Assert.Equal(group.Key, TemplateCatalog.Match(TemplateCatalog.Table4Groups, group.Label));
        }

        Assert.Equal(OfficialTemplate.SectionHeadings, TemplateCatalog.Sections.Select(s => s.Heading));
        Assert.Equal(["(三)不予公开", "(四)无法提供", "(五)不予处理", "(六)其他处理"], TemplateCatalog.Table3Groups.Select(g => g.Label));
        Assert.Equal(["other_no_correction", "other_no_fee", "other_other"], TemplateCatalog.Table3Groups[^1].Members);
        Assert.Equal(8, TemplateCatalog.Table3Groups[0].Members.Length);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Every_official_label_reads_back_to_its_key_through_the_extractor(TemplateVersion version)
    {
        // A distinct figure in every cell: a label read as the wrong row or a header as the wrong column shows as a wrong value.
        var builder = new ReportBuilder(version, version == TemplateVersion.V2019 ? 2020 : 2023);
        var figure = 100;
        foreach (var key in CanonicalKeys.All(version))
        {
            builder.With(key, figure++);
        }

        var result = await new ReportEngine([new TextReader()]).AnalyzeAsync("r.txt", builder.BuildBytes());
        foreach (var key in CanonicalKeys.All(version))
        {
            Assert.True(result.Cells.TryGetValue(key, out var value), $"{key} not read");
            Assert.Equal(builder.Value(key), value);
        }

        Assert.Equal(TemplateNames.Name(version), result.Report.Template);
    }

    [Fact]
    public void Template_names_are_the_contracts_at_the_result_boundary()
    {
        Assert.Equal("2019", TemplateNames.Name(TemplateVersion.V2019));
        Assert.Equal("2021", TemplateNames.Name(TemplateVersion.V2021));
        Assert.Equal("mixed", TemplateForm.Mixed.Name());
        Assert.Equal(TemplateVersion.V2021, TemplateNames.Parse("2021"));
        Assert.Equal(TemplateVersion.V2019, TemplateNames.Parse("2019"));
        Assert.Null(TemplateNames.Parse("mixed"));
        Assert.Null(TemplateForm.Mixed.Version());
        Assert.Equal(TemplateVersion.V2019, TemplateNames.Required(2020));
        Assert.Equal(TemplateVersion.V2021, TemplateNames.Required(2021));
        Assert.Equal(TemplateVersion.V2019, TemplateNames.Required(null));
    }

    [Fact]
    public async Task A_mixed_report_is_mixed_in_the_result_json()
    {
        var builder = new ReportBuilder(TemplateVersion.V2021, 2023).WithOldSingleOtherRow();
        var result = await new ReportEngine([new TextReader()]).AnalyzeAsync("r.txt", builder.BuildBytes());
        Assert.Equal(TemplateNames.Mixed, result.Report.Template);
        Assert.Contains("\"template\":\"mixed\"", ResultJson.Serialize(result).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
