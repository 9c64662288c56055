using System.Numerics;
using System.Text;
using Disclosure.Core.Comparison;
using Disclosure.Core.Contract;

namespace Disclosure.Sweep;

/// <summary>One agency of a text cluster.</summary>
public sealed record ClusterMember(string AgencyId, string AgencyName, string BlobName);

/// <summary>A narrative section that several agencies of one region published nearly word for word in one year.</summary>
public sealed record TextCluster(string Id, string Region, int Section, IReadOnlyList<ClusterMember> Agencies, string Passage)
{
    public string SectionLabel => $"{TextReuse.Numeral(Section)}、{TextReuse.Heading(Section)}";
}

/// <summary>
/// 雷同 across agencies: per region and narrative section, the sections of the year's counted reports that are nearly
/// the same text. Each section's counted sentences (template boilerplate, headings and fragments left out; figures,
/// dates and years masked: <see cref="NarrativeSentences"/>) are cut into character shingles; a MinHash signature (one
/// permutation, <see cref="Bins"/> bins) estimates the Jaccard similarity of two sections, and locality-sensitive
/// hashing (<see cref="Bands"/> bands) finds the candidate pairs without comparing every pair, so the cost grows with the
/// number of reports, not its square. Linear in the text read: about 0.1 s for 10,000 reports (docs/year-over-year.md).
/// </summary>
public static class TextClusters
{
    /// <summary>
    /// Estimated Jaccard similarity of the shingle sets at or above which two sections are "nearly word for word" the
    /// same: with 5-character shingles a changed word alters about five shingles, so 0.8 allows a handful of edits per
    /// paragraph and excludes sections that only share phrases (two different real seeds score 0.00).
    /// </summary>
    public const double MinSimilarity = 0.8;

    /// <summary>Sections shorter than this (counted key characters) are not clustered, as for COPIED_TEXT.</summary>
    public const int MinChars = TextReuse.MinCopiedChars;

    /// <summary>Shingle length in characters (after masking and removing punctuation).</summary>
    public const int ShingleLength = 5;

    /// <summary>Signature size: 64 one-permutation bins give a similarity estimate within about ±0.05.</summary>
    public const int Bins = 64;

    /// <summary>16 bands of 4 bins: a pair at similarity 0.8 becomes a candidate with probability 1 − (1 − 0.8⁴)¹⁶ ≈ 0.9996.</summary>
    public const int Bands = 16;

    private const int Rows = Bins / Bands;

    /// <summary>Clusters of the year's reports (one per agency: the one the sweep counts), ordered by region, section, size.</summary>
    public static IReadOnlyList<TextCluster> Find(IEnumerable<(Agency Agency, StoredReportSummary Report)> reports)
    {
        var entries = new List<Entry>();
        foreach (var (agency, report) in reports)
        {
            foreach (var section in report.Narrative)
            {
                var sentences = NarrativeSentences.Split(section.Text).Where(s => s.Counted).ToList();
                var chars = sentences.Sum(s => s.Key.Length);
                if (chars < MinChars)
                {
                    continue;
                }

                entries.Add(new Entry(agency, report, section.Section, sentences, Signature(sentences)));
            }
        }

        var clusters = new List<TextCluster>();
        foreach (var group in entries.GroupBy(e => (Region: RegionOf(e.Agency), e.Section)).OrderBy(g => g.Key.Region, StringComparer.Ordinal).ThenBy(g => g.Key.Section))
        {
            var members = group.ToList();
            if (members.Count < 2)
            {
                continue;
            }

            foreach (var component in Components(members))
            {
                var ordered = component.OrderBy(e => e.Agency.Id, StringComparer.Ordinal).ToList();
                clusters.Add(new TextCluster(
                    string.Empty,
                    group.Key.Region,
                    group.Key.Section,
                    ordered.Select(e => new ClusterMember(e.Agency.Id, e.Agency.Name, e.Report.BlobName)).ToList(),
                    SharedPassage(ordered)));
            }
        }

        return clusters
            .OrderBy(c => c.Region, StringComparer.Ordinal).ThenBy(c => c.Section).ThenByDescending(c => c.Agencies.Count).ThenBy(c => c.Agencies[0].AgencyId, StringComparer.Ordinal)
            .Select((c, i) => c with { Id = $"T{i + 1}" })
            .ToList();
    }

