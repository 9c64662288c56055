using System.Text.RegularExpressions;

namespace Disclosure.Core.Vocabulary;

/// <summary>
/// What "looks like a number" means at each stage, in one place. The stages ask different questions of different text,
/// so there are three named shapes built from the same parts, not one: the layout stages ask of a raw word whether it is
/// a value (a sign glyph as fonts and OCR give it, a unit typed in the cell); the text reader asks of a token on a line
/// whether the line is a table row (no unit, or prose such as 共12件 would make rows); the extractor's cell parser, after
/// NFKC, reads the value itself (thousands groups, a note after it). The parser is the authority on the value: the first
/// two only decide where cells are.
/// </summary>
public static partial class NumberShapes
{
    /// <summary>A digit as printed: ASCII or full-width (report-contract.md §3 normalises full-width digits).</summary>
    public const string Digit = "[0-9０-９]";

    /// <summary>
    /// Layout (PDF text layer, OCR words; raw glyphs, no normalisation): an optional sign — 增/减, ASCII, the minus sign
    /// U+2212 and the full-width hyphen that fonts and OCR produce —, digits with separators and spaces, and a unit the
    /// author typed inside the cell.
    /// </summary>
    [GeneratedRegex($@"^(增|减|\+|-|−|－)?\s*{Digit}[0-9０-９,，.\s]*(%|万元|元|件|条)?$")]
    public static partial Regex LayoutValue();

    /// <summary>
    /// Plain text (tab- or space-separated table lines): a token that is a number, full-width separators included; no
    /// unit and no space after the sign, so prose fragments do not turn lines into table rows.
    /// </summary>
    [GeneratedRegex($@"^[+\-增减]?{Digit}[0-9０-９,，.． ]*$")]
    public static partial Regex TextToken();

    /// <summary>
    /// The extractor's cell parser, on NFKC text (full-width digits already ASCII): sign (增加/减少 too), the number with thousands
    /// groups of three or stray spaces between digits, and the rest of the cell (a note or a unit, checked by the parser).
    /// </summary>
    [GeneratedRegex(@"^(?<sign>[+\-]|增加|减少|增|减)?\s*(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d(?:[\d ]*\d)?(?:\.\d+)?)(?<rest>.*)$")]
    public static partial Regex CellNumber();
}
