using Disclosure.Core.Layout;
using Disclosure.Layout;
using Disclosure.Ocr.Local;

namespace Disclosure.Tests.Ocr;

/// <summary>
/// A scanned page continuing a table takes the previous page's last table's columns (PDF pages and the frames of a
/// multi-page image alike), only where its reading said they can change something.
/// </summary>
public sealed class ScannedPageTests
{
    private static readonly PageWords NoWords = new(1, 600, 800, []);

    private static GridPart Grid(int page, double top, params double[] xs) => new(page, xs, new BoundingBox(xs[0], top, xs[^1], top + 100), []);

    [Fact]
    public void A_page_that_can_be_completed_again_gets_the_columns_of_the_previous_pages_last_table()
    {
        IReadOnlyList<double>? offered = null;
        var again = Grid(2, 50, 0, 1, 2);
        var page = new ScannedPage(NoWords, [Grid(2, 50, 0, 2)]) { Continued = xs => { offered = xs; return [again]; } };
        var previous = new ScannedPage(NoWords, [Grid(1, 100, 10, 20, 30), Grid(1, 500, 10, 40, 70, 100)]);

        var after = page.After(previous);

        Assert.Equal([10, 40, 70, 100], offered);
        Assert.Same(again, Assert.Single(after.Grids));
    }

    [Theory]
    [InlineData(false, "tables")] // the page's reading cannot change with other columns
    [InlineData(true, "none")] // the first page
    [InlineData(true, "no tables")] // the previous page had no table
    public void Otherwise_the_page_is_kept_as_read(bool canComplete, string previousPage)
    {
        var called = false;
        var page = new ScannedPage(NoWords, [Grid(2, 50, 0, 2)]) { Continued = canComplete ? _ => { called = true; return []; } : null };
        var previous = previousPage switch
        {
            "tables" => new ScannedPage(NoWords, [Grid(1, 100, 10, 20, 30)]),
            "no tables" => new ScannedPage(NoWords, []),
            _ => null,
        };

        Assert.Same(page, page.After(previous));
        Assert.False(called);
    }
}
