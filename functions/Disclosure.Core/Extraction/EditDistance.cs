namespace Disclosure.Core.Extraction;

/// <summary>Edit distance between short strings (agency names): the OCR's replaced, dropped and added characters.</summary>
public static class EditDistance
{
    /// <summary>
    /// Levenshtein distance of <paramref name="a"/> and <paramref name="b"/> (each edit costs 1), or
    /// <paramref name="cutoff"/> + 1 as soon as it must exceed the cutoff (a row's minimum never decreases).
    /// </summary>
    public static int Levenshtein(string a, string b, int cutoff = int.MaxValue - 1)
    {
        if (Math.Abs(a.Length - b.Length) > cutoff)
        {
            return cutoff + 1;
        }

        // Names are short: the two rows live on the stack (this runs over every registry form of a name).
        Span<int> previous = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > cutoff)
            {
                return cutoff + 1;
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return Math.Min(previous[b.Length], cutoff + 1);
    }
}
