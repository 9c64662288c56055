using Disclosure.Core.Layout;
using Disclosure.Layout;

namespace Disclosure.Ocr.TextLayer;

/// <summary>What the PDF readers do with a parsed text layer before layout: lattice per page, and which pages need OCR. Pure.</summary>
public static class TextLayerPages
{
    /// <summary>
    /// Each page split into ruled tables and the words outside them; a page that failed to parse is an empty page.
    /// Every PDF goes through the lattice whatever its producer (metadata is often missing or wrong): Chromium's per-cell
    /// border rectangles are joined into shared rules by the grid stage (<see cref="VectorTableOptions.RuleJoinGap"/>),
    /// and a grid that glues values of several columns falls back to geometry there (<see cref="VectorTables.Read"/>).
    /// </summary>
    public static IReadOnlyList<LatticePage> Lattice(PdfTextLayer layer)
    {
        var pages = new List<LatticePage>();
        for (var i = 0; i < layer.Pages.Count; i++)
        {
            // A table cut by the page break continues with the previous page's columns (where its own rules are missing).
            var continued = pages.Count > 0 && pages[^1].Grids.Count > 0 ? pages[^1].Grids[^1].Xs : null;
            pages.Add(layer.Pages[i] is not { } p ? new LatticePage(new PageWords(i + 1, 595, 842, []), [])
                : VectorTables.Read(p, continued: continued));
        }

        return pages;
    }

    /// <summary>
    /// An image covering this share of the page may be a scan. A scan's page image covers all of it; a seal, a logo or a
    /// QR code on a report's last page covers a few percent.
    /// </summary>
    public const double MinScanImageCover = 0.3;

    /// <summary>
    /// This many filled shapes on a page without letters may be text turned into outlines (one or more shapes a glyph; a
    /// short paragraph has hundreds). A seal or a logo drawn as vectors has tens.
    /// </summary>
    public const int MinOutlineShapes = 150;

    /// <summary>
    /// Pages (1-based) to be OCR'd: fewer than <paramref name="minChars"/> letters and ink that letters do not explain (a
    /// large image, or many filled shapes), or a page that could not be parsed. A page with few letters and nothing else
    /// (the signature and date that end most reports, a blank page) is read as text: there is nothing for OCR to read,
    /// and OCR'ing it would make a text-layer report a scan (doubt on every reading; in Azure, a billed service call).
    /// </summary>
    public static IReadOnlyList<int> WithoutText(PdfTextLayer layer, int minChars) =>
    [
        .. layer.Pages.Select((p, i) => (Page: i + 1, Scan: p is null || NeedsOcr(p, minChars))).Where(x => x.Scan).Select(x => x.Page),
    ];

    private static bool NeedsOcr(TextLayerPage page, int minChars) =>
        page.Letters.Sum(g => string.IsNullOrWhiteSpace(g.Text) ? 0 : g.Text.Length) < minChars
        && (page.ImageCover >= MinScanImageCover || page.FilledShapes >= MinOutlineShapes);

    /// <summary>The document: words through the stream stage, ruled parts placed among its blocks and joined across pages.</summary>
    public static LayoutDocument Document(PdfTextLayer layer, IReadOnlyList<PageWords> pages, IReadOnlyList<GridPart> grids, bool ocr, IReadOnlyList<string> notes) =>
        new(SourceFormat.Pdf, layer.PageCount, GridTables.Merge(LayoutBuilder.Build(pages), [.. grids.OrderBy(g => g.Page).ThenBy(g => g.Box.Top)]), ocr) { Notes = notes };
}
