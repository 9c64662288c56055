using Disclosure.Core.Layout;

namespace Disclosure.Layout;

/// <summary>
/// One letter of a PDF text layer, in page units with the origin at the top left. The box spans the em of the font
/// (advance width by point size), not the ink, so that letters of one line share a top and a bottom.
/// </summary>
public sealed record Glyph(string Text, BoundingBox Box, double Size);

/// <summary>
/// What a text-layer page holds for layout: its letters and the rules drawn on it (stroked lines, thin filled
/// rectangles, edges of stroked rectangles), horizontal and vertical. <see cref="Unmapped"/> counts letters that had no
/// Unicode mapping (skipped: they cannot be read), <see cref="UnmappedBoxes"/> says where they were.
/// </summary>
public sealed record TextLayerPage(int Page, double Width, double Height, IReadOnlyList<Glyph> Letters)
{
    internal IReadOnlyList<RuleSegment> Horizontal { get; init; } = [];

    internal IReadOnlyList<RuleSegment> Vertical { get; init; } = [];

    public IReadOnlyList<BoundingBox> UnmappedBoxes { get; init; } = [];

    public int Unmapped => UnmappedBoxes.Count;

    /// <summary>Share of the page (0..1) covered by the images drawn on it: a scan's page image covers it all.</summary>
    public double ImageCover { get; init; }

    /// <summary>Filled subpaths that are not rules (cell shading, logos, seals, glyph outlines): text turned into outlines draws one or more per glyph.</summary>
    public int FilledShapes { get; init; }
}
