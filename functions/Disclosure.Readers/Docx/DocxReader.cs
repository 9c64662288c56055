using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Disclosure.Core.Engine;
using Disclosure.Core.Layout;

namespace Disclosure.Readers.Docx;

/// <summary>
/// Reads a Word (.docx) document into the layout model. The zip is inspected first (<see cref="DocxPackageCheck"/>):
/// not a zip, not a Word package, encrypted/legacy OLE files and decompression bombs fail with a clear reason before any
/// XML is parsed. Paragraphs come in body order (soft line breaks split lines); tables become
/// <see cref="GridKind.Grid"/> tables: gridSpan gives ColumnSpan, vMerge restart/continue gives RowSpan (the merged cell
/// appears once), gridBefore shifts a row. A cell's text is its paragraphs joined, runs concatenated, so a label split
/// over runs reads as printed. A table that contains another table is read as a layout table: its cells are read as
/// flow, so the inner tables keep their own grids (as in <see cref="Html.HtmlReader"/>).
/// Pages: Word's last-rendered page breaks when the file has them, else explicit page and section breaks.
/// <para>
/// The main document part (named by the package relationships) is read from the checked zip as a plain
/// <see cref="XDocument"/> (DTDs prohibited, size capped): the OpenXml SDK's typed tree cost about 3× the rest of the
/// read and its packaging layer about as much again, which kept DOCX under the 200 reports/s goal.
/// </para>
/// </summary>
public sealed class DocxReader : IDocumentReader
{
    private const int MaxDepth = 48;

    /// <summary>Element depth of the main part: Word writes 10–30 (nested tables a few dozen more); deeper is refused.</summary>
    private const int MaxXmlDepth = 256;

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
            // The package was checked above (zip, Word content types, bomb limits); the main part is read straight from
            // the zip: System.IO.Packaging's second pass over the package cost more than the rest of the read.
            using var archive = new ZipArchive(DocxPackageCheck.AsStream(content), ZipArchiveMode.Read, leaveOpen: false);
            var mainEntry = archive.GetEntry(DocxPackageCheck.MainPartName(archive));
            if (mainEntry is null)
            {
                return ReadOutcome.Fail(FailureCodes.Corrupt, "DOCX 结构无效：找不到主文档部分（package has no main document part）");
            }

            if (mainEntry.Length > _limits.MaxPartBytes)
            {
                return PartTooLarge(mainEntry.Length);
            }

            // The part is read into memory (within its budget) and its nesting measured before the XML parser sees it:
            // System.Xml's work per element grows with the depth of the prefixed elements open, so 20,000 nested
            // content controls in a 2 KB file cost seconds of CPU.
            var part = new MemoryStream();
            using (var capped = new CappedStream(mainEntry.Open(), _limits.MaxPartBytes))
            {
                capped.CopyTo(part);
            }

            if (XmlDepth.Exceeds(part.GetBuffer().AsSpan(0, (int)part.Length), MaxXmlDepth))
            {
                return ReadOutcome.Fail(FailureCodes.MemoryLimit,
                    $"DOCX 正文 XML 嵌套超过 {MaxXmlDepth} 层的上限（DOCX XML nesting depth budget exceeded）");
            }

