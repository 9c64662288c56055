using System.Globalization;
using Disclosure.Core.Contract;

namespace Disclosure.Core.Comparison;

/// <summary>
/// 雷同 against the same agency's previous report: for each narrative section of this year's report, the share of its
/// (counted) text whose sentences also appear in last year's report, figures, dates and years masked, and the longest
/// copied passages. A sentence counts as copied when its key is one of last year's, or when it is long and nearly all
/// its character shingles occur in last year's text (a word or two changed).
/// </summary>
public static class TextReuse
{
    /// <summary>
    /// COPIED_TEXT when at least this share of a section's counted text repeats last year's. Measured (2026-12-01,
    /// docs/year-over-year.md): seed 004 (a real 2023 report) followed by the same text with only its figures and year
    /// changed scores 1.00 in 一 and 五; followed by a rewrite that keeps one platform sentence, 0.07 in 一 and 0 in 五;
    /// every pair of two different real agencies among the five seeds scores 0.00 (what all reports share is the
    /// template's text, which is not counted). "Mostly copied" is read as more than half, with a margin for sentences
    /// an agency rightly keeps (its platforms, its fee statement): 0.6.
    /// </summary>
    public const double CopiedShare = 0.6;

    /// <summary>
    /// A section needs at least this much counted text (after masking) to be called copied: a one-line section 六
    /// (本机关未收取信息处理费) is rightly the same every year, and a short section 五 is judged by NO_IMPROVEMENT_MEASURE.
    /// </summary>
    public const int MinCopiedChars = 100;

    /// <summary>Shingle length (characters) for near-copies: four CJK characters are about two words.</summary>
    public const int ShingleLength = 4;

    /// <summary>A sentence whose shingles are at least this contained in last year's text is a copy with small edits.</summary>
    public const double NearCopyContainment = 0.85;

    /// <summary>Only sentences with at least this many key characters can be near-copies (short ones match by chance).</summary>
    public const int NearCopyMinChars = 20;

    /// <summary>Passages shown per section.</summary>
    public const int MaxPassages = 3;

    /// <summary>A passage is shown up to this many characters.</summary>
    public const int MaxPassageChars = 300;

    public static readonly IReadOnlySet<string> Codes = new HashSet<string>(StringComparer.Ordinal) { FindingCodes.CopiedText, FindingCodes.TextReuse };

    /// <summary>Per-section reuse of <paramref name="current"/> against all narrative text of <paramref name="previous"/>.</summary>
    public static IReadOnlyList<SectionReuse> Compare(IReadOnlyList<NarrativeText> current, IReadOnlyList<NarrativeText> previous)
    {
        var lastKeys = new HashSet<string>(StringComparer.Ordinal);
        var lastShingles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sentence in previous.SelectMany(p => NarrativeSentences.Split(p.Text)))
        {
            lastKeys.Add(sentence.Key);
            AddShingles(lastShingles, sentence.Key);
        }

        var sections = new List<SectionReuse>();
        foreach (var section in current)
        {
            var sentences = NarrativeSentences.Split(section.Text).Where(s => s.Counted).ToList();
            var copied = sentences.Select(s => lastKeys.Contains(s.Key) || NearCopy(s.Key, lastShingles)).ToList();
            sections.Add(new SectionReuse(
                section.Section,
                sentences.Count,
                copied.Count(c => c),
                sentences.Sum(s => s.Key.Length),
                sentences.Where((_, i) => copied[i]).Sum(s => s.Key.Length))
            { Passages = Passages(sentences, copied) });
        }

        return sections;
    }

    /// <summary>COPIED_TEXT for each mostly copied section, and the TEXT_REUSE figure for the report.</summary>
    public static IReadOnlyList<Finding> Findings(IReadOnlyList<SectionReuse> sections, int? previousYear)
    {
        var findings = new List<Finding>();
        var last = previousYear is { } y ? $"{y.ToString(CultureInfo.InvariantCulture)}年度报告" : "上一年度报告";
        foreach (var s in sections.Where(s => s.Share >= CopiedShare && s.Chars >= MinCopiedChars))
        {
            findings.Add(new Finding(FindingCodes.CopiedText, FindingCodes.Severities[FindingCodes.CopiedText],
                $"第{Numeral(s.Section)}部分“{Heading(s.Section)}”有{Percent(s.Share)}的文字（{s.Sentences}句中{s.CopiedSentences}句）与本单位{last}相同" +
                $"（已屏蔽数字、日期和年份，即仅数字不同也算相同），属于年度报告内容雷同（国办公开办函〔2021〕30号）。请按本年度实际工作情况重新撰写该部分。" +
                (s.Passages.Count > 0 ? $"最长的相同段落：“{s.Passages[0]}”" : string.Empty),
                [], null, (decimal)s.Share)
            { Detail = string.Join("\n", s.Passages) });
        }

        if (sections.Count > 0)
        {
            findings.Add(new Finding(FindingCodes.TextReuse, FindingCodes.Severities[FindingCodes.TextReuse],
                $"与本单位{last}相比的文字重复率（已屏蔽数字、日期和年份）：" +
                string.Join("；", sections.Select(s => $"{Heading(s.Section)} {(s.Chars == 0 ? "无可比文字" : Percent(s.Share))}")) + "。",
                []));
        }

        return findings;
    }

    private static bool NearCopy(string key, HashSet<string> lastShingles)
    {
        if (key.Length < NearCopyMinChars || lastShingles.Count == 0)
        {
            return false;
        }

        var total = 0;
        var found = 0;
        for (var i = 0; i + ShingleLength <= key.Length; i++)
        {
            total++;
            if (lastShingles.Contains(key.Substring(i, ShingleLength)))
            {
                found++;
            }
        }

        return total > 0 && found >= NearCopyContainment * total;
    }

    private static void AddShingles(HashSet<string> set, string key)
    {
        for (var i = 0; i + ShingleLength <= key.Length; i++)
        {
            set.Add(key.Substring(i, ShingleLength));
        }
    }

    /// <summary>Runs of consecutive copied sentences, longest first, as printed this year.</summary>
    private static IReadOnlyList<string> Passages(IReadOnlyList<NarrativeSentence> sentences, IReadOnlyList<bool> copied)
    {
        var runs = new List<string>();
        var run = new List<string>();
        for (var i = 0; i <= sentences.Count; i++)
        {
            if (i < sentences.Count && copied[i])
            {
                run.Add(sentences[i].Text);
                continue;
            }

            if (run.Count > 0)
            {
                var text = string.Join("。", run) + "。";
                runs.Add(text.Length > MaxPassageChars ? text[..MaxPassageChars] + "…" : text);
                run.Clear();
            }
        }

        return runs.OrderByDescending(r => r.Length).Take(MaxPassages).ToList();
    }

    public static string Heading(int section) => section switch
    {
        1 => "总体情况",
        5 => "存在的主要问题及改进情况",
        6 => "其他需要报告的事项",
        _ => $"第{section}部分",
    };

    public static string Numeral(int section) => section is >= 1 and <= 6 ? "一二三四五六"[section - 1].ToString() : section.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
