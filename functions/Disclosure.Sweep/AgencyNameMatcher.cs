using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Disclosure.Core.Extraction;

namespace Disclosure.Sweep;

/// <summary>
/// Normalises agency names so that a report's 单位名称 finds its registry entry: NFKC (full-width characters),
/// whitespace and punctuation removed, the suffixes 人民政府/政府/办公室/管理委员会/管委会 dropped, and leading regional
/// prefixes (省/自治区/市/州/盟/地区/县/区/旗) split off so that "淮安市洪泽区教育局" and "洪泽区教育局" meet.
/// </summary>
public static partial class AgencyNames
{
    private static readonly string[] Suffixes = ["人民政府办公室", "人民政府办公厅", "人民政府", "政府办公室", "政府", "办公室", "管理委员会", "管委会"];

    /// <summary>NFKC, whitespace and punctuation removed; nothing else.</summary>
    public static string Canonical(string name)
    {
        var nfkc = name.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(nfkc.Length);
        foreach (var ch in nfkc)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (char.IsWhiteSpace(ch) || char.IsPunctuation(ch) || cat is UnicodeCategory.MathSymbol or UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol)
            {
                continue;
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }

    /// <summary>The canonical name without the organisational suffixes (repeatedly; never to empty).</summary>
    public static string Normalize(string name)
    {
        var s = Canonical(name);
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var suffix in Suffixes)
            {
                if (s.Length > suffix.Length && s.EndsWith(suffix, StringComparison.Ordinal))
                {
                    s = s[..^suffix.Length];
                    changed = true;
                    break;
                }
            }
        }

        return s;
    }

    /// <summary>Splits a normalised name into leading regional segments and the remaining core (never empty).</summary>
    public static (IReadOnlyList<string> Regions, string Core) Split(string normalized)
    {
        var regions = new List<string>();
        var rest = normalized;
        while (true)
        {
            var m = RegionSegment().Match(rest);
            if (!m.Success || m.Length == rest.Length)
            {
                break;
            }

            regions.Add(m.Value);
            rest = rest[m.Length..];
        }

        // A government's name is its locality: keep the last segment as the core ("洪泽区").
        if (rest.Length == 0 && regions.Count > 0)
        {
            rest = regions[^1];
            regions.RemoveAt(regions.Count - 1);
        }

        return (regions, rest);
    }

    /// <summary>Regional segments of a registry region such as "江苏省/淮安市" or "江苏省淮安市洪泽区".</summary>
    public static IReadOnlyList<string> RegionSegments(string region)
    {
        var s = Canonical(region);
        var result = new List<string>();
        while (s.Length > 0)
        {
            var m = RegionSegment().Match(s);
            if (!m.Success)
            {
                result.Add(s);
                break;
            }

            result.Add(m.Value);
            s = s[m.Length..];
        }

        return result;
    }

    // 2–9 characters ending in an administrative-division suffix; "市场监督管理局" is not a region (市 needs a name before it),
    // and "徐州" is not one when 市 follows ("徐州市").
    [GeneratedRegex("^[\\p{IsCJKUnifiedIdeographs}]{1,8}?(?:特别行政区|自治区|自治州|自治县|地区|省|市|州(?![市县])|盟|县|区|旗)")]
    private static partial Regex RegionSegment();
}

/// <summary>A registry agency, the written form of it nearest to a name, and how many edits apart they are.</summary>
public sealed record NameDistance(Agency Agency, string Form, int Distance);

/// <summary>Matches reports to registry agencies: by blob path `reports/{year}/{agencyId}/…`, else by name.</summary>
public sealed class AgencyNameMatcher
{
    private readonly Dictionary<string, Agency> _byId;
    private readonly Dictionary<string, List<Entry>> _byCanonical = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> _byCore = new(StringComparer.Ordinal);

    private readonly List<Entry> _entries = [];
    /// <summary>The written forms of every agency, by length (a form more than the distance longer or shorter cannot match).</summary>
    private readonly Lazy<Dictionary<int, List<(Agency Agency, string Form)>>> _forms;

    /// <summary>
    /// An agency under one of its names: regional segments (registry region, then the name's own prefix) and the core,
    /// and the organisational suffix the name carried (人民政府, 办公室…), as printed names carry it.
    /// </summary>
    private sealed record Entry(Agency Agency, IReadOnlyList<string> Sequence, string Suffix);

    public AgencyNameMatcher(IEnumerable<Agency> registry)
    {
        _forms = new Lazy<Dictionary<int, List<(Agency, string)>>>(Forms);
        _byId = new Dictionary<string, Agency>(StringComparer.OrdinalIgnoreCase);
        foreach (var agency in registry)
        {
            _byId[agency.Id] = agency;
            var regionSegments = AgencyNames.RegionSegments(agency.Region);
            foreach (var name in agency.Aliases.Prepend(agency.Name).Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                var normalized = AgencyNames.Normalize(name);
                var (prefix, core) = AgencyNames.Split(normalized);
                // A government's own locality may also close its region ("淮安市" in 江苏省淮安市): keep it once.
                var entry = new Entry(agency, [.. regionSegments.Concat(prefix).Append(core).Distinct()], AgencyNames.Canonical(name)[normalized.Length..]);
                _entries.Add(entry);
                Add(_byCanonical, normalized, entry);
                Add(_byCanonical, string.Concat(entry.Sequence), entry);
                Add(_byCore, core, entry);
            }
        }
    }

