using Disclosure.Core.Contract;
using Disclosure.Core.Extraction;
using Disclosure.Testing;
using TextReader = Disclosure.Readers.Text.TextReader;

namespace Disclosure.Tests.Validation;

/// <summary>
/// What a scan did not show may be a misread: on an OCR'd document an absent table or section heading is one doubtful
/// reading naming the table's cells, never MISSING_TABLE / MISSING_SECTION; on a text document it stays the accusation.
/// </summary>
public sealed class OcrAbsenceTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Absent_table_4_and_section_5_are_accused_only_when_read_from_text(bool ocr)
    {
        var read = await new TextReader().ReadAsync(new ReportBuilder().WithoutTable4().WithoutSection(5).BuildBytes(), CancellationToken.None);
        var document = read.Document! with { Ocr = ocr };

        var findings = TemplateExtractor.Extract(document).Findings;

        Assert.Equal(!ocr, findings.Any(f => f.Code == FindingCodes.MissingTable));
        Assert.Equal(!ocr, findings.Any(f => f.Code == FindingCodes.MissingSection));
        Assert.Equal(ocr, findings.Any(f => f.Code == FindingCodes.ExtractionUncertain && f.Cells.SequenceEqual(["t4.*"])));
        Assert.Equal(ocr, findings.Any(f => f.Code == FindingCodes.ExtractionUncertain && f.Message.Contains("第五部分", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(false, FindingCodes.IncompleteTable)]
    [InlineData(true, FindingCodes.ExtractionUncertain)]
    public async Task A_table_4_header_without_its_value_row_names_all_15_cells(bool ocr, string code)
    {
        var builder = new ReportBuilder();
        var valueRow = string.Join('\t', CanonicalKeys.Table4Keys().Select(k => builder.Cells[k])) + "\n";
        var text = builder.Build().Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(valueRow, text, StringComparison.Ordinal);
        var read = await new TextReader().ReadAsync(System.Text.Encoding.UTF8.GetBytes(text.Replace(valueRow, string.Empty, StringComparison.Ordinal)), CancellationToken.None);

        var findings = TemplateExtractor.Extract(read.Document! with { Ocr = ocr }).Findings;

        var finding = Assert.Single(findings, f => f.Cells.Contains("t4.review.total"));
        Assert.Equal(code, finding.Code);
        Assert.Equal(15, finding.Cells.Count);
        Assert.DoesNotContain(findings, f => f.Code == FindingCodes.MissingTable);
    }

    /// <summary>A table-3 row the scan did not show is a doubtful reading naming its cells, not the agency's incomplete table.</summary>
    [Theory]
    [InlineData(false, FindingCodes.IncompleteTable)]
    [InlineData(true, FindingCodes.ExtractionUncertain)]
    public async Task A_missing_table_3_row_is_incomplete_only_when_read_from_text(bool ocr, string code)
    {
        var text = new ReportBuilder().Build().Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = text.Split('\n').ToList();
        Assert.Equal(1, lines.RemoveAll(l => l.StartsWith("四、结转下年度继续办理", StringComparison.Ordinal)));
        var read = await new TextReader().ReadAsync(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines)), CancellationToken.None);

        var findings = TemplateExtractor.Extract(read.Document! with { Ocr = ocr }).Findings;

        var finding = Assert.Single(findings, f => f.Cells.Contains("t3.carried_forward.total"));
        Assert.Equal(code, finding.Code);
        Assert.Equal(!ocr, findings.Any(f => f.Code == FindingCodes.IncompleteTable));
    }

    /// <summary>lo-33-005-err's scans read the procurement amount 530.31 under 项目数: a doubtful reading, not the agency's error.</summary>
    [Theory]
    [InlineData(false, "t2.penalty.decisions", "2.5", FindingCodes.NonInteger)]
    [InlineData(true, "t2.penalty.decisions", "2.5", FindingCodes.ExtractionUncertain)]
    [InlineData(false, "t2.licensing.decisions", "-5", FindingCodes.NegativeValue)]
    [InlineData(true, "t2.licensing.decisions", "-5", FindingCodes.ExtractionUncertain)]
    public async Task An_impossible_count_is_accused_only_when_read_from_text(bool ocr, string key, string value, string code)
    {
        var read = await new TextReader().ReadAsync(new ReportBuilder(TemplateVersion.V2019, 2020).With(key, value).BuildBytes(), CancellationToken.None);
        var extracted = TemplateExtractor.Extract(read.Document! with { Ocr = ocr });

        var findings = new Disclosure.Core.Validation.ReportValidator().Validate(extracted);

        Assert.Contains(findings, f => f.Code == code && f.Cells.Contains(key));
        Assert.Equal(!ocr, findings.Any(f => f.Code is FindingCodes.NonInteger or FindingCodes.NegativeValue));
    }
}
