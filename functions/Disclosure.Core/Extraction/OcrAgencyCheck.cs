using Disclosure.Core.Layout;

namespace Disclosure.Core.Extraction;

/// <summary>
/// How far an agency name read by OCR can be trusted. The recogniser's character list lacks some characters of place
/// names (issue 11: 浉 of 信阳市浉河区 is not in PP-OCRv4's list, so it is always read as another one, 滞 or 狮), and such a
/// misread is as plausible a name as the right one. The name is doubtful when the line it was read from was read with a
/// low confidence, when the document repeats the name (the opening sentence, the signature) with one character
/// different, added or dropped, or when it never repeats it as read: either way the result flags it and the registry match, where a registry is loaded, repairs it.
/// </summary>
public static class OcrAgencyCheck
{
    /// <summary>
    /// Below this, the line holding the name is doubtful: the recogniser's weakest character on it (a line is one
    /// recognition) was less probable than this. The same bar as a table cell's (OcrOptions.MinConfidence), for the same
    /// reason: right readings of printed text are almost always above it (titles read right: 0.95–1.0; the two titles
    /// with 浉 misread: 0.36 and 0.56 at 300 dpi).
    /// </summary>
    public const double MinConfidence = 0.80;

    /// <summary>
    /// A name shorter than this is not compared with its repetitions: two short names one character apart are as likely
    /// two agencies (民政局/财政局) as one misread.
    /// </summary>
    public const int MinRepeatLength = 6;

    /// <summary>
    /// A name read by OCR must be read the same this many times (title, opening sentence, signature) to be trusted: a
    /// misread is seldom repeated letter for letter, while a recogniser can be sure of a wrong character (tesseract read
    /// 帘壁市 for 鹤壁市 and 物壁市洪滨区 for 鹤壁市淇滨区 on seed-21 scans at 300 dpi with no doubt and no near variant).
    /// </summary>
    public const int MinOccurrences = 2;

    /// <summary>Marks the finding (Detail) so that the registry match, when it repairs the name, can withdraw it.</summary>
    public const string FindingDetail = "report.agency";

    /// <summary>The outcome: the confidence of the line the name was read from (null: not known) and why it is doubtful (null: not doubtful).</summary>
    public sealed record Assessment(double? Confidence, string? Doubt);

    /// <summary>Assesses <paramref name="agency"/> as found in <paramref name="document"/>'s paragraphs (an OCR'd document).</summary>
    public static Assessment Assess(LayoutDocument document, string agency)
    {
        var name = TextNorm.Compact(agency);
        var paragraphs = document.Blocks.OfType<LayoutParagraph>().Select(p => (Text: TextNorm.Compact(p.Text), p.Confidence)).ToList();
        var first = paragraphs.FindIndex(p => p.Text.Contains(name, StringComparison.Ordinal));
        double? confidence = first < 0 ? null : paragraphs[first].Confidence;
        if (confidence is < MinConfidence)
        {
            return new Assessment(confidence, $"单位名称“{agency}”所在行识别置信度较低（{confidence:P0}），可能有字识别错误");
        }

        if (name.Length >= MinRepeatLength)
        {
            foreach (var (text, _) in paragraphs)
            {
                if (OneCharacterApart(text, name) is { } variant)
                {
                    return new Assessment(confidence, $"单位名称在文中出现为“{agency}”和“{variant}”两种写法，可能有字识别错误");
                }
            }

            if (paragraphs.Sum(p => Occurrences(p.Text, name)) < MinOccurrences)
            {
                return new Assessment(confidence, $"单位名称“{agency}”在文中只出现一次，无法与开头段落或落款相互印证，可能有字识别错误");
            }
        }

        return new Assessment(confidence, null);
    }

    private static int Occurrences(string text, string name)
    {
        var count = 0;
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// A run of <paramref name="text"/> one edit from <paramref name="name"/>, sharing its first and last characters: one
    /// character different (滞/狮), or one character more or fewer (信阳市河区… beside 信阳市狮河区…: at 200 dpi the
    /// recogniser drops a character outside its list as confidently as it reads the rest, lo-45-007-err title 0.955).
    /// Null when none.
    /// </summary>
    internal static string? OneCharacterApart(string text, string name)
    {
        foreach (var length in (int[])[name.Length, name.Length + 1, name.Length - 1])
        {
            for (var i = 0; i + length <= text.Length && length >= 2; i++)
            {
                if (text[i] == name[0] && text[i + length - 1] == name[^1] && OneEdit(text.Substring(i, length), name))
                {
                    return text.Substring(i, length);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="run"/> is <paramref name="name"/> with exactly one character replaced, added or removed
    /// (<see cref="EditDistance"/>, as the registry match measures names); the name itself beside a repeated character
    /// (教育局局长) is the name, not a variant of it.
    /// </summary>
    private static bool OneEdit(string run, string name) =>
        !(run.Length > name.Length && run.Contains(name, StringComparison.Ordinal)) && EditDistance.Levenshtein(run, name, cutoff: 1) == 1;
}
