using System.Globalization;
using System.Text.RegularExpressions;

namespace Disclosure.Core.Extraction;

/// <summary>Figures stated in section 一's prose: applications, proactive items, reviews, lawsuits.</summary>
public static partial class NarrativeExtractor
{
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
