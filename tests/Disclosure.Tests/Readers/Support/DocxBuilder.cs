using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordTable = DocumentFormat.OpenXml.Wordprocessing.Table;

namespace Disclosure.Tests.Readers.Support;

/// <summary>
/// Builds real .docx packages with the OpenXml SDK: paragraphs whose text is split over several runs (as Word does after
/// edits), and tables whose merged cells use gridSpan and vMerge restart/continue exactly as Word writes them.
/// </summary>
internal sealed class DocxBuilder
{
    private readonly List<OpenXmlElement> _body = [];

    public DocxBuilder Paragraph(string text, bool bold = false, bool splitRuns = true)
    {
        _body.Add(new Paragraph(Runs(text, bold, splitRuns)));
        return this;
    }

    public DocxBuilder PageBreak()
    {
        _body.Add(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
        return this;
    }

    public DocxBuilder Element(OpenXmlElement element)
    {
        _body.Add(element);
        return this;
    }

    public DocxBuilder Table(TableSpec spec, bool splitRuns = true)
    {
        _body.Add(BuildTable(spec, splitRuns));
        return this;
    }

    public static DocxBuilder FromSeed(SeedReport report, bool pageBreakBeforeTable3 = true)
    {
        var builder = new DocxBuilder();
        foreach (var block in report.Blocks)
        {
            switch (block)
            {
                case SeedParagraph p:
                    if (pageBreakBeforeTable3 && p.Heading && p.Text.StartsWith("三、", StringComparison.Ordinal))
                    {
                        builder.PageBreak();
                    }

                    builder.Paragraph(p.Text, p.Heading);
                    break;
                case SeedTable t:
                    builder.Table(t.Table);
                    break;
            }
        }

        return builder;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var element in _body)
            {
                body.Append(element.CloneNode(true));
            }

            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    public static WordTable BuildTable(TableSpec spec, bool splitRuns = true)
    {
        var table = new WordTable(
            new TableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })),
            new TableGrid(Enumerable.Range(0, spec.Columns).Select(_ => new GridColumn { Width = "800" })));

        var placed = OfficialTableSpecs.Place(spec);
        for (var r = 0; r < placed.Count; r++)
        {
            var row = new TableRow();
            if (placed[r].Any(p => !p.Continuation && p.Cell.Header))
            {
                row.Append(new TableRowProperties(new TableHeader()));
            }

            foreach (var (_, cell, continuation) in placed[r])
            {
                var properties = new TableCellProperties();
                if (cell.ColumnSpan > 1)
                {
                    properties.Append(new GridSpan { Val = cell.ColumnSpan });
                }

                if (cell.RowSpan > 1)
                {
                    properties.Append(continuation ? new VerticalMerge() : new VerticalMerge { Val = MergedCellValues.Restart });
                }

                row.Append(new TableCell(properties, continuation ? new Paragraph() : new Paragraph(Runs(cell.Text, false, splitRuns))));
            }

            table.Append(row);
        }

        return table;
    }

    /// <summary>The text in two or three runs, cut between CJK characters, with different run properties.</summary>
    public static IEnumerable<Run> Runs(string text, bool bold, bool split)
    {
        var cut = split ? HtmlRenderer.SplitPoint(text) : -1;
        var parts = cut > 0 ? new[] { text[..cut], text[cut..] } : new[] { text };
        foreach (var (part, i) in parts.Select((p, i) => (p, i)))
        {
            var properties = new RunProperties(new RunFonts { EastAsia = i == 0 ? "仿宋_GB2312" : "宋体" });
            if (bold)
            {
                properties.Append(new Bold());
            }

            yield return new Run(properties, new Text(part) { Space = SpaceProcessingModeValues.Preserve });
        }
    }
}
