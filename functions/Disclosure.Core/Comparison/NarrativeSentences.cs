using System.Text;
using System.Text.RegularExpressions;
using Disclosure.Core.Extraction;

namespace Disclosure.Core.Comparison;

/// <summary>One sentence of a narrative section: as printed, and its comparison key (figures, dates, years masked).</summary>
public sealed record NarrativeSentence(string Text, string Key, bool Counted);

/// <summary>
/// Sentences of narrative text for the copied-text checks. The key of a sentence is its text with every figure,
/// date and year replaced by '#' (Arabic digits, also decimals; 二〇二三年-style years) and all punctuation and
/// whitespace removed, so that a sentence where only the numbers changed has the same key. Sentences the template
/// itself prints, headings and fragments are not counted (<see cref="NarrativeSentence.Counted"/> false).
/// </summary>
public static partial class NarrativeSentences
{
    /// <summary>
    /// Shorter keys are labels and fragments every report has (`无`, `存在问题：`, `改进措施：`), not prose anyone copies.
    /// </summary>
    public const int MinSentenceChars = 10;

    /// <summary>A numbered line without a comma and up to this long is a subsection heading (（一）主动公开情况), not prose.</summary>
    public const int MaxHeadingChars = 24;

    public static IReadOnlyList<NarrativeSentence> Split(string text)
    {
        var sentences = new List<NarrativeSentence>();
        foreach (var part in Splitter().Split(text))
        {
            var original = part.Trim();
            if (original.Length == 0)
            {
                continue;
            }

            var key = Key(original);
            sentences.Add(new NarrativeSentence(original, key, Counts(original, key)));
        }

        return sentences;
    }

    /// <summary>The comparison key: NFKC, figures/dates/years masked as '#', only letters, CJK and '#' kept.</summary>
    public static string Key(string sentence)
    {
        var masked = ChineseYear().Replace(Figure().Replace(TextNorm.Nfkc(sentence), "#"), "#年");
        var sb = new StringBuilder(masked.Length);
        foreach (var ch in masked)
        {
            if (ch == '#' ? sb.Length == 0 || sb[^1] != '#' : char.IsLetter(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
        }

        return sb.ToString();
    }

    /// <summary>True for text the template prints or every report repeats by rule (never evidence of copying).</summary>
    public static bool IsBoilerplate(string original, string key) =>
        key.Contains("文字描述", StringComparison.Ordinal)
        || Boilerplate().IsMatch(key)
        || (HeadingStart().IsMatch(original) && key.Length <= MaxHeadingChars && !original.Contains('，') && !original.Contains(','));

    private static bool Counts(string original, string key) => key.Length >= MinSentenceChars && !IsBoilerplate(original, key);

    [GeneratedRegex(@"[。；;！!？?\n]+")]
    private static partial Regex Splitter();

    [GeneratedRegex(@"\d+(?:[.,．]\d+)*")]
    private static partial Regex Figure();

    [GeneratedRegex(@"[〇零一二三四五六七八九]{4}年")]
    private static partial Regex ChineseYear();

    [GeneratedRegex(@"^[(（]?[一二三四五六七八九十\d]+[)）、.．]")]
    private static partial Regex HeadingStart();

    /// <summary>
    /// Sentences the official templates and the regulations prescribe: the opening that cites the regulations and
    /// says the report is compiled (根据《中华人民共和国政府信息公开条例》…编制本报告), the statistical period (本报告中所列数据的
    /// 统计期限自…起至…止), where the report can be downloaded, and whom to ask about it.
    /// </summary>
    [GeneratedRegex(@"^(本报告(是|由)?.{0,20})?(根据|依据|按照).{0,40}政府信息公开条例.*(编制|制定|发布|公布|撰写)(本|此)?(年度)?报告|统计期限|统计时限|统计期间|电子版|如对本报告|如有疑问|联系电话|联系地址|邮政编码")]
    private static partial Regex Boilerplate();
}
