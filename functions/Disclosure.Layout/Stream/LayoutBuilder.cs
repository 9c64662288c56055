using Disclosure.Core.Layout;
using Disclosure.Layout.Stream;

namespace Disclosure.Layout;

/// <summary>
/// The stream pipeline: paragraphs and tables rebuilt from positioned words (a PDF text layer outside ruled tables,
/// tesseract or any engine that gives word boxes), for tables without rules (three-line tables, text files printed to
/// PDF). Stages, each one method with its options (<see cref="StreamOptions"/>): words → lines → decorations → table
/// regions and paragraphs → page join → grid (geometry) → cells. Pure: no I/O.
/// </summary>
public static class LayoutBuilder
{
    public static IReadOnlyList<LayoutBlock> Build(IReadOnlyList<PageWords> pages, StreamOptions? options = null)
    {
        options ??= StreamOptions.Default;
        var lines = pages.Select(p => LineStage.Build(WordStage.Clean(p, options.Words), options.Lines)).ToList();
        var clean = DecorationStage.Remove(lines, options.Decorations);
        var perPage = clean.Select(page =>
        {
            var regions = RegionStage.Find(page, options.Regions);
            IReadOnlyList<PageItem> items =
            [
                .. regions.Tables.Select(t => new PageItem(null, t))
                    .Concat(ParagraphStage.Build(regions, options.Paragraphs).Select(p => new PageItem(p, null)))
                    .OrderBy(i => i.Top),
            ];
            return items;
        }).ToList();

        var blocks = new List<LayoutBlock>();
        foreach (var item in PageJoinStage.Join(perPage, options.PageJoin))
        {
            if (item.Paragraph is { } paragraph)
            {
                blocks.Add(paragraph);
            }
            else if (GeometryGridStage.Build(item.Table!, options.Grid) is { } grid && GeometryCellStage.Build(grid, options.Cells) is { } table)
            {
                blocks.Add(table);
            }
        }

        return blocks;
    }

    /// <summary>The median (10 for none): the typical word height callers use as their line height.</summary>
    internal static double Median(IEnumerable<double> values) => Geometry.Median(values);
}
