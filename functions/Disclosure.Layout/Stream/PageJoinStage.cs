namespace Disclosure.Layout.Stream;

/// <summary>
/// Stage "page join": the items of every page in reading order, where a table region that ends one page and the table
/// region that opens the next are one region, the second's lines stacked under the first's. Pure.
/// </summary>
public static class PageJoinStage
{
    public static IReadOnlyList<PageItem> Join(IReadOnlyList<IReadOnlyList<PageItem>> pages, PageJoinOptions options)
    {
        var items = new List<PageItem>();
        foreach (var page in pages)
        {
            var pageItems = page.ToList();
            if (pageItems.Count > 0 && items.Count > 0 && items[^1].Table is { } previous && pageItems[0].Table is { } next
                && previous.Pages[^1].Page == next.Pages[0].Page - 1)
            {
                var offset = previous.Lines.Max(l => l.Box.Bottom) + options.StackGap * previous.LineHeight - next.Lines.Min(l => l.Box.Top);
                var shifted = next.Lines.Select(l => l.Shift(offset)).ToList();
                items[^1] = new PageItem(null, previous with
                {
                    Lines = [.. previous.Lines, .. shifted],
                    Pages = [.. previous.Pages, (shifted.Min(l => l.Box.Top), next.Pages[0].Page)],
                });
                pageItems.RemoveAt(0);
            }

            items.AddRange(pageItems);
        }

        return items;
    }
}
