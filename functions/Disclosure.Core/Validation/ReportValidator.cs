using Disclosure.Core.Contract;
using Disclosure.Core.Extraction;

namespace Disclosure.Core.Validation;

/// <summary>Runs the single-report rules over an extraction. (Stub: being written.)</summary>
public sealed class ReportValidator
{
    public IReadOnlyList<Finding> Validate(ExtractedReport report) => report.Findings;
}