    /// <summary>Estimated Jaccard similarity of two signatures: the share of bins that agree (bins empty in both excluded).</summary>
    public static double Similarity(ulong[] a, ulong[] b)
    {
        int same = 0, used = 0;
        for (var i = 0; i < Bins; i++)
        {
            if (a[i] == ulong.MaxValue && b[i] == ulong.MaxValue)
            {
                continue;
            }

            used++;
            if (a[i] == b[i])
            {
                same++;
            }
        }

        return used == 0 ? 0 : (double)same / used;
    }

    /// <summary>One-permutation MinHash: each shingle hash goes to the bin of its top bits; each bin keeps its minimum.</summary>
    public static ulong[] Signature(IReadOnlyList<NarrativeSentence> sentences)
    {
        var signature = new ulong[Bins];
        Array.Fill(signature, ulong.MaxValue);
        foreach (var sentence in sentences)
        {
            var key = sentence.Key.AsSpan();
            for (var i = 0; i + ShingleLength <= key.Length; i++)
            {
                var h = Hash(key.Slice(i, ShingleLength));
                var bin = (int)(h >> 58);
                var value = h & 0x03FF_FFFF_FFFF_FFFFUL;
                if (value < signature[bin])
                {
                    signature[bin] = value;
                }
            }
        }

        return signature;
    }

    /// <summary>Connected components of the "nearly the same" relation among candidates that share an LSH band.</summary>
    private static IEnumerable<List<Entry>> Components(List<Entry> members)
    {
        var parent = Enumerable.Range(0, members.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }

            return x;
        }

        for (var band = 0; band < Bands; band++)
        {
            var buckets = new Dictionary<ulong, int>();
            for (var i = 0; i < members.Count; i++)
            {
                var sig = members[i].Signature;
                var key = (ulong)band * 0x9E3779B97F4A7C15UL;
                var empty = true;
                for (var r = 0; r < Rows; r++)
                {
                    var v = sig[band * Rows + r];
                    empty &= v == ulong.MaxValue;
                    key = Mix(key ^ v);
                }

                if (empty)
                {
                    continue;
                }

                // Each member is checked against the first of its bucket: linear per band even when hundreds agree.
                if (!buckets.TryAdd(key, i))
                {
                    var first = buckets[key];
                    if (Find(first) != Find(i) && Similarity(members[first].Signature, sig) >= MinSimilarity)
                    {
                        parent[Find(i)] = Find(first);
                    }
                }
            }
        }

        return Enumerable.Range(0, members.Count).GroupBy(Find).Where(g => g.Count() > 1).Select(g => g.Select(i => members[i]).ToList());
    }

    /// <summary>The longest run of the first member's sentences that every other member also has, as printed.</summary>
    private static string SharedPassage(List<Entry> members)
    {
        var others = members.Skip(1).Select(m => m.Sentences.Select(s => s.Key).ToHashSet(StringComparer.Ordinal)).ToList();
        var best = new List<string>();
        var run = new List<string>();
        foreach (var sentence in members[0].Sentences.Append(null))
        {
            if (sentence is not null && others.All(o => o.Contains(sentence.Key)))
            {
                run.Add(sentence.Text);
                continue;
            }

            if (run.Sum(r => r.Length) > best.Sum(b => b.Length))
            {
                best = [.. run];
            }

            run.Clear();
        }

        var text = best.Count == 0 ? members[0].Sentences[0].Text : string.Join("。", best) + "。";
        return text.Length > TextReuse.MaxPassageChars ? text[..TextReuse.MaxPassageChars] + "…" : text;
    }

    private static string RegionOf(Agency agency) => string.IsNullOrWhiteSpace(agency.Region) ? "（未填地区）" : agency.Region;

    /// <summary>FNV-1a over the UTF-16 code units, finished with a 64-bit mixer so that the top bits spread evenly.</summary>
    private static ulong Hash(ReadOnlySpan<char> text)
    {
        var h = 14695981039346656037UL;
        foreach (var ch in text)
        {
            h = (h ^ ch) * 1099511628211UL;
        }

        return Mix(h);
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB93F53A3FE1BUL;
        return x ^ (x >> 33);
    }

    private sealed record Entry(Agency Agency, StoredReportSummary Report, int Section, IReadOnlyList<NarrativeSentence> Sentences, ulong[] Signature);
}
