using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Disclosure.Core.Contract;
using Disclosure.Tests.Support;

namespace Disclosure.Tests.Validation;

/// <summary>
/// Every finding code the product emits is either in report-contract.md §4 or a declared extension
/// (<see cref="FindingCodes.Extensions"/>), and an extension says so in the result (<c>extension: true</c>).
/// </summary>
public sealed partial class ContractCodeTests
{
    private static HashSet<string> ContractCodes()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Shared, "spec", "report-contract.md"));
        var section = text[text.IndexOf("## 4. Findings", StringComparison.Ordinal)..text.IndexOf("## 5.", StringComparison.Ordinal)];
        return CodeRow().Matches(section).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> ProductCodes() =>
        typeof(FindingCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void Every_code_is_the_contracts_or_a_declared_extension()
    {
        var contract = ContractCodes();
        Assert.True(contract.Count >= 20, $"{contract.Count} codes read from the contract");
        Assert.All(ProductCodes(), code => Assert.True(contract.Contains(code) ^ FindingCodes.Extensions.Contains(code), code));
        Assert.Equal(FindingCodes.Extensions.Order(), ProductCodes().Where(c => !contract.Contains(c)).Order());
    }

    [Theory]
    [InlineData(FindingCodes.TextReuse, true)]
    [InlineData(FindingCodes.NoImprovementMeasure, true)]
    [InlineData(FindingCodes.T3Balance, false)]
    public void An_extension_is_marked_in_the_result_and_a_contract_code_is_not(string code, bool extension)
    {
        var finding = new Finding(code, FindingCodes.Severities[code], "…", []);
        var json = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(finding, ResultJson.Options))!.AsObject();
        Assert.Equal(extension, json.ContainsKey("extension"));
        if (extension)
        {
            Assert.True((bool)json["extension"]!);
            Assert.Equal(Severity.Info, finding.Severity); // both extensions are information, never a charge
        }
    }

    [GeneratedRegex(@"^\| `([A-Z0-9_]+)` \|", RegexOptions.Multiline)]
    private static partial Regex CodeRow();
}
