using Disclosure.Core.Contract;
using Disclosure.Core.Extraction;

namespace Disclosure.Sweep;

/// <summary>
/// Agency names read by OCR, matched against the registry of the year: OCR misreads a character or two of a name
/// (issue 11: 洪泽区 read as 洪浑区), so a name that matches no registry entry exactly is matched to the nearest one when
/// it is near enough and nearer than every other (<see cref="RunnerUpMargin"/>); a tie is flagged. The result keeps the
/// name as read, the name matched and the distance (<see cref="AgencyMatch"/>); <c>report.agency</c> becomes the printed
/// form with the misread characters corrected.
/// Names not read by OCR (text layers, HTML, DOCX) are never corrected: their characters are what the agency wrote.
/// </summary>
public static class OcrAgencyNames
{
    /// <summary>
    /// At most two characters wrong: what OCR gets wrong in a name. Three edits bring most names as near a sibling
    /// agency (民政局/司法局 differ in two characters) as to their own, so a farther name is left unmatched.
    /// </summary>
    public const int MaxEdits = 2;

    /// <summary>
    /// At least three characters in four right: one edit per four characters of the name as read, so a short name
    /// (洪泽区教育局, 6) allows one edit and a full one (淮安市洪泽区教育局, 9) two; a short name with two wrong is as
    /// near to other short names of the registry as to its own.
    /// </summary>
    public const int CharactersPerEdit = 4;

    /// <summary>
    /// A corrected name must be nearer than every other registry agency by at least this many edits; an equal distance is
    /// a tie and is flagged. One edit is enough: in a district's registry sibling departments are two characters apart
    /// (民政局/司法局/教育局), so asking for two would flag most single misreads; the measurement in docs/sweep.md shows
    /// how rarely a nearest match is wrong.
    /// </summary>
    public const int RunnerUpMargin = 1;

    /// <summary>The edits allowed for a name of <paramref name="length"/> characters (after width, space and punctuation folding).</summary>
    public static int AllowedEdits(int length) => Math.Min(MaxEdits, length / CharactersPerEdit);

    /// <summary>The match of <paramref name="read"/> against the registry (loaded as <paramref name="matcher"/>) of <paramref name="registryYear"/>.</summary>
    public static (AgencyMatch Match, string? Corrected) Match(AgencyNameMatcher matcher, string read, int? registryYear)
    {
        // An exact match under the sweep's rules (regional prefixes, suffixes, width) needs no correction.
        if (matcher.Match(string.Empty, read).Agency is { } exact)
        {
            return (new AgencyMatch(read, exact.Name, 0) { AgencyId = exact.Id, RegistryYear = registryYear }, null);
        }

        var allowed = AllowedEdits(AgencyNames.Canonical(read).Length);
        var near = matcher.Nearest(read, allowed + RunnerUpMargin - 1);
        if (near.Count == 0 || near[0].Distance > allowed)
        {
            return (new AgencyMatch(read, null, null) { RegistryYear = registryYear }, null);
        }

        var best = near[0];
        var tied = near.TakeWhile(n => n.Distance < best.Distance + RunnerUpMargin).ToList();
        if (tied.Count > 1)
        {
            return (new AgencyMatch(read, null, best.Distance) { RegistryYear = registryYear, Candidates = [.. tied.Select(n => n.Agency.Name)] }, null);
        }

        return (new AgencyMatch(read, best.Agency.Name, best.Distance) { AgencyId = best.Agency.Id, RegistryYear = registryYear },
            best.Distance > 0 ? best.Form : null);
    }

    /// <summary>
    /// <paramref name="result"/> with its OCR-read agency name matched against the registry of <paramref name="registryYear"/>
    /// (null: a registry file given for the occasion);
    /// unchanged when the report was not OCR'd, failed or names no agency. A tie is flagged (EXTRACTION_UNCERTAIN), never
    /// resolved by a guess. Applying it twice gives the same result (the name as read is kept in the match).
    /// </summary>
    public static ReportResult Apply(ReportResult result, AgencyNameMatcher matcher, int? registryYear)
    {
        var read = result.Report.AgencyMatch?.Read ?? result.Report.Agency;
        if (!result.Source.Ocr || result.Status == ResultStatus.Failed || string.IsNullOrWhiteSpace(read))
        {
            return result;
        }

        var (match, corrected) = Match(matcher, read, registryYear);
        // A name matched to one registry agency is repaired: the doubt about the name as read is withdrawn (the match keeps it).
        var repaired = match.Matched is not null;
        var findings = result.Findings.Where(f => !IsTieFinding(f) && !(repaired && IsDoubtFinding(f))).ToList();
        if (match.Candidates is { Count: > 1 } candidates)
        {
            findings.Add(new Finding(FindingCodes.ExtractionUncertain, Severity.Warning,
                $"单位名称（OCR识别为“{read}”）与单位名录中{string.Join("、", candidates.Select(c => $"“{c}”"))}都接近，无法确定是哪个单位，请人工核对",
                [])
            { Detail = TieDetail });
        }

        return result with
        {
            Report = result.Report with { Agency = corrected ?? read, AgencyMatch = match, AgencyUncertain = repaired ? null : result.Report.AgencyUncertain },
            Findings = findings,
            Status = findings.Any(f => f.Severity >= Severity.Warning) ? ResultStatus.Findings : ResultStatus.Passed,
        };
    }

    /// <summary>Marks the tie finding so that applying the match again replaces it instead of adding a second one.</summary>
    private const string TieDetail = "report.agencyMatch";

    private static bool IsTieFinding(Finding f) => f.Code == FindingCodes.ExtractionUncertain && f.Detail == TieDetail;

    private static bool IsDoubtFinding(Finding f) => f.Code == FindingCodes.ExtractionUncertain && f.Detail == OcrAgencyCheck.FindingDetail;
}
