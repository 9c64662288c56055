namespace Disclosure.Ocr.Local;

/// <summary>
/// Checks a digit reading against the width of its ink. Table figures are set in tabular digits: each digit takes the same
/// width, so a cell's ink width over its height tells how many digits it holds. A '1' inks less than its width at either
/// end of the number. This catches the commonest confident misread of blurred scans: 11 read as 1 (and 17 as 7).
/// The per-digit width is measured on the page itself from readings both models agree on.
/// </summary>
internal static class DigitWidth
{
    /// <summary>Ink width over height per digit in common serif fonts, when the page gives too few readings to measure.</summary>
    public const double DefaultPerDigit = 0.69;

    /// <summary>Per-digit width of this page: the median over agreed readings without a '1' (so without narrow ends).</summary>
    public static double Calibrate(IEnumerable<(string Text, double Ratio)> agreed)
    {
        var samples = agreed.Where(a => a.Text.Length > 0 && a.Text.All(char.IsAsciiDigit) && !a.Text.Contains('1', StringComparison.Ordinal))
            .Select(a => a.Ratio / (a.Text.Length - 0.1)).Order().ToList();
        return samples.Count >= 5 ? samples[samples.Count / 2] : DefaultPerDigit;
    }

    /// <summary>How far (in digits) the reading's expected width is from the ink; null when the reading is not plain digits.</summary>
    public static double? Error(string reading, double ratio, double perDigit)
    {
        if (reading.Length == 0 || !reading.All(char.IsAsciiDigit))
        {
            return null;
        }

        var narrowEnds = (reading[0] == '1' ? 0.25 : 0) + (reading[^1] == '1' ? 0.16 : 0);
        var expected = perDigit * (reading.Length - 0.1 - (reading.Length == 1 ? Math.Min(narrowEnds, 0.28) : narrowEnds));
        return Math.Abs(ratio - expected) / perDigit;
    }

    /// <summary>True when the ink is as wide as the reading should be: within a third of a digit, a tenth per digit for long numbers.</summary>
    public static bool Fits(string reading, double ratio, double perDigit) =>
        Error(reading, ratio, perDigit) is not { } e || e <= Math.Max(0.33, 0.1 * reading.Length);
}