    /// <summary>The agency of a report, or null with the reason it could not be attributed.</summary>
    public (Agency? Agency, string? Reason) Match(string blobName, string? reportedName)
    {
        if (AgencyIdFromPath(blobName) is { } id)
        {
            if (_byId.TryGetValue(id, out var byPath))
            {
                return (byPath, null);
            }
        }

        if (string.IsNullOrWhiteSpace(reportedName))
        {
            return (null, "报告中未识别出单位名称，且存储路径不符合 reports/{年度}/{单位编码}/ 约定");
        }

        var normalized = AgencyNames.Normalize(reportedName);
        if (_byCanonical.TryGetValue(normalized, out var exact) && Distinct(exact) is { Count: 1 } one)
        {
            return (one[0], null);
        }

        var (prefix, core) = AgencyNames.Split(normalized);
        if (!_byCore.TryGetValue(core, out var candidates))
        {
            return (null, $"单位名称“{reportedName}”不在单位名录中");
        }

        var agencies = Distinct(candidates);
        if (prefix.Count == 0)
        {
            return agencies.Count == 1
                ? (agencies[0], null)
                : (null, $"单位名称“{reportedName}”对应名录中多个单位，无法区分（缺少地区前缀）");
        }

        // The report's regions and core must end the agency's full sequence (region, name prefix, core): a report may omit
        // higher levels but not skip one. Failing that, accept a skipped level when the most specific region agrees.
        var sequence = prefix.Append(core).ToList();
        var compatible = Distinct(candidates.Where(e => EndsWith(e.Sequence, sequence)));
        if (compatible.Count == 0)
        {
            compatible = Distinct(candidates.Where(e => prefix.All(e.Sequence.Contains) && e.Sequence.Count > 1 && e.Sequence[^2] == prefix[^1]));
        }

        return compatible.Count switch
        {
            1 => (compatible[0], null),
            0 => (null, $"单位名称“{reportedName}”的地区与名录不符"),
            _ => (null, $"单位名称“{reportedName}”对应名录中多个单位，无法区分"),
        };
    }

    /// <summary>
    /// Registry agencies whose written forms lie within <paramref name="maxDistance"/> edits (Levenshtein: a character
    /// replaced, dropped or added) of <paramref name="name"/>, nearest first, one row per agency. The forms of an agency are
    /// its names and aliases with or without their organisational suffix, each with every tail of its regions in front
    /// ("洪泽区教育局", "淮安市洪泽区教育局", "江苏省淮安市洪泽区教育局"): the ways a report prints it. Compared after
    /// <see cref="AgencyNames.Canonical"/> (width, spaces, punctuation), so only real character differences count.
    /// </summary>
    public IReadOnlyList<NameDistance> Nearest(string name, int maxDistance)
    {
        var read = AgencyNames.Canonical(name);
        var best = new Dictionary<string, NameDistance>(StringComparer.OrdinalIgnoreCase);
        var forms = _forms.Value;
        for (var length = Math.Max(1, read.Length - maxDistance); length <= read.Length + maxDistance; length++)
        {
            if (!forms.TryGetValue(length, out var sameLength))
            {
                continue;
            }

            foreach (var (agency, form) in sameLength)
            {
                var d = EditDistance.Levenshtein(read, form, maxDistance);
                if (d <= maxDistance && (!best.TryGetValue(agency.Id, out var seen) || d < seen.Distance))
                {
                    best[agency.Id] = new NameDistance(agency, form, d);
                }
            }
        }

        return [.. best.Values.OrderBy(n => n.Distance).ThenBy(n => n.Agency.Id, StringComparer.Ordinal)];
    }

    private Dictionary<int, List<(Agency, string)>> Forms()
    {
        var forms = new HashSet<(string Id, string Form)>();
        var byLength = new Dictionary<int, List<(Agency, string)>>();
        foreach (var entry in _entries)
        {
            for (var k = 0; k < entry.Sequence.Count; k++)
            {
                var tail = string.Concat(entry.Sequence.Skip(k));
                foreach (var form in new[] { tail + entry.Suffix, tail })
                {
                    if (form.Length > 0 && forms.Add((entry.Agency.Id, form)))
                    {
                        if (!byLength.TryGetValue(form.Length, out var list))
                        {
                            byLength[form.Length] = list = [];
                        }

                        list.Add((entry.Agency, form));
                    }
                }
            }
        }

        return byLength;
    }

    private static bool EndsWith(IReadOnlyList<string> sequence, IReadOnlyList<string> tail)
    {
        if (tail.Count > sequence.Count)
        {
            return false;
        }

        for (var i = 1; i <= tail.Count; i++)
        {
            if (!string.Equals(sequence[^i], tail[^i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The agency id of a blob named `[reports/]{year}/{agencyId}/…`, or null.</summary>
    public static string? AgencyIdFromPath(string blobName)
    {
        var parts = blobName.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var start = parts.Length > 0 && parts[0] == "reports" ? 1 : 0;
        return parts.Length >= start + 3 && parts[start].Length == 4 && parts[start].All(char.IsAsciiDigit)
            ? parts[start + 1]
            : null;
    }

    private static List<Agency> Distinct(IEnumerable<Entry> entries) => entries.Select(e => e.Agency).DistinctBy(a => a.Id).ToList();

    private static void Add(Dictionary<string, List<Entry>> index, string key, Entry entry)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(entry);
    }
}
