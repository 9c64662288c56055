using System.Text.Json.Serialization;

namespace Disclosure.Core.Contract;

/// <summary>
/// The text of one narrative section (一 总体情况, 五 存在的主要问题及改进情况, 六 其他需要报告的事项) as read:
/// NFKC, whitespace inside lines removed, paragraphs separated by '\n', the heading itself left out, at most
/// <see cref="MaxChars"/> characters.
/// </summary>
public sealed record NarrativeText(int Section, string Text)
{
    /// <summary>
    /// Bound per section. The longest narrative section among the seeds is about 2,000 characters and long real ones
    /// run to 5,000; 8,000 keeps every realistic section whole while a result stays far below Cosmos DB's 2 MB item
    /// limit and the sweep holds at most 3 × 8,000 characters per report.
    /// </summary>
    public const int MaxChars = 8000;

    /// <summary>True when the section was longer than <see cref="MaxChars"/> and cut there.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Truncated { get; init; }
}

/// <summary>How much of one narrative section repeats the agency's previous report (figures, dates and years masked).</summary>
public sealed record SectionReuse(int Section, int Sentences, int CopiedSentences, int Chars, int CopiedChars)
{
    /// <summary>Copied characters over counted characters (boilerplate the template prints is not counted), 0..1.</summary>
    public double Share => Chars == 0 ? 0 : Math.Round((double)CopiedChars / Chars, 3);

    /// <summary>The longest runs of consecutive copied sentences, as printed this year, longest first.</summary>
    public IReadOnlyList<string> Passages { get; init; } = [];
}

/// <summary>The comparison of a report with the same agency's report of the year before (stored with the result).</summary>
public sealed record YearOverYearInfo(string PreviousName, string PreviousSha256, int? PreviousYear)
{
    public IReadOnlyList<SectionReuse> Sections { get; init; } = [];
}
