using Disclosure.Core.Contract;
using Disclosure.Core.Extraction;

namespace Disclosure.Core.Validation;

/// <summary>Runs the single-report rules of <see cref="RuleCatalog"/> over an extraction.</summary>
public sealed class ReportValidator
{
    private readonly IReadOnlyList<ValidationRule> _rules;

    public ReportValidator(IReadOnlyList<ValidationRule>? rules = null) => _rules = rules ?? RuleCatalog.All;

    /// <summary>The extractor's own findings plus every rule's, most severe first, in a stable order.</summary>
    public IReadOnlyList<Finding> Validate(ExtractedReport report) =>
        report.Findings
            .Concat(_rules.SelectMany(rule => rule.Evaluate(report)))
            .Select((f, i) => (f, i))
            .OrderByDescending(x => x.f.Severity)
            .ThenBy(x => x.i)
            .Select(x => x.f)
            .ToList();
}
