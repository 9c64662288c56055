namespace Disclosure.Layout.Stream;

/// <summary>
/// Stage "lines": words clustered into lines by their vertical centres, each line cut into segments at gaps (a segment
/// is one cell's text on that line). A line with a label and values, or several values, is a data line. Pure.
/// </summary>
public static class LineStage
{
    public static PageLines Build(PageWords page, LineOptions options)
    {
        var words = page.Words;
        var h = Geometry.Median(words.Select(w => w.Box.Height));
        var clusters = new List<List<PositionedWord>>();
        var boxes = new List<Core.Layout.BoundingBox>();
        double center = 0;
        foreach (var w in words.OrderBy(w => w.Box.CenterY))
        {
            if (clusters.Count == 0 || w.Box.CenterY - center > options.LineSplit * Math.Max(h, Math.Min(w.Box.Height, boxes[^1].Height)))
            {
                clusters.Add([]);
                boxes.Add(w.Box);
            }

            clusters[^1].Add(w);
            boxes[^1] = boxes[^1].Union(w.Box);
            center = clusters[^1].Average(x => x.Box.CenterY);
        }

        var lines = clusters.Select((c, i) => Line(c, boxes[i], h, page.Ocr, options)).ToList();
        return new PageLines(page.Page, page.Width, page.Height, page.Ocr, h, lines);
    }

    private static TextLine Line(List<PositionedWord> cluster, Core.Layout.BoundingBox box, double h, bool ocr, LineOptions options)
    {
        var words = cluster.OrderBy(w => w.Box.Left).ToList();
        var segments = new List<List<PositionedWord>>();
        foreach (var w in words)
        {
            var last = segments.Count == 0 ? null : segments[^1][^1];
            var gap = last is null ? double.MaxValue : w.Box.Left - last.Box.Right;
            var bothValues = last is not null && TextRules.IsValue(last.Text) && TextRules.IsValue(w.Text);
            if (last is null || gap > (ocr ? options.OcrSegmentGap : options.SegmentGap) * h || (bothValues && gap > options.ValueGap * h)
                || (gap > options.ItemGap * h && TextRules.StartsItem(w.Text) && !TextRules.IsValue(w.Text)))
            {
                segments.Add([]);
            }

            segments[^1].Add(w);
        }

        var segs = segments.Select(s => new TextSegment(s)).ToList();
        var values = segs.Count(s => s.IsValue);
        return new TextLine(words, segs, box) { IsData = values >= 1 && segs.Count >= 2 && (values >= 2 || !segs[0].IsValue) };
    }
}
