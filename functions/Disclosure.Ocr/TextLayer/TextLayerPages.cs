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

    /// <summary>Pages (1-based) with fewer than <paramref name="minChars"/> letters, or none parsed: scans to be OCR'd.</summary>
    public static IReadOnlyList<int> WithoutText(PdfTextLayer layer, int minChars) =>
    [
        .. layer.Pages.Select((p, i) => (Page: i + 1, Chars: p?.Letters.Sum(g => string.IsNullOrWhiteSpace(g.Text) ? 0 : g.Text.Length) ?? 0))
            .Where(x => x.Chars < minChars).Select(x => x.Page),
    ];

    /// <summary>The document: words through the stream stage, ruled parts placed among its blocks and joined across pages.</summary>
    public static LayoutDocument Document(PdfTextLayer layer, IReadOnlyList<PageWords> pages, IReadOnlyList<GridPart> grids, bool ocr, IReadOnlyList<string> notes) =>
        new(SourceFormat.Pdf, layer.PageCount, GridTables.Merge(LayoutBuilder.Build(pages), [.. grids.OrderBy(g => g.Page).ThenBy(g => g.Box.Top)]), ocr) { Notes = notes };
}
