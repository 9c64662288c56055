using Disclosure.Core.Layout;

namespace Disclosure.Layout;

/// <summary>Thresholds of the letters → words stage, in ems of the letters' font size.</summary>
public sealed record GlyphWordOptions
{
    /// <summary>Letters further apart than this are two words: an inter-word space is ~0.25 em, letter spacing near 0.</summary>
    public double MaxLetterGap { get; init; } = 0.2;

    /// <summary>Letters overlapping by more than this are not in reading order (a new run of text), so a new word starts.</summary>
    public double MaxOverlap { get; init; } = 0.5;

    /// <summary>Letters whose baselines differ by more than this are on different lines.</summary>
    public double MaxBaselineShift { get; init; } = 0.3;

    /// <summary>The same letter drawn again within this distance is fake bold (drawn twice, slightly offset), not text.</summary>
    public double DuplicateDistance { get; init; } = 0.3;

    public static GlyphWordOptions Default { get; } = new();
}

/// <summary>
/// Stage one of text-layer layout: letters → words. Letters that follow each other on one baseline without a gap form a
/// word; whitespace letters end words. Pure.
/// </summary>
public static class GlyphWords
{
    public static IReadOnlyList<PositionedWord> Build(IEnumerable<Glyph> letters, GlyphWordOptions? options = null)
    {
        options ??= GlyphWordOptions.Default;
        var words = new List<PositionedWord>();
        var text = new System.Text.StringBuilder();
        BoundingBox? box = null;
        Glyph? last = null;

        void Flush()
        {
            if (box is not null && text.Length > 0)
            {
                words.Add(new PositionedWord(text.ToString(), box));
            }

            text.Clear();
            box = null;
            last = null;
        }

        foreach (var g in letters)
        {
            if (string.IsNullOrWhiteSpace(g.Text))
            {
                Flush();
                continue;
            }

            if (last is not null)
            {
                var em = Math.Max(1e-3, Math.Max(g.Size, last.Size));
                if (g.Text == last.Text && Math.Abs(g.Box.Left - last.Box.Left) < options.DuplicateDistance * em
                    && Math.Abs(g.Box.Bottom - last.Box.Bottom) < options.DuplicateDistance * em)
                {
                    continue;
                }

                var gap = g.Box.Left - last.Box.Right;
                if (gap > options.MaxLetterGap * em || gap < -options.MaxOverlap * em
                    || Math.Abs(g.Box.Bottom - last.Box.Bottom) > options.MaxBaselineShift * em)
                {
                    Flush();
                }
            }

            text.Append(g.Text);
            box = box is null ? g.Box : box.Union(g.Box);
            last = g;
        }

        Flush();
        return words;
    }
}
