namespace Disclosure.Core.Layout;

/// <summary>The formats a report arrives in, decided from content, never from the file name.</summary>
public enum SourceFormat
{
    Unknown,
    Text,
    Html,
    Docx,
    Pdf,
    Image,
}

/// <summary>An axis-aligned box in page units (points for PDF, pixels for images); immutable.</summary>
public sealed record BoundingBox(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;
    public double Height => Bottom - Top;
    public double CenterX => (Left + Right) / 2;
    public double CenterY => (Top + Bottom) / 2;

    public BoundingBox Union(BoundingBox other) =>
        new(Math.Min(Left, other.Left), Math.Min(Top, other.Top), Math.Max(Right, other.Right), Math.Max(Bottom, other.Bottom));
}

/// <summary>One block of a document in reading order: a paragraph (or line) or a table.</summary>
public abstract record LayoutBlock(int Page);

/// <summary>A paragraph or a line of text. Page numbers start at 1.</summary>
public sealed record LayoutParagraph(int Page, string Text, BoundingBox? Box = null, double? Confidence = null) : LayoutBlock(Page);

/// <summary>
/// One cell of a table. <see cref="Row"/> and <see cref="Column"/> are the zero-based top-left position in the table grid;
/// a merged cell appears once, with its spans.
/// </summary>
public sealed record LayoutCell(
    int Row,
    int Column,
    string Text,
    int RowSpan = 1,
    int ColumnSpan = 1,
    bool IsHeader = false,
    BoundingBox? Box = null,
    double? Confidence = null,
    int? Page = null);

/// <summary>How far the cell positions of a table can be trusted.</summary>
public enum GridKind
{
    /// <summary>Rows are reliable but columns are only an order (plain text split on tabs, pipes or spaces).</summary>
    Sequence,

    /// <summary>Rows and columns are real grid positions (HTML, DOCX, PDF geometry, Document Intelligence).</summary>
    Grid,
}

/// <summary>A table. Cells are ordered by row, then column.</summary>
public sealed record LayoutTable(int Page, IReadOnlyList<LayoutCell> Cells, GridKind Kind, BoundingBox? Box = null) : LayoutBlock(Page)
{
    public int RowCount => Cells.Count == 0 ? 0 : Cells.Max(c => c.Row + c.RowSpan);

    public int ColumnCount => Cells.Count == 0 ? 0 : Cells.Max(c => c.Column + c.ColumnSpan);
}

/// <summary>The unified document every reader and OCR engine produces and the extractor consumes.</summary>
public sealed record LayoutDocument(
    SourceFormat Format,
    int PageCount,
    IReadOnlyList<LayoutBlock> Blocks,
    bool Ocr = false)
{
    /// <summary>
    /// What the file says about itself outside its text: <c>title</c> (the HTML page's &lt;title&gt;, a PDF's or DOCX's
    /// title property) and <c>publisher</c> (an HTML meta tag such as ContentSource or author). May hold garbage.
    /// </summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>Notes from the reader that are not failures (e.g. "page 3 OCR'd", "encoding GB18030").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public IEnumerable<LayoutTable> Tables => Blocks.OfType<LayoutTable>();

    public IEnumerable<LayoutParagraph> Paragraphs => Blocks.OfType<LayoutParagraph>();
}