            part.Position = 0;
            XDocument xml;
            using (var partStream = part)
            using (var reader = XmlReader.Create(partStream, new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = _limits.MaxPartBytes,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
            }))
            {
                xml = XDocument.Load(reader);
            }

            var body = xml.Root?.Elements().FirstOrDefault(e => W.Is(e, "body"));
            if (body is null)
            {
                return ReadOutcome.Fail(FailureCodes.Corrupt, "DOCX 中没有正文（document has no body）");
            }

            var walker = new BodyWalker(useRenderedBreaks: body.Descendants().Any(e => W.Is(e, "lastRenderedPageBreak")));
            walker.WalkBlocks(body, 0);
            if (!walker.HasText)
            {
                return ReadOutcome.Fail(FailureCodes.Corrupt,
                    "DOCX 中没有可读取的文字，可能只有图片（扫描件）或已损坏（no readable text in the document）");
            }

            return ReadOutcome.Ok(new LayoutDocument(SourceFormat.Docx, walker.Page, walker.Blocks));
        }
        catch (CappedStream.CapExceededException)
        {
            // The declared size lied: the part inflated past the cap while being parsed.
            return PartTooLarge(_limits.MaxPartBytes + 1);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return ReadOutcome.Fail(FailureCodes.Corrupt, $"DOCX 文件已损坏或结构无效：{ex.Message}（corrupt DOCX: {ex.GetType().Name}）");
        }
    }

    /// <summary>One pass over XML bytes: does element nesting pass the limit? Comments, CDATA, PIs and declarations are skipped.</summary>
    private static class XmlDepth
    {
        public static bool Exceeds(ReadOnlySpan<byte> xml, int limit)
        {
            var depth = 0;
            var i = 0;
            while (i < xml.Length)
            {
                var lt = xml[i..].IndexOf((byte)'<');
                if (lt < 0 || i + lt + 1 >= xml.Length)
                {
                    return false;
                }

                i += lt + 1;
                var c = xml[i];
                if (c is (byte)'!' or (byte)'?')
                {
                    // Comment, CDATA, declaration or PI: skip to its end ("-->", "]]>" or ">").
                    var rest = xml[i..];
                    var end = rest.StartsWith("!--"u8) ? rest.IndexOf("-->"u8) : rest.StartsWith("![CDATA["u8) ? rest.IndexOf("]]>"u8) : rest.IndexOf((byte)'>');
                    i = end < 0 ? xml.Length : i + end + 1;
                    continue;
                }

                var gt = xml[i..].IndexOf((byte)'>');
                if (gt < 0)
                {
                    return false;
                }

                if (c == (byte)'/')
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if (xml[i + gt - 1] != (byte)'/' && ++depth > limit)
                {
                    return true;
                }

                i += gt + 1;
            }

            return false;
        }
    }

    private ReadOutcome PartTooLarge(long bytes) =>
        ReadOutcome.Fail(FailureCodes.MemoryLimit,
            $"DOCX 正文部分解压后 {bytes:N0} 字节以上，超过 {_limits.MaxPartBytes:N0} 字节的上限（DOCX part size budget exceeded）");

    /// <summary>A read-only stream that fails once more than its cap has been read (declared zip sizes can lie).</summary>
    private sealed class CappedStream(Stream inner, long cap) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            _read += n;
            return _read > cap ? throw new CapExceededException() : n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        public sealed class CapExceededException : IOException;
    }

    /// <summary>WordprocessingML names, transitional and strict.</summary>
    private static class W
    {
        private const string Transitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        private const string Strict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
        private const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";

        public static bool Is(XElement e, string localName) => e.Name.LocalName == localName && IsWordNamespace(e.Name.NamespaceName);

        public static bool IsWordNamespace(string ns) => ns is Transitional or Strict;

        public static bool IsFallback(XElement e) => e.Name.LocalName == "Fallback" && e.Name.NamespaceName == MarkupCompatibility;

        public static XElement? Child(XElement? e, string localName)
        {
            if (e is null)
            {
                return null;
            }

            foreach (var c in e.Elements())
            {
                if (Is(c, localName))
                {
                    return c;
                }
            }

            return null;
        }

        /// <summary>The w:val attribute.</summary>
        public static string? Val(XElement? e) => e?.Attributes().FirstOrDefault(a => a.Name.LocalName == "val" && IsWordNamespace(a.Name.NamespaceName))?.Value;

        public static string? Attr(XElement e, string localName) =>
            e.Attributes().FirstOrDefault(a => a.Name.LocalName == localName && IsWordNamespace(a.Name.NamespaceName))?.Value;

        /// <summary>An on/off property: present and not "false"/"0"/"off".</summary>
        public static bool IsOn(XElement? e) => e is not null && Val(e) is not ("false" or "0" or "off");

        public static int IntVal(XElement? e, int fallback) => int.TryParse(Val(e), out var n) ? n : fallback;
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

        public void WalkBlocks(XElement container, int depth)
        {
            if (depth > MaxDepth)
            {
                return;
            }

            foreach (var child in container.Elements())
            {
                if (!W.IsWordNamespace(child.Name.NamespaceName))
                {
                    continue;
                }

                switch (child.Name.LocalName)
                {
                    case "p":
                        AddParagraph(child);
                        break;
                    case "tbl" when child.Descendants().Any(d => W.Is(d, "tbl")):
                        // Layout table: its cells are flow content.
                        foreach (var row in Rows(child))
                        {
                            foreach (var cell in Cells(row))
                            {
                                WalkBlocks(cell, depth + 1);
                            }
                        }

                        break;
                    case "tbl":
                        AddTable(child);
                        break;
                    case "sdt" when W.Child(child, "sdtContent") is { } sdtContent:
                        WalkBlocks(sdtContent, depth + 1);
                        break;
                    case "customXml":
                        WalkBlocks(child, depth + 1);
                        break;
                }
            }
        }

        private void AddParagraph(XElement paragraph)
        {
            var properties = W.Child(paragraph, "pPr");
            if (!useRenderedBreaks && W.IsOn(W.Child(properties, "pageBreakBefore")) && Blocks.Count > 0)
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
            if (!useRenderedBreaks && W.Child(properties, "sectPr") is { } section && W.Val(W.Child(section, "type")) != "continuous")
            {
                Page++;
            }
        }

        private void AddTable(XElement table)
        {
            var tablePage = Page;
            var cells = new List<PendingCell>();
            var open = new Dictionary<int, PendingCell>();
            var r = 0;
            foreach (var row in Rows(table))
            {
                var rowProperties = W.Child(row, "trPr");
                var header = W.IsOn(W.Child(rowProperties, "tblHeader"));
                var column = Math.Clamp(W.IntVal(W.Child(rowProperties, "gridBefore"), 0), 0, 1000);
                PendingCell? previous = null;
                foreach (var cell in Cells(row))
                {
                    var cellProperties = W.Child(cell, "tcPr");
                    var span = Math.Clamp(W.IntVal(W.Child(cellProperties, "gridSpan"), 1), 1, 1000);
                    var page = Page;
                    var text = CellText(cell);

                    // Legacy horizontal merge: the continuation widens the cell to its left.
                    if (W.Child(cellProperties, "hMerge") is { } hMerge && W.Val(hMerge) != "restart" && previous is not null)
                    {
                        previous.ColumnSpan += span;
                        column += span;
                        continue;
                    }

                    var vMerge = W.Child(cellProperties, "vMerge");
                    var restart = vMerge is not null && W.Val(vMerge) == "restart";
                    if (vMerge is not null && !restart && open.TryGetValue(column, out var above))
                    {
                        above.RowSpan = r - above.Row + 1;
                        column += span;
                        previous = above;
                        continue;
                    }

                    var pending = new PendingCell(r, column, text, span, header, page);
                    HasText |= text.Length > 0;
                    cells.Add(pending);
                    if (restart)
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

        private string CellText(XElement cell)
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
        private void Collect(XElement element, StringBuilder sb, int depth)
        {
            if (depth > MaxDepth)
            {
                return;
            }

            foreach (var child in element.Elements())
            {
                if (!W.IsWordNamespace(child.Name.NamespaceName))
                {
                    // Markup compatibility: the fallback repeats the choice (e.g. a VML copy of a text box).
                    if (!W.IsFallback(child))
                    {
                        Collect(child, sb, depth + 1);
                    }

                    continue;
                }

                switch (child.Name.LocalName)
                {
                    case "t":
                        sb.Append(child.Value);
                        break;
                    case "tab" or "ptab":
                        sb.Append('\t');
                        break;
                    case "br":
                        var type = W.Attr(child, "type");
                        if (type == "page")
                        {
                            if (!useRenderedBreaks)
                            {
                                sb.Append(PageMark);
                            }
                        }
                        else
                        {
                            sb.Append(type == "column" ? ' ' : '\n');
                        }

                        break;
                    case "cr":
                        sb.Append('\n');
                        break;
                    case "lastRenderedPageBreak":
                        if (useRenderedBreaks)
                        {
                            sb.Append(PageMark);
                        }

                        break;
                    case "noBreakHyphen":
                        sb.Append('-');
                        break;
                    case "p":
                        if (sb.Length > 0)
                        {
                            sb.Append('\n');
                        }

                        Collect(child, sb, depth + 1);
                        break;
                    case "pPr" or "rPr" or "delText" or "instrText" or "delInstrText" or "del" or "moveFrom" or "tcPr" or "tblPr"
                        or "trPr" or "tblGrid" or "sym" or "softHyphen" or "sectPr":
                        break;
                    default:
                        if (child.HasElements)
                        {
                            Collect(child, sb, depth + 1);
                        }

                        break;
                }
            }
        }

        private static IEnumerable<XElement> Rows(XElement table) => Flatten(table, "tr");

        private static IEnumerable<XElement> Cells(XElement row) => Flatten(row, "tc");

        /// <summary>Children named <paramref name="name"/>, looking through content controls and custom XML wrappers.</summary>
        private static IEnumerable<XElement> Flatten(XElement parent, string name)
        {
            foreach (var child in parent.Elements())
            {
                if (W.Is(child, name))
                {
                    yield return child;
                }
                else if (W.Is(child, "sdt") && W.Child(child, "sdtContent") is { } content)
                {
                    foreach (var inner in content.Elements().Where(e => W.Is(e, name)))
                    {
                        yield return inner;
                    }
                }
                else if (W.Is(child, "customXml"))
                {
                    foreach (var inner in child.Elements().Where(e => W.Is(e, name)))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }
}
