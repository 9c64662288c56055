using System.Text.Json.Serialization;

namespace Disclosure.Core.Contract;

/// <summary>Finding severities, ordered so that a larger value is more severe.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    [JsonStringEnumMemberName("info")] Info = 0,
    [JsonStringEnumMemberName("warning")] Warning = 1,
    [JsonStringEnumMemberName("error")] Error = 2,
}

[JsonConverter(typeof(JsonStringEnumConverter<ResultStatus>))]
public enum ResultStatus
{
    [JsonStringEnumMemberName("passed")] Passed,
    [JsonStringEnumMemberName("findings")] Findings,
    [JsonStringEnumMemberName("failed")] Failed,
}

/// <summary>One finding of the contract (report-contract.md §4).</summary>
public sealed record Finding(
    string Code,
    Severity Severity,
    string Message,
    IReadOnlyList<string> Cells,
    decimal? Expected = null,
    decimal? Actual = null)
{
    /// <summary>Raw text or other context that helps a person check the finding (kept when a reading is uncertain).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Detail { get; init; }

    /// <summary>True for a code outside report-contract.md §4's list (<see cref="FindingCodes.Extensions"/>); absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Extension => FindingCodes.Extensions.Contains(Code);
}

/// <summary>Where the report came from. <see cref="Format"/> is one of txt|html|docx|pdf|image (or unknown).</summary>
public sealed record SourceInfo(string Name, string Sha256, string Format, int? Pages, bool Ocr)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Bytes { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Encoding { get; init; }
}

/// <summary>Report metadata. <see cref="Template"/> is 2019|2021|mixed, or null when no standard table was found.</summary>
public sealed record ReportInfo(string? Agency, int? Year, string? Template)
{
    /// <summary>Publication date stated in the report (yyyy-MM-dd), when it states one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Published { get; init; }

    /// <summary>The report's title as found.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Title { get; init; }

    /// <summary>
    /// Set when the agency name was read by OCR and matched against the registry of the year: the name as read, the
    /// registry name it matched and how many characters apart. <see cref="Agency"/> is then the name as printed with the
    /// misread characters corrected.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AgencyMatch? AgencyMatch { get; init; }

    /// <summary>OCR'd documents: the recogniser's confidence (0..1) in the line the agency name was read from.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? AgencyConfidence { get; init; }

    /// <summary>
    /// True when the agency name read by OCR may be misread (low confidence, or repeated differently in the document);
    /// an EXTRACTION_UNCERTAIN finding says why. Cleared when the registry match corrects the name. Absent otherwise.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? AgencyUncertain { get; init; }
}

/// <summary>
/// An agency name read by OCR, matched against the registry of <see cref="RegistryYear"/> (report.agencyMatch).
/// <see cref="Matched"/> is null when no registry name is near enough, or when another is about as near
/// (<see cref="Candidates"/>; flagged as EXTRACTION_UNCERTAIN). <see cref="Distance"/>: characters replaced, dropped or
/// added between the name as read and the nearest written form of the registry name (0: read exactly).
/// </summary>
public sealed record AgencyMatch(string Read, string? Matched, int? Distance)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AgencyId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RegistryYear { get; init; }

    /// <summary>Registry names about as near the name as read, nearest first (a tie: not matched).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Candidates { get; init; }
}

/// <summary>Richer per-cell information kept beside the flat <c>cells</c> map.</summary>
public sealed record CellDetail(string Raw)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Page { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double[]? Box { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Confidence { get; init; }
}

/// <summary>The machine-readable result of one report (report-contract.md §5). Same shape on every path.</summary>
public sealed record ReportResult
{
    public int SchemaVersion { get; init; } = 1;

    public required SourceInfo Source { get; init; }

    public required ReportInfo Report { get; init; }

    /// <summary>Flat map from canonical key to value (null = blank or placeholder), in canonical key order.</summary>
    public required IReadOnlyDictionary<string, decimal?> Cells { get; init; }

    public required IReadOnlyList<Finding> Findings { get; init; }

    public required ResultStatus Status { get; init; }

    /// <summary>Why processing failed (status failed), in Chinese and English, for people.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    /// <summary>Stable failure code (<see cref="Engine.FailureCodes"/>) when status is failed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ErrorCode { get; init; }

    /// <summary>Raw text, notes, page, box and confidence of cells, keyed like <see cref="Cells"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, CellDetail>? CellDetails { get; init; }

    /// <summary>Narrative sections 一, 五, 六 as read (bounded), for the year-over-year and copied-text checks.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<NarrativeText>? Narrative { get; init; }

    /// <summary>Set when the agency's previous-year report was found and compared (on arrival or by `check --previous`).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public YearOverYearInfo? YearOverYear { get; init; }

    /// <summary>The highest severity among findings, or null when there are none.</summary>
    public Severity? MaxSeverity() => Findings.Count == 0 ? null : Findings.Max(f => f.Severity);
}
