using Disclosure.Core.Layout;

namespace Disclosure.Layout.Stream;

/// <summary>
/// Stage "paragraphs": lines outside tables are joined while a line is full (ends near the right text edge), the next
/// is close below, is not a heading and starts where the previous did (the first line may be indented). Pure.
/// </summary>
public static class ParagraphStage
{
    public static IReadOnlyList<LayoutParagraph> Build(PageRegions regions, ParagraphOptions options)
    {
        var page = regions.Page;
        if (page.Lines.Count == 0)
        {
            return [];
        }

        var h = page.LineHeight;
        var textRight = page.Lines.Max(l => l.Box.Right);
        var paragraphs = new List<LayoutParagraph>();
        var current = new List<TextLine>();
        void Flush()
        {
            if (current.Count == 0)
            {
                return;
            }

            var text = current.Aggregate("", (acc, l) => TextRules.Join(acc, l.Text));
            var box = current.Select(l => l.Box).Aggregate((a, b) => a.Union(b));
            var confs = current.SelectMany(l => l.Words).Where(w => w.Confidence.HasValue).Select(w => w.Confidence!.Value).ToList();
            paragraphs.Add(new LayoutParagraph(page.Page, text, box, confs.Count > 0 ? confs.Average() : null));
            current.Clear();
        }

        foreach (var line in regions.Rest)
        {
            if (current.Count > 0)
            {
                var prev = current[^1];
                var continues = prev.Box.Right >= textRight - options.FullLineSlack * h
                    && line.Box.Top - prev.Box.Bottom < options.LineGap * h
                    && !TextRules.IsHeading(line.Text)
                    && line.Box.Left <= prev.Box.Left + options.IndentSlack * h + (current.Count == 1 ? options.FirstLineIndent * h : 0);
                if (!continues)
                {
                    Flush();
                }
            }

            current.Add(line);
        }

        Flush();
        return paragraphs;
    }
}
