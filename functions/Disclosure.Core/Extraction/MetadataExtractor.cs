using System.Text.RegularExpressions;

namespace Disclosure.Core.Extraction;

/// <summary>Agency, year, title and publication date from the opening lines of a report.</summary>
public static partial class MetadataExtractor
{
    public sealed record Metadata(string? Agency, int? Year, string? Title, string? Published);

    private static readonly string[] AgencySuffixes =
    [
        "人民政府办公室", "人民政府办公厅", "人民政府", "管理委员会", "委员会", "办公室", "办公厅", "开发区", "管委会", "政府",
        "局", "厅", "委", "部", "署", "院", "中心", "办事处", "街道", "镇", "乡", "所", "队", "会", "处", "站", "馆", "分局",
    ];

    /// <summary>
    /// Reads metadata from the paragraphs before section 一 and the last lines; where they name no agency, from a
    /// 发布机构 line, then the file's own title (an HTML page's &lt;title&gt;), then its publisher meta tag.
    /// </summary>
    public static Metadata Extract(IReadOnlyList<string> openingLines, IReadOnlyList<string> closingLines, IReadOnlyDictionary<string, string>? properties = null)
    {
        var found = ExtractFromText(openingLines, closingLines);
        if (found.Agency is not null && found.Year is not null)
        {
            return found;
        }

        var publisherLine = openingLines.Concat(closingLines).Select(l => PublisherLine().Match(TextNorm.Compact(l))).FirstOrDefault(m => m.Success);
        var agency = found.Agency ?? (publisherLine is null ? null : CleanAgency(publisherLine.Groups["agency"].Value));
        var year = found.Year;
        var title = found.Title;
        if (properties is not null && properties.TryGetValue("title", out var pageTitle))
        {
            // A page title often carries the site's name after a separator: "…年度报告_某某区人民政府".
            var cleaned = new string([.. pageTitle.Where(c => !char.IsControl(c))]);
            var fromTitle = ExtractFromText([.. cleaned.Split(['_', '|', '—', '-'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)], []);
            agency ??= fromTitle.Agency;
            year ??= fromTitle.Year;
            title ??= fromTitle.Title;
        }

        if (agency is null && properties is not null && properties.TryGetValue("publisher", out var publisher))
        {
            var name = TextNorm.Compact(publisher);
            agency = name.Length is > 1 and <= 40 && AgencySuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal)) ? name : null;
        }

