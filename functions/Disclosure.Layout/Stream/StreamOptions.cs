namespace Disclosure.Layout.Stream;

// Thresholds of the stream stages (tables from text geometry). Distances are in line heights (h: the page's median word
// height, about one em of body text) unless a name says otherwise. The defaults are the values measured on the corpora
// (docs/layout.md); change one only with a measurement before and after.

/// <summary>Stage "words": clean the words an engine gave before lines are built.</summary>
public sealed record WordOptions
{
    /// <summary>Characters trimmed from OCR words: remnants of cell borders and stray quotes are not text.</summary>
    public string OcrTrim { get; init; } = "|[]【】_‖丨 “”\"‘’`";

    /// <summary>Heights are normalised only with this many all-CJK words: fewer give no reliable em.</summary>
    public int MinCjkWords { get; init; } = 5;

    /// <summary>Boxes whose em is at least this share of their height already fit the line (no ascent/descent padding).</summary>
    public double FitRatio { get; init; } = 0.9;

    /// <summary>Boxes are never shrunk below this share of their height (a font with absurd metrics must not collapse lines).</summary>
    public double MinRatio { get; init; } = 0.25;

    /// <summary>A lone digit-like letter is read as a digit only among at least this many values on its line (a table row, not running text).</summary>
    public int MinValueNeighbours { get; init; } = 2;

    /// <summary>
    /// The confidence at most of a letter read as a digit by its place in a row of values: under the scan reader's
    /// threshold for an uncertain cell (0.8), so that the value is checked by a person, not taken on trust.
    /// </summary>
    public double RepairedLetterConfidence { get; init; } = 0.5;

    public static WordOptions Default { get; } = new();
}

/// <summary>Stage "lines": words → lines → segments (the text of one cell on one line).</summary>
public sealed record LineOptions
{
    /// <summary>A word whose centre is more than this below the line's centre starts a new line (half a line, less a margin for jitter).</summary>
    public double LineSplit { get; init; } = 0.45;

    /// <summary>A gap wider than this between words of a text layer starts a new segment: word spaces are ~0.25 h, cell gaps wider.</summary>
    public double SegmentGap { get; init; } = 0.6;

    /// <summary>The same for OCR words: engines split a phrase into words with wider gaps than a text layer does.</summary>
    public double OcrSegmentGap { get; init; } = 1.2;

    /// <summary>Two numbers further apart than this are two cells (adjacent narrow value columns leave small gaps).</summary>
    public double ValueGap { get; init; } = 0.35;

    /// <summary>A label that opens an item (二、 （三）) after a gap wider than this starts its own segment.</summary>
    public double ItemGap { get; init; } = 0.3;

    public static LineOptions Default { get; } = new();
}

/// <summary>Stage "decorations": page numbers and running headers and footers.</summary>
public sealed record DecorationOptions
{
    /// <summary>Lines above this share of the page height are in the top margin.</summary>
    public double TopMargin { get; init; } = 0.08;

    /// <summary>Lines below this share of the page height are in the bottom margin.</summary>
    public double BottomMargin { get; init; } = 0.92;

    /// <summary>Margin text (digits ignored) on at least this many pages is a running header or footer.</summary>
    public int MinRepeats { get; init; } = 2;

    public static DecorationOptions Default { get; } = new();
}

/// <summary>Stage "table regions": runs of data lines, with the header and wrapped lines around them.</summary>
public sealed record RegionOptions
{
    /// <summary>A non-data line closer than this to the line above stays in the table (wrapped labels, header rows).</summary>
    public double LineGap { get; init; } = 1.0;

    /// <summary>A trailing non-data line closer than this many of the previous line's heights continues it (a wrapped last label).</summary>
    public double ContinuationGap { get; init; } = 1.5;

    /// <summary>At most this many lines above the first data line are taken as its header (a header is never a page long).</summary>
    public int MaxHeaderLines { get; init; } = 10;

    /// <summary>A single text segment wider than this share of the text width is running text, never part of a table.</summary>
    public double WideText { get; init; } = 0.72;

    public static RegionOptions Default { get; } = new();
}

/// <summary>Stage "paragraphs": the lines outside tables joined into paragraphs.</summary>
public sealed record ParagraphOptions
{
    /// <summary>A line that ends within this of the right text edge is full, so the next line may continue it.</summary>
    public double FullLineSlack { get; init; } = 2.5;

    /// <summary>Lines further apart than this are separate paragraphs.</summary>
    public double LineGap { get; init; } = 0.9;

