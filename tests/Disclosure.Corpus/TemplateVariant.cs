using System.Globalization;

namespace Disclosure.Corpus;

/// <summary>How the cell borders of a filled template are drawn.</summary>
public enum BorderStyle
{
    /// <summary>The template's own borders (LibreOffice draws each as a line).</summary>
    Template,

    /// <summary>No vertical rules between the value columns of tables 2 and 4 (a border left out when filling in).</summary>
    MissingInner,

    /// <summary>No borders at all on table 4 (a table whose rules were removed).</summary>
    NoneOnTable4,

    /// <summary>The template's borders, redrawn in the PDF as thin filled rectangles, one per cell edge (as WPS and Word export them).</summary>
    Rectangles,
}

/// <summary>
/// One way of filling the official template, as agencies do in WPS or Word: a CJK font and size, column widths that make
/// labels and headers wrap, vertical alignment, where table 3 starts on its page (so that it breaks at different rows),
/// blank and <c>/</c> cells, a document title with control characters, how borders are drawn, and whether the 2019 table
/// 2 prints 采购总金额 bare, as the official 2019 format does, or with the unit most reports add.
/// </summary>
public sealed record TemplateVariant(
    string Font,
    int HalfPoints,
    bool NarrowLabels,
    bool OneCharHeaders,
    string VerticalAlign,
    int PaddingParagraphs,
    int BlankCells,
    bool SlashForBlank,
    bool ControlCharTitle,
    BorderStyle Borders,
    bool OldOtherRow,
    int TitleStyle,
    bool OfficialProcurementHeader = false)
{
    public static readonly string[] Fonts =
        ["Noto Serif CJK SC", "Noto Sans CJK SC", "AR PL UMing CN", "AR PL UKai CN", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei"];

    /// <summary>
    /// The variant of document <paramref name="index"/>: each dimension cycles with a different period, so that a few
    /// documents cover every value of every dimension and no two documents share all of them.
    /// </summary>
    public static TemplateVariant For(int index, Random rng) => new(
        Font: Fonts[index % Fonts.Length],
        HalfPoints: 18 + 2 * (index % 6), // 9, 10, 11, 12, 13, 14 pt
        NarrowLabels: index % 2 == 1,
        OneCharHeaders: index % 3 == 2,
        VerticalAlign: index % 4 < 2 ? "center" : "top",
        PaddingParagraphs: rng.Next(0, 14),
        BlankCells: index % 5 == 3 ? 6 : 0,
        SlashForBlank: index % 10 == 3,
        ControlCharTitle: index % 7 == 4,
        Borders: (BorderStyle)(index % 8 < 5 ? 0 : index % 8 - 4),
        OldOtherRow: index % 9 == 5,
        TitleStyle: index % 3,
        OfficialProcurementHeader: index % 5 == 1);

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Font} {HalfPoints / 2.0:0.#}pt, valign {VerticalAlign}{(NarrowLabels ? ", narrow labels" : "")}{(OneCharHeaders ? ", one-character headers" : "")}, table 3 after {PaddingParagraphs} paragraphs{(BlankCells > 0 ? SlashForBlank ? ", '/' cells" : ", blank cells" : "")}{(ControlCharTitle ? ", control characters in title" : "")}, borders {Borders}{(OldOtherRow ? ", old single （六） row" : "")}, title style {TitleStyle}{(OfficialProcurementHeader ? ", procurement header without unit" : "")}");
}
