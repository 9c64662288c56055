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
            words = RepairLoneLetters(words, options);
        }

        return page with { Words = NormaliseHeights(words, options) };
    }

    /// <summary>
    /// A word of one letter that looks like a digit (o, l, S…) standing among the values of a table row is that digit:
    /// the words next to it on its line, up to the first that is no value, are values, at least
    /// <see cref="WordOptions.MinValueNeighbours"/> of them (lo-45-006 at 200 dpi: the recogniser read a 0 of borderless
    /// table 4's value row as "o", which was no value, so the row lost a column). It is flagged, never silent: its
    /// confidence is at most <see cref="WordOptions.RepairedLetterConfidence"/>.
    /// </summary>
    internal static List<PositionedWord> RepairLoneLetters(List<PositionedWord> words, WordOptions options)
    {
        var result = new List<PositionedWord>(words.Count);
        foreach (var w in words)
        {
            // A digit itself maps to itself: only a letter that stands for one is repaired.
            var digit = w.Text.Length == 1 ? TextRules.LookalikeDigit(w.Text[0]) : ' ';
            var repair = digit != w.Text[0] && char.IsAsciiDigit(digit) && ValueNeighbours(words, w) >= options.MinValueNeighbours;
            result.Add(!repair ? w : w with { Text = digit.ToString(), Confidence = Math.Min(w.Confidence ?? 1, options.RepairedLetterConfidence) });
        }

        return result;
    }

    /// <summary>The values next to <paramref name="word"/> on its line (words overlapping it by half a height), on both sides up to the first word that is no value.</summary>
    private static int ValueNeighbours(List<PositionedWord> words, PositionedWord word)
    {
        var line = words.Where(o => ReferenceEquals(o, word)
            || Math.Min(o.Box.Bottom, word.Box.Bottom) - Math.Max(o.Box.Top, word.Box.Top) >= 0.5 * Math.Min(o.Box.Height, word.Box.Height))
            .OrderBy(o => o.Box.Left).ToList();
        var at = line.FindIndex(o => ReferenceEquals(o, word));
        var count = 0;
        for (var k = at - 1; k >= 0 && TextRules.IsValue(line[k].Text); k--)
        {
            count++;
        }

        for (var k = at + 1; k < line.Count && TextRules.IsValue(line[k].Text); k++)
        {
            count++;
        }

        return count;
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
