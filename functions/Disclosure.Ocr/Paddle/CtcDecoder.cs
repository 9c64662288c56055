namespace Disclosure.Ocr.Paddle;

/// <summary>What the recogniser read in one crop: the text and each character's probability (0..1).</summary>
internal sealed record Recognition(string Text, IReadOnlyList<double> CharConfidences)
{
    public static readonly Recognition Empty = new("", []);

    /// <summary>The weakest character's probability; null when nothing was read.</summary>
    public double? Confidence => CharConfidences.Count == 0 ? null : CharConfidences.Min();
}

/// <summary>
/// Greedy CTC decoding: the most probable class per time step, runs of the same class collapsed into one character,
/// blanks (class 0) dropped; a character's confidence is the best probability over its run.
/// </summary>
internal static class CtcDecoder
{
    /// <param name="probabilities">Row-major [steps × classes] probabilities (the model ends in a softmax).</param>
    public static Recognition Decode(ReadOnlySpan<float> probabilities, int steps, int classes, CharacterList characters)
    {
        var text = new System.Text.StringBuilder();
        var confidences = new List<double>();
        var previous = 0;
        for (var t = 0; t < steps; t++)
        {
            var row = probabilities.Slice(t * classes, classes);
            var best = 0;
            var p = row[0];
            for (var c = 1; c < classes; c++)
            {
                if (row[c] > p)
                {
                    p = row[c];
                    best = c;
                }
            }

            if (best != 0 && best == previous)
            {
                confidences[^1] = Math.Max(confidences[^1], p);
            }
            else if (best != 0)
            {
                text.Append(characters[best]);
                confidences.Add(p);
            }

            previous = best;
        }

        // A character of the list may be more than one UTF-16 unit: keep one confidence per appended symbol.
        return new Recognition(text.ToString(), confidences);
    }
}
