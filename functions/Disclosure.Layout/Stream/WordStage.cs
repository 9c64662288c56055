using Disclosure.Core.Layout;

namespace Disclosure.Layout.Stream;

/// <summary>
/// Stage "words": drops empty words, repairs OCR words (border remnants trimmed, digits misread as letters repaired in
/// value-shaped words) and shrinks text-layer boxes to the em. Pure.
/// </summary>
public static class WordStage
{
    public static PageWords Clean(PageWords page, WordOptions options)
    {
        var words = page.Words.Where(w => !string.IsNullOrWhiteSpace(w.Text) && w.Box.Height > 0).ToList();
        if (page.Ocr)
        {
            var trim = options.OcrTrim.ToCharArray();
            words = [.. words.Select(w => w with { Text = TextRules.RepairDigits(w.Text.Trim(trim)) }).Where(w => w.Text.Length > 0)];
        }

        return page with { Words = NormaliseHeights(words, options) };
    }

    /// <summary>
    /// Text-layer boxes span the font's ascent to descent, which for CJK fonts can be 2–3 em, so boxes of adjacent lines
    /// overlap. The em size is known from full-width characters (one em wide each); boxes are shrunk about their centre to it.
    /// </summary>
    internal static List<PositionedWord> NormaliseHeights(List<PositionedWord> words, WordOptions options)
    {
        var ems = words.Where(w => w.Text.Length > 0 && w.Text.All(TextRules.IsCjk)).Select(w => w.Box.Width / w.Text.Length).ToList();
        if (ems.Count < options.MinCjkWords)
        {
            return words;
        }

        var ratio = Geometry.Median(ems) / Geometry.Median(words.Select(w => w.Box.Height));
        if (ratio >= options.FitRatio)
        {
            return words;
        }

        ratio = Math.Max(ratio, options.MinRatio);
        return [.. words.Select(w =>
        {
            var half = w.Box.Height * ratio / 2;
            return w with { Box = new BoundingBox(w.Box.Left, w.Box.CenterY - half, w.Box.Right, w.Box.CenterY + half) };
        })];
    }
}
