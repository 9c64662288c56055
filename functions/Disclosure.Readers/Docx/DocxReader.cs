using System.Text;
using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Disclosure.Readers.Docx;

/// <summary>
/// Reads a Word (.docx) document into the layout model. The zip is inspected first (<see cref="DocxPackageCheck"/>):
/// not a zip, not a Word package, encrypted/legacy OLE files and decompression bombs fail with a clear reason before the
/// OpenXml SDK opens anything. Paragraphs come in body order (soft line breaks split lines); tables become
/// <see cref="GridKind.Grid"/> tables: gridSpan gives ColumnSpan, vMerge restart/continue gives RowSpan (the merged cell
/// appears once), gridBefore shifts a row. A cell's text is its paragraphs joined, runs concatenated, so a label split
/// over runs reads as printed. A table that contains another table is read as a layout table: its cells are read as
/// flow, so the inner tables keep their own grids (as in <see cref="Html.HtmlReader"/>).
/// Pages: Word's last-rendered page breaks when the file has them, else explicit page and section breaks.
/// </summary>
public sealed class DocxReader : IDocumentReader
{
    private const int MaxDepth = 48;

    private readonly ReadLimits _limits;

    public DocxReader()
        : this(new ReadLimits())
    {
    }

    public DocxReader(ReadLimits limits) => _limits = limits;

    public SourceFormat Format => SourceFormat.Docx;