    /// <summary>A continuing line starts at most this right of the previous one (justified text wobbles).</summary>
    public double IndentSlack { get; init; } = 0.5;

    /// <summary>The first line of a paragraph may be indented this much more (two CJK characters and some).</summary>
    public double FirstLineIndent { get; init; } = 3;

    public static ParagraphOptions Default { get; } = new();
}

/// <summary>Stage "page join": a table that ends one page and opens the next is one table.</summary>
public sealed record PageJoinOptions
{
    /// <summary>The next page's lines are stacked this far below the last line of the previous page: more than a row gap, so no row spans the break by accident.</summary>
    public double StackGap { get; init; } = 2;

    public static PageJoinOptions Default { get; } = new();
}

/// <summary>Stage "grid (geometry)": columns from the x-extents of values, label sub-columns from label left edges.</summary>
public sealed record GeometryGridOptions
{
    /// <summary>Value extents overlapping by more than this are one column (right-aligned numbers of one column differ in width).</summary>
    public double MergeTolerance { get; init; } = 0.1;

    /// <summary>Slack at the border between label and value areas: centred headers and left-aligned labels overhang a little.</summary>
    public double AreaSlack { get; init; } = 0.3;

    /// <summary>A header segment is a column of its own (blank in every row) only when its centre is this share of the column spacing away from every value column.</summary>
    public double BlankColumnDistance { get; init; } = 0.6;

    /// <summary>... and narrower than this many column spacings (wider text spans columns, it is not one).</summary>
    public double BlankColumnMaxWidth { get; init; } = 2;

    /// <summary>A segment spreading over several value columns is cut where the column changes at a gap wider than this.</summary>
    public double SplitGap { get; init; } = 0.25;

    /// <summary>Label left edges further apart than this are different label sub-columns (labels are left-aligned in their cells).</summary>
    public double LabelColumnGap { get; init; } = 1.0;

    public static GeometryGridOptions Default { get; } = new();
}

/// <summary>Stage "cells": segments placed in columns, wrapped lines joined, rows from cell tops.</summary>
public sealed record GeometryCellOptions
{
    /// <summary>A label starts in the last label sub-column whose left edge is at most this right of the label's left.</summary>
    public double LabelSlack { get; init; } = 0.5;

    /// <summary>A label reaches into a value column when it ends this far past the column's left edge (a label spanning the table).</summary>
    public double ValueReach { get; init; } = 0.3;

    /// <summary>A segment is in a value column when it overlaps the column's space by this share of the narrower of the two.</summary>
    public double OverlapShare { get; init; } = 0.3;

    /// <summary>A segment at most this below a cell in the same column continues it (a wrapped line).</summary>
    public double WrapGap { get; init; } = 0.5;

    /// <summary>... and at most this above its bottom (lines of one cell never overlap much).</summary>
    public double WrapOverlap { get; init; } = 0.3;

    /// <summary>Cells whose tops are within this are one row (cells are top-aligned or one line high).</summary>
    public double RowMerge { get; init; } = 0.6;

    /// <summary>A cell is on the page whose first top is at most this below the cell's top (stacked pages).</summary>
    public double PageSlack { get; init; } = 0.5;

    /// <summary>
    /// On a scan (OCR words, no rules), a value whose box lies in no column's space (placed by nearness) or over several
    /// columns gets at most this confidence: its column is a guess, so extraction flags it (below 0.8) rather than map it
    /// silently. A text layer's boxes are exact and keep their placement.
    /// </summary>
    public double OcrDoubtfulPlacement { get; init; } = 0.5;

    public static GeometryCellOptions Default { get; } = new();
}

/// <summary>Every stream stage's options; <see cref="Default"/> is what the readers use.</summary>
public sealed record StreamOptions
{
    public WordOptions Words { get; init; } = WordOptions.Default;

    public LineOptions Lines { get; init; } = LineOptions.Default;

    public DecorationOptions Decorations { get; init; } = DecorationOptions.Default;

    public RegionOptions Regions { get; init; } = RegionOptions.Default;

    public ParagraphOptions Paragraphs { get; init; } = ParagraphOptions.Default;

    public PageJoinOptions PageJoin { get; init; } = PageJoinOptions.Default;

    public GeometryGridOptions Grid { get; init; } = GeometryGridOptions.Default;

    public GeometryCellOptions Cells { get; init; } = GeometryCellOptions.Default;

    public static StreamOptions Default { get; } = new();
}
