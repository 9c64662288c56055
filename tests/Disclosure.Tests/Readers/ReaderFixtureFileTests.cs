using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Disclosure.Readers;
using Disclosure.Tests.Support;

namespace Disclosure.Tests.Readers;

/// <summary>
/// The renditions of seeds 001 and 004 are also committed as files (Fixtures/html, Fixtures/docx) for the benchmarks and
/// for trying the command line by hand. This keeps them equal to what the renderers make today: the committed file must
/// read to the same layout as a fresh rendition. Set DISCLOSURE_REGENERATE_FIXTURES=1 to rewrite them.
/// </summary>
public sealed class ReaderFixtureFileTests
{
    public static TheoryData<string, string> Renditions => ReaderGoldTests.Renditions;

    internal static string PathOf(string seed, string rendition) =>
        Path.Combine(RepoPaths.Root, "tests", "Disclosure.Tests", "Fixtures",
            rendition == "docx" ? Path.Combine("docx", seed + ".docx") : Path.Combine("html", $"{seed}.{rendition}.html"));

    [Theory]
    [MemberData(nameof(Renditions))]
    public async Task Committed_fixture_matches_a_fresh_rendition(string seed, string rendition)
    {
        var (_, fresh) = ReaderGoldTests.Render(seed, rendition);
        var path = PathOf(seed, rendition);
        if (Environment.GetEnvironmentVariable("DISCLOSURE_REGENERATE_FIXTURES") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, fresh);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests once with DISCLOSURE_REGENERATE_FIXTURES=1");
        var committed = await File.ReadAllBytesAsync(path);
        Assert.Equal(Describe(await ReadAsync(fresh)), Describe(await ReadAsync(committed)));
    }

    private static async Task<LayoutDocument> ReadAsync(byte[] bytes)
    {
        var format = FormatDetector.Detect(bytes);
        var reader = ReaderRegistry.CreateDefault(new ReadLimits()).Single(r => r.Format == format);
        var outcome = await reader.ReadAsync(bytes, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Document!;
    }

    private static string Describe(LayoutDocument document) => string.Join("\n", document.Blocks.Select(b => b switch
    {
        LayoutParagraph p => $"p{p.Page}: {p.Text}",
        LayoutTable t => $"t{t.Page}: " + string.Join(" | ", t.Cells.Select(c => $"{c.Row},{c.Column},{c.RowSpan},{c.ColumnSpan}:{c.Text}")),
        _ => b.ToString(),
    }));
}
