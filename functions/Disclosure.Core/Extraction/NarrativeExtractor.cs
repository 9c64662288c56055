using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Disclosure.Core.Contract;

namespace Disclosure.Core.Extraction;

/// <summary>
/// Section 一's figures (applications, proactive items, reviews, lawsuits) and the text of the narrative sections
/// 一, 五 and 六 as read.
/// </summary>
public static partial class NarrativeExtractor
{
    /// <summary>The narrative sections whose text is kept with the result.</summary>
    public static readonly IReadOnlyList<int> NarrativeSections = [1, 5, 6];

    /// <summary>
    /// The text of sections 一, 五, 六 from the paragraphs in reading order with the section each belongs to. The heading
    /// is left out (but what follows it on the same line, as in `六、其他需要报告的事项：无`, is kept); each line is NFKC
    /// with its whitespace removed; lines are joined with '\n'; a section is cut at <see cref="NarrativeText.MaxChars"/>.
    /// A section whose heading was found but that has no text gets an empty entry, so that it can be judged empty.
    /// </summary>
    public static IReadOnlyList<NarrativeText> Sections(IEnumerable<(int Section, string Text)> paragraphs)
    {
        var texts = new SortedDictionary<int, StringBuilder>();
        foreach (var (section, raw) in paragraphs)
        {
            if (!NarrativeSections.Contains(section))
            {
                continue;
            }

            var line = TextNorm.Compact(raw);
            if (!texts.TryGetValue(section, out var sb))
            {
                texts[section] = sb = new StringBuilder();
                line = AfterHeading(section, line);
            }

            if (line.Length == 0)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append(line);
        }

        return texts.Select(kv => kv.Value.Length > NarrativeText.MaxChars
                ? new NarrativeText(kv.Key, kv.Value.ToString(0, NarrativeText.MaxChars)) { Truncated = true }
                : new NarrativeText(kv.Key, kv.Value.ToString()))
            .ToList();
    }

    /// <summary>The part of a heading line after the heading words (`：无` of `六、其他需要报告的事项：无`), trimmed.</summary>
    private static string AfterHeading(int section, string line)
    {
        var entry = TemplateCatalog.Sections.First(s => s.Number == section);
        foreach (var keyword in entry.Keywords.OrderByDescending(k => k.Length))
        {
            var at = line.IndexOf(keyword, StringComparison.Ordinal);
            if (at is >= 0 and <= 12)
            {
                return line[(at + keyword.Length)..].TrimStart(':', '：', '、', ',', '，', '.', '。', ';', '；', ' ');
            }
        }

        return line;
    }

    public static IReadOnlyList<NarrativeFigure> Extract(IEnumerable<string> paragraphs)
    {
        var figures = new List<NarrativeFigure>();
        foreach (var paragraph in paragraphs)
        {
            var text = TextNorm.Compact(paragraph);
            foreach (var sentence in SentenceSplit().Split(text))
            {
                Add(figures, NarrativeTopics.Applications, ApplicationsA().Match(sentence), sentence);
                if (!figures.Any(f => f.Sentence == sentence && f.Topic == NarrativeTopics.Applications))
                {
                    Add(figures, NarrativeTopics.Applications, ApplicationsB().Match(sentence), sentence);
                }

                Add(figures, NarrativeTopics.ProactiveItems, Proactive().Match(sentence), sentence);
                Add(figures, NarrativeTopics.Reviews, Reviews().Match(sentence), sentence);
                Add(figures, NarrativeTopics.Lawsuits, Lawsuits().Match(sentence), sentence);
                if (NoReview().IsMatch(sentence))
                {
                    figures.Add(new NarrativeFigure(NarrativeTopics.Reviews, 0, sentence));
                }

                if (NoLawsuit().IsMatch(sentence))
                {
                    figures.Add(new NarrativeFigure(NarrativeTopics.Lawsuits, 0, sentence));
                }
            }
        }

        return figures;
    }

    private static void Add(List<NarrativeFigure> figures, string topic, Match m, string sentence)
    {
        if (m.Success && decimal.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            figures.Add(new NarrativeFigure(topic, n, sentence));
        }
    }

    [GeneratedRegex(@"[。；;!！?？]")]
    private static partial Regex SentenceSplit();

    // 收到/受理/办理/新收 … 申请 N 件 (also 依申请公开事项 N 个).
    [GeneratedRegex(@"(收到|受理|办理|新收|接收|共收|接到)[^,，。；]{0,40}?申请(公开)?(事项|件数)?[^,，。；\d]{0,6}?(?<n>\d+)(件|个|条|次|宗)")]
    private static partial Regex ApplicationsA();

    // N 条依申请公开 / N 件政府信息公开申请.
    [GeneratedRegex(@"(?<![\d.])(?<n>\d+)(件|个|条)(依申请公开|政府信息公开申请|信息公开申请)")]
    private static partial Regex ApplicationsB();

    [GeneratedRegex(@"主动(公开|发布)[^,，。；\d]{0,16}?(?<n>\d+)条")]
    private static partial Regex Proactive();

    [GeneratedRegex(@"行政复议(申请|案件)?[^,，。；\d]{0,4}?(?<n>\d+)(件|起|宗|个)")]
    private static partial Regex Reviews();

    [GeneratedRegex(@"行政诉讼(案件)?[^,，。；\d]{0,4}?(?<n>\d+)(件|起|宗|个)")]
    private static partial Regex Lawsuits();

    [GeneratedRegex(@"(无|未发生|未引发|没有)(政府信息公开)?行政复议")]
    private static partial Regex NoReview();

    [GeneratedRegex(@"(无|未发生|未引发|没有)(政府信息公开)?(行政复议(及|和|、|或))?(行政)?诉讼")]
    private static partial Regex NoLawsuit();
}
