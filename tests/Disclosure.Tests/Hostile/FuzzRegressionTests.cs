using Disclosure.Core.Engine;
using Disclosure.Ocr.Local;
using Disclosure.Readers.Docx;
using Disclosure.Readers.Html;
using Disclosure.Tests.Support;
using TextReader = Disclosure.Readers.Text.TextReader;

namespace Disclosure.Tests.Hostile;

/// <summary>
/// Replays the fuzzer's kept inputs (tests/Disclosure.Tests/Hostile/FuzzRegressions/&lt;target&gt;: the starting corpus,
/// and every crash or hang scripts/fuzz.sh found, once fixed) through the same entry points the harness fuzzes. A reader
/// may fail an input; it must not throw.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "Disclosure.Tests", "Hostile", "FuzzRegressions");

    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in new[] { "text", "html", "docx", "image" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Folder, target)).Order(StringComparer.Ordinal))
            {
                data.Add(target, Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task A_kept_fuzz_input_is_read_without_an_exception(string target, string file)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(Folder, target, file));
        var limits = new ReadLimits();
        object? outcome = target switch
        {
            "text" => await new TextReader(limits).ReadAsync(bytes, CancellationToken.None),
            "html" => new HtmlReader(limits).Read(bytes),
            "docx" => new DocxReader(limits).Read(bytes),
            _ => FuzzEntry.Image(bytes),
        };
        Assert.NotNull(outcome);
    }

    [Fact]
    public void Every_reader_has_kept_inputs() =>
        Assert.All(new[] { "text", "html", "docx", "image" }, t => Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(Folder, t))));
}
