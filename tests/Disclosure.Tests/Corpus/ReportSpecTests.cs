using Disclosure.Core.Contract;
using Disclosure.Corpus;

namespace Disclosure.Tests.Corpus;

/// <summary>The generator's expected findings follow the validator's rule: an identity with a blank cell is not checked.</summary>
public sealed class ReportSpecTests
{
    [Fact]
    public void A_broken_row_total_with_a_blank_cell_is_not_an_expected_arithmetic_finding()
    {
        var spec = ReportSpec.Random("t", new Random(5));
        Assert.Empty(spec.ExpectedArithmetic());
        var cells = new SortedDictionary<string, decimal?>(spec.Cells, StringComparer.Ordinal);
        cells["t3.granted.total"] = (cells["t3.granted.total"] ?? 0) + 3;
        var bumped = spec with { Cells = cells };
        Assert.Contains(FindingCodes.T3RowTotal, bumped.ExpectedArithmetic());
        Assert.Contains(FindingCodes.T3ResultsTotal, bumped.ExpectedArithmetic());

        cells = new SortedDictionary<string, decimal?>(cells, StringComparer.Ordinal) { ["t3.granted.legal"] = null };
        var blanked = spec with { Cells = cells };

        Assert.DoesNotContain(FindingCodes.T3RowTotal, blanked.ExpectedArithmetic());
        Assert.Contains(FindingCodes.T3ResultsTotal, blanked.ExpectedArithmetic());
    }
}
