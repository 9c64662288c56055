using Disclosure.Core.Vocabulary;

namespace Disclosure.Tests.Vocabulary;

public sealed class RadicalFormsTests
{
    [Theory]
    [InlineData("河南三\u2ED4峡经济开发区管理委员会", "河南三门峡经济开发区管理委员会")] // CJK Radicals Supplement (Chromium's print of seed-004)
    [InlineData("\u2F8F政许可", "行政许可")] // Kangxi radical, NFKC
    [InlineData("\u2ECB\u2EE2\u2EF0", "车马龙")]
    [InlineData("\u2EC1\u2EAE", "\u2EC1\u2EAE")] // component forms (tiger, bamboo top) have no one character to become
    [InlineData("第（一）项　１２", "第（一）项　１２")] // full-width forms are the extractor's to read, not changed here
    public void Radical_forms_become_the_ideograph(string printed, string read) => Assert.Equal(read, RadicalForms.Unify(printed));
}