        return found with { Agency = agency, Year = year, Title = title };
    }

    private static Metadata ExtractFromText(IReadOnlyList<string> openingLines, IReadOnlyList<string> closingLines)
    {
        string? title = null;
        string? agency = null;
        int? year = null;
        var standalone = new List<string>();

        foreach (var raw in JoinWrappedTitle(openingLines))
        {
            var line = TextNorm.Compact(raw);
            if (line.Length == 0)
            {
                continue;
            }

            if (title is null && IsTitle(line))
            {
                title = raw.Trim();
                var m = AgencyFirst().Match(line);
                if (m.Success)
                {
                    agency = CleanAgency(m.Groups["agency"].Value);
                    year = int.Parse(m.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
                }
                else if (YearFirst().Match(line) is { Success: true } y)
                {
                    year = int.Parse(y.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    agency = CleanAgency(y.Groups["agency"].Value);
                }

                continue;
            }

            if (line.Length <= 40 && !line.Contains("报告", StringComparison.Ordinal) && AgencySuffixes.Any(s => line.EndsWith(s, StringComparison.Ordinal))
                && !line.Contains('。', StringComparison.Ordinal) && !line.Contains(',', StringComparison.Ordinal))
            {
                standalone.Add(line);
            }

            if (year is null && YearLine().Match(line) is { Success: true } yl)
            {
                year = int.Parse(yl.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        // A fuller name on its own line (铁岭市银州区人民政府办公室) beats the short one in the title (银州区人民政府办公室).
        foreach (var candidate in standalone)
        {
            if (agency is null || (candidate.Length > agency.Length && candidate.EndsWith(agency, StringComparison.Ordinal)))
            {
                agency = candidate;
            }
        }

        // "2023年政府信息公开工作年度报告" names no agency: the 政府 the pattern picks up is part of 政府信息公开.
        return new Metadata(agency is null || agency.Length < 3 ? null : agency, year, title, FindDate(closingLines) ?? FindDate(openingLines));
    }

    /// <summary>A title wrapped over two lines (PDF layout: "…工作年度报" / "告") is read as one line.</summary>
    private static IEnumerable<string> JoinWrappedTitle(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = TextNorm.Compact(lines[i]);
            // The break may fall inside 信息公开 itself (OCR'd lines: "…2019年政府信息" / "公开工作的年度报告"), or after
            // it misread ("…2020年政府信慧公开工作" / "的年度报告", lo-33-005-err at 200 dpi).
            if (i + 1 < lines.Count && !IsTitle(line) && (line.Contains('信', StringComparison.Ordinal) || line.Contains("公开", StringComparison.Ordinal))
                && !IsTitle(TextNorm.Compact(lines[i + 1]))
                && IsTitle(line + TextNorm.Compact(lines[i + 1])))
            {
                yield return lines[i].Trim() + lines[i + 1].Trim();
                i++;
                continue;
            }

            yield return lines[i];
        }
    }

    /// <summary>
    /// Whether the line is a report's title. 信息公开 may have one of its middle characters misread by OCR (信慧公开:
    /// the line is still the title, and the agency before it read right); its first and last are kept, and the title
    /// must still say 年度报告, 工作报告 or 年报.
    /// </summary>
    public static bool IsTitle(string compact) =>
        compact.Length <= 80 && Disclosure().IsMatch(compact)
        && (compact.Contains("年度报告", StringComparison.Ordinal) || compact.Contains("工作报告", StringComparison.Ordinal) || compact.EndsWith("年报", StringComparison.Ordinal));

    private static string CleanAgency(string s) => s.Trim('《', '》', '"', ':', '：', '(', ')', '（', '）', ' ', '关', '于').Replace("关于", string.Empty, StringComparison.Ordinal);

    private static string? FindDate(IReadOnlyList<string> lines)
    {
        foreach (var raw in lines)
        {
            var line = TextNorm.Compact(raw);
            if (line.Length > 30)
            {
                continue;
            }

            var m = DateLine().Match(line);
            if (m.Success)
            {
                var y = int.Parse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
                var mo = int.Parse(m.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture);
                var d = int.Parse(m.Groups["d"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (mo is >= 1 and <= 12 && d is >= 1 and <= 31 && y is >= 2000 and <= 2100)
                {
                    return $"{y:D4}-{mo:D2}-{d:D2}";
                }
            }
        }

        return null;
    }

    /// <summary>信息公开 (one middle character misread by OCR allowed, see <see cref="IsTitle"/>) or 政务公开.</summary>
    private const string DisclosureWords = "信息公开|信.公开|信息.开|政务公开";

    [GeneratedRegex(DisclosureWords)]
    private static partial Regex Disclosure();

    [GeneratedRegex(@"^(?<agency>.+?)(?<year>(19|20)\d{2})年度?.*?(" + DisclosureWords + ")")]
    private static partial Regex AgencyFirst();

    [GeneratedRegex(@"^(?<year>(19|20)\d{2})年度?(?<agency>.+?)(政府信息公开|政务公开|信息公开|政府信.公开|政府信息.开)")]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"^[(（]?(?<year>(19|20)\d{2})年度?[)）]?$")]
    private static partial Regex YearLine();

    [GeneratedRegex(@"^(发布机构|发布单位|发文机关|发文单位|信息来源|来源)[:：](?<agency>[^:：]{2,40}?)(发布日期|发布时间|成文日期|日期|$)")]
    private static partial Regex PublisherLine();

    [GeneratedRegex(@"^(发布日期|发布时间|日期|时间)?[:：]?(?<y>(19|20)\d{2})(年|-|/|\.)(?<m>\d{1,2})(月|-|/|\.)(?<d>\d{1,2})日?$")]
    private static partial Regex DateLine();
}