    public ValueTask<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(content));
    }

    public ReadOutcome Read(ReadOnlyMemory<byte> content)
    {
        if (content.Length > _limits.MaxBytes)
        {
            return ReadOutcome.Fail(FailureCodes.TooLarge, $"DOCX 文件过大：{content.Length:N0} 字节，上限 {_limits.MaxBytes:N0} 字节（file too large）");
        }

        if (DocxPackageCheck.Inspect(content, _limits) is { } rejected)
        {
            return rejected;
        }

        try
        {
            using var stream = DocxPackageCheck.AsStream(content);
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings
            {
                AutoSave = false,
                MaxCharactersInPart = _limits.MaxUncompressedBytes,
            });

            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return ReadOutcome.Fail(FailureCodes.Corrupt, "DOCX 中没有正文（document has no body）");
            }

            var walker = new BodyWalker(useRenderedBreaks: body.Descendants<LastRenderedPageBreak>().Any());
            walker.WalkBlocks(body, 0);
            if (!walker.HasText)
            {
                return ReadOutcome.Fail(FailureCodes.Corrupt,
                    "DOCX 中没有可读取的文字，可能只有图片（扫描件）或已损坏（no readable text in the document）");
            }

            return ReadOutcome.Ok(new LayoutDocument(SourceFormat.Docx, walker.Page, walker.Blocks));
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return ReadOutcome.Fail(FailureCodes.Corrupt, $"DOCX 文件已损坏或结构无效：{ex.Message}（corrupt DOCX: {ex.GetType().Name}）");
        }
    }

    /// <summary>Mutable while a table is assembled: a vertical merge grows RowSpan as continuation rows arrive.</summary>
    private sealed class PendingCell(int row, int column, string text, int columnSpan, bool header, int page)
    {
        public int Row { get; } = row;
        public int Column { get; } = column;
        public string Text { get; } = text;
        public int RowSpan { get; set; } = 1;
        public int ColumnSpan { get; set; } = columnSpan;
        public bool Header { get; } = header;
        public int Page { get; } = page;
    }

    private sealed class BodyWalker(bool useRenderedBreaks)
    {
        /// <summary>Marks a page break inside collected text; XML 1.0 text cannot contain it.</summary>
        private const char PageMark = '\f';

        public List<LayoutBlock> Blocks { get; } = [];

        public int Page { get; private set; } = 1;

        public bool HasText { get; private set; }

        public void WalkBlocks(OpenXmlElement container, int depth)
        {
            if (depth > MaxDepth)
            {
                return;
            }

            foreach (var child in container.ChildElements)
            {
                switch (child)
                {
                    case Paragraph paragraph:
                        AddParagraph(paragraph);
                        break;
                    case Table table when table.Descendants<Table>().Any():
                        // Layout table: its cells are flow content.
                        foreach (var row in Rows(table))
                        {
                            foreach (var cell in Cells(row))
                            {
                                WalkBlocks(cell, depth + 1);
                            }
                        }

                        break;
                    case Table table:
                        AddTable(table);
                        break;
                    case SdtBlock sdt when sdt.SdtContentBlock is { } sdtContent:
                        WalkBlocks(sdtContent, depth + 1);
                        break;
                    case CustomXmlBlock custom:
                        WalkBlocks(custom, depth + 1);
                        break;
                }
            }
        }

        private void AddParagraph(Paragraph paragraph)
        {
            var properties = paragraph.ParagraphProperties;
            if (!useRenderedBreaks && properties?.PageBreakBefore is { } before && IsOn(before.Val) && Blocks.Count > 0)
            {
                Page++;
            }

            var sb = new StringBuilder();
            Collect(paragraph, sb, 0);
            var segments = sb.ToString().Split(PageMark);
            for (var s = 0; s < segments.Length; s++)
            {
                if (s > 0)
                {
                    Page++;
                }

                foreach (var line in segments[s].Split('\n'))
                {
                    var text = LayoutText.Normalize(line);
                    if (text.Length > 0)
                    {
                        Blocks.Add(new LayoutParagraph(Page, text));
                        HasText = true;
                    }
                }
            }

            // A section break that is not "continuous" starts a new page.
            if (!useRenderedBreaks && properties?.SectionProperties is { } section
                && section.GetFirstChild<SectionType>()?.Val?.Value != SectionMarkValues.Continuous)
            {
                Page++;
            }
        }

        private void AddTable(Table table)
        {
            var tablePage = Page;
            var cells = new List<PendingCell>();
            var open = new Dictionary<int, PendingCell>();
            var r = 0;
            foreach (var row in Rows(table))
            {
                var rowProperties = row.TableRowProperties;
                var header = rowProperties?.GetFirstChild<TableHeader>() is { } th && th.Val?.Value != OnOffOnlyValues.Off;
                var column = Math.Clamp(rowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0, 0, 1000);
                PendingCell? previous = null;
                foreach (var cell in Cells(row))
                {
                    var cellProperties = cell.TableCellProperties;
                    var span = Math.Clamp(cellProperties?.GridSpan?.Val?.Value ?? 1, 1, 1000);
                    var page = Page;
                    var text = CellText(cell);

                    // Legacy horizontal merge: the continuation widens the cell to its left.
                    if (cellProperties?.HorizontalMerge is { } hMerge && hMerge.Val?.Value != MergedCellValues.Restart && previous is not null)
                    {
                        previous.ColumnSpan += span;
                        column += span;
                        continue;
                    }

                    if (cellProperties?.VerticalMerge is { } vMerge && vMerge.Val?.Value != MergedCellValues.Restart
                        && open.TryGetValue(column, out var above))
                    {
                        above.RowSpan = r - above.Row + 1;
                        column += span;
                        previous = above;
                        continue;
                    }

                    var pending = new PendingCell(r, column, text, span, header, page);
                    HasText |= text.Length > 0;
                    cells.Add(pending);
                    if (cellProperties?.VerticalMerge is { } restart && restart.Val?.Value == MergedCellValues.Restart)
                    {
                        open[column] = pending;
                    }
                    else
                    {
                        open.Remove(column);
                    }

                    previous = pending;
                    column += span;
                }

                // A merge not continued in this row is closed.
                foreach (var key in open.Where(kv => kv.Value.Row + kv.Value.RowSpan - 1 != r).Select(kv => kv.Key).ToList())
                {
                    open.Remove(key);
                }

                r++;
            }

            if (cells.Count == 0)
            {
                return;
            }

            Blocks.Add(new LayoutTable(
                tablePage,
                cells.OrderBy(c => c.Row).ThenBy(c => c.Column)
                    .Select(c => new LayoutCell(c.Row, c.Column, c.Text, c.RowSpan, c.ColumnSpan, c.Header, Page: c.Page))
                    .ToList(),
                GridKind.Grid));
        }

        private string CellText(TableCell cell)
        {
            var sb = new StringBuilder();
            Collect(cell, sb, 0);
            var raw = sb.ToString();
            foreach (var c in raw)
            {
                if (c == PageMark)
                {
                    Page++;
                }
            }

            return LayoutText.Normalize(raw.Replace(PageMark, '\n'));
        }

        /// <summary>Text of runs in document order; paragraphs and line breaks as '\n', page breaks as <see cref="PageMark"/>.</summary>
        private void Collect(OpenXmlElement element, StringBuilder sb, int depth)
        {
            if (depth > MaxDepth)
            {
                return;
            }

            foreach (var child in element.ChildElements)
            {
                switch (child)
                {
                    case WordText text:
                        sb.Append(text.Text);
                        break;
                    case TabChar or PositionalTab:
                        sb.Append('\t');
                        break;
                    case Break br:
                        var type = br.Type?.Value;
                        if (type == BreakValues.Page)
                        {
                            if (!useRenderedBreaks)
                            {
                                sb.Append(PageMark);
                            }
                        }
                        else if (type == BreakValues.Column)
                        {
                            sb.Append(' ');
                        }
                        else
                        {
                            sb.Append('\n');
                        }

                        break;
                    case CarriageReturn:
                        sb.Append('\n');
                        break;
                    case LastRenderedPageBreak:
                        if (useRenderedBreaks)
                        {
                            sb.Append(PageMark);
                        }

                        break;
                    case NoBreakHyphen:
                        sb.Append('-');
                        break;
                    case Paragraph nested:
                        if (sb.Length > 0)
                        {
                            sb.Append('\n');
                        }

                        Collect(nested, sb, depth + 1);
                        break;
                    case ParagraphProperties or RunProperties or DeletedText or FieldCode or DeletedFieldCode or DeletedRun
                        or MoveFromRun or TableCellProperties or TableProperties or TableRowProperties or TableGrid
                        or SymbolChar or SoftHyphen:
                        break;
                    case AlternateContentFallback:
                        // The fallback repeats the choice (e.g. a VML copy of a text box).
                        break;
                    default:
                        if (child.HasChildren)
                        {
                            Collect(child, sb, depth + 1);
                        }

                        break;
                }
            }
        }

        private static IEnumerable<TableRow> Rows(Table table)
        {
            foreach (var child in table.ChildElements)
            {
                switch (child)
                {
                    case TableRow row:
                        yield return row;
                        break;
                    case SdtRow sdt when sdt.SdtContentRow is { } content:
                        foreach (var row in content.Elements<TableRow>())
                        {
                            yield return row;
                        }

                        break;
                    case CustomXmlRow custom:
                        foreach (var row in custom.Elements<TableRow>())
                        {
                            yield return row;
                        }

                        break;
                }
            }
        }

        private static IEnumerable<TableCell> Cells(TableRow row)
        {
            foreach (var child in row.ChildElements)
            {
                switch (child)
                {
                    case TableCell cell:
                        yield return cell;
                        break;
                    case SdtCell sdt when sdt.SdtContentCell is { } content:
                        foreach (var cell in content.Elements<TableCell>())
                        {
                            yield return cell;
                        }

                        break;
                    case CustomXmlCell custom:
                        foreach (var cell in custom.Elements<TableCell>())
                        {
                            yield return cell;
                        }

                        break;
                }
            }
        }

        private static bool IsOn(OnOffValue? value) => value is null || value.Value;
    }
}
