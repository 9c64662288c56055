using System.Collections.Frozen;

namespace Disclosure.Core.Vocabulary;

/// <summary>
/// What a report prints in a table cell instead of a number to say "nothing here" (report-contract.md §3: blank, '/',
/// '-', '—', '无' are null, kept distinct from 0). One list for every reader; a reader that must recognise fewer uses a
/// named subset derived from it, with the reason.
/// </summary>
public static class Placeholders
{
    /// <summary>Why an entry is on the list: decides which subsets it belongs to.</summary>
    public enum Kind
    {
        /// <summary>A slash or a dash as a word processor types it (half- and full-width forms, en and em dashes).</summary>
        Mark,

        /// <summary>The word 无 (none).</summary>
        NoneWord,

        /// <summary>An ASCII stand-in for a mark, typed where the author had no dash at hand, or a Latin "not applicable".</summary>
        AsciiStandIn,

        /// <summary>Something that is ordinary text elsewhere: the CJK numeral 一 for a dash, an ellipsis, 空, 暂无.</summary>
        Ambiguous,
    }

    /// <summary>One placeholder, the reason it is listed, and where it was seen.</summary>
    public sealed record Entry(string Text, Kind Kind, string Source);

    /// <summary>
    /// The one list. Matched against a cell's whole trimmed text; the extractor compares after NFKC, so the full-width
    /// forms are listed too for the readers that compare raw text (layout, OCR).
    /// </summary>
    public static readonly IReadOnlyList<Entry> All =
    [
        // The contract's own list (report-contract.md §3), read by every reader since the first engine.
        new("/", Kind.Mark, Contract),
        new("-", Kind.Mark, Contract),
        new("—", Kind.Mark, Contract),
        new("无", Kind.NoneWord, Contract),

        // The other forms of those marks that a word processor or a Chinese input method types; the layout stages and
        // the OCR cell reader listed these seven marks and 无 (TextRules, CellReader) beside the extractor's list.
        new("／", Kind.Mark, "full-width slash (Chinese input methods); " + AllReaders),
        new("－", Kind.Mark, "full-width hyphen-minus (Chinese input methods); " + AllReaders),
        new("——", Kind.Mark, "the Chinese dash 破折号 (two em dashes); " + AllReaders),
        new("–", Kind.Mark, "en dash (Word's autocorrect of ' - '); " + AllReaders),

        // Only the extractor's cell parser listed these (CellValue, since the first engine): typed by authors in place
        // of a mark, or words for "none".
        new("\\", Kind.AsciiStandIn, "a backslash typed for '/'; " + ExtractorOnly),
        new("--", Kind.AsciiStandIn, "two hyphens typed for a dash; " + ExtractorOnly),
        new("*", Kind.AsciiStandIn, "an asterisk for a figure not given; " + ExtractorOnly),
        new("×", Kind.AsciiStandIn, "a cross for 'not applicable'; " + ExtractorOnly),
        new("N/A", Kind.AsciiStandIn, "Latin 'not applicable'; " + ExtractorOnly),
        new("n/a", Kind.AsciiStandIn, "Latin 'not applicable'; " + ExtractorOnly),
        new("NA", Kind.AsciiStandIn, "Latin 'not applicable'; " + ExtractorOnly),
        new("...", Kind.AsciiStandIn, "three full stops; " + ExtractorOnly),
        new("…", Kind.Ambiguous, "the ellipsis character (NFKC turns it into '...'); " + ExtractorOnly),
        new("一", Kind.Ambiguous, "the CJK numeral typed for a dash; also opens 一、 headings; " + ExtractorOnly),
        new("空", Kind.Ambiguous, "'empty' written out; " + ExtractorOnly),
        new("暂无", Kind.Ambiguous, "'none for now' written out; " + ExtractorOnly),
    ];

    private const string Contract = "report-contract.md §3";
    private const string AllReaders = "listed by the extractor, the layout stages and the OCR cell reader";
    private const string ExtractorOnly = "listed by the extractor only";

    /// <summary>Every placeholder: what the extractor's cell parser reads as a blank (after NFKC and trimming).</summary>
    public static readonly FrozenSet<string> ForCells = All.Select(e => e.Text).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The subset the layout stages and the OCR cell readers treat as a value: the marks and 无. They decide, before any
    /// normalisation, whether a word is a value or part of a label and whether an OCR reading deserves a digits-only
    /// second reading. The ASCII stand-ins and the ambiguous entries are ordinary text there (一 opens 一、 headings and
    /// is the Chinese model's reading of a stroke, '*' marks footnotes, '...' leaders), so taking them as values would
    /// split labels or skip re-reading a digit; the extractor still reads them as blanks from the cell's text.
    /// </summary>
    public static readonly FrozenSet<string> ForLayout = All.Where(e => e.Kind is Kind.Mark or Kind.NoneWord)
        .Select(e => e.Text).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when the trimmed text is one of <see cref="ForLayout"/> (no normalisation: raw glyphs as read).</summary>
    public static bool IsLayoutPlaceholder(string text) => ForLayout.Contains(text.Trim());
}
