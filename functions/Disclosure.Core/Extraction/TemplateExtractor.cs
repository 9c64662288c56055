using Disclosure.Core.Contract;
using Disclosure.Core.Layout;

namespace Disclosure.Core.Extraction;

/// <summary>Maps a layout document onto the canonical cells of report-contract.md. (Stub: being written.)</summary>
public static class TemplateExtractor
{
    public static ExtractedReport Extract(LayoutDocument document) => new()
    {
        Report = new ReportInfo(null, null, null),
        Cells = new Dictionary<string, ExtractedCell>(),
        Sections = new HashSet<int>(),
        Tables = new Dictionary<int, TableReading>(),
        Narrative = [],
        Findings = [],
        LooksLikeReport = document.Blocks.Count > 0,
    };
}
