using Disclosure.Core.Contract;
using Disclosure.Core.Layout;
using Disclosure.Core.Vocabulary;

namespace Disclosure.Core.Extraction;

/// <summary>One canonical cell as read: the value (null for blank/placeholder), what was printed, and where.</summary>
public sealed record ExtractedCell(string Key, decimal? Value, string Raw)
{
    public string? Note { get; init; }
    public int? Page { get; init; }
    public BoundingBox? Box { get; init; }
    public double? Confidence { get; init; }

    /// <summary>True when the cell holds a number; false for blank, '/', '-', '无' and the like.</summary>
    public bool HasValue => Value.HasValue;
}

/// <summary>A figure stated in section 一's narrative, e.g. 收到申请 7 件.</summary>
public sealed record NarrativeFigure(string Topic, decimal Value, string Sentence);

/// <summary>Well-known narrative topics.</summary>
public static class NarrativeTopics
{
    public const string Applications = "applications";
    public const string ProactiveItems = "proactive";
    public const string Reviews = "reviews";
    public const string Lawsuits = "lawsuits";
}

/// <summary>What the extractor read from one table: its format (per table), and the rows it recognised.</summary>
public sealed record TableReading(int Table, TemplateForm Template, bool Present, bool Complete)
{
    /// <summary>Subtotal rows or columns a report added (not canonical), with their label and values, for checking.</summary>
    public IReadOnlyList<(string Label, IReadOnlyList<decimal?> Values)> ExtraRows { get; init; } = [];
}

/// <summary>Everything the extractor learned from a document, before validation.</summary>
public sealed record ExtractedReport
{
    public required ReportInfo Report { get; init; }

    /// <summary>Canonical cells by key, in canonical order.</summary>
    public required IReadOnlyDictionary<string, ExtractedCell> Cells { get; init; }

    /// <summary>Sections 一…六 found (1..6).</summary>
    public required IReadOnlySet<int> Sections { get; init; }

    /// <summary>Table readings by table number (2, 3, 4).</summary>
    public required IReadOnlyDictionary<int, TableReading> Tables { get; init; }

    public required IReadOnlyList<NarrativeFigure> Narrative { get; init; }

    /// <summary>Text of the narrative sections 一, 五, 六 that were found (NarrativeExtractor.Sections).</summary>
    public IReadOnlyList<NarrativeText> SectionTexts { get; init; } = [];

    /// <summary>Findings the extractor itself raises (missing section/table, deviation, uncertainty).</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>Unit printed in the header of each amount cell (万元, 元), or null where the header gives none.</summary>
    public IReadOnlyDictionary<string, string?> AmountUnits { get; init; } = new Dictionary<string, string?>();

    /// <summary>Cells whose reading the extractor flagged as uncertain (no arithmetic verdict on them alone).</summary>
    public IReadOnlySet<string> UncertainCells { get; init; } = new HashSet<string>();

    /// <summary>True when the cells were read by OCR (a misread is then likelier than a reporting error).</summary>
    public bool Ocr { get; init; }

    /// <summary>True when the document looks like an annual report at all (title or sections or tables).</summary>
    public bool LooksLikeReport { get; init; }

    public decimal? Value(string key) => Cells.TryGetValue(key, out var c) ? c.Value : null;
}
