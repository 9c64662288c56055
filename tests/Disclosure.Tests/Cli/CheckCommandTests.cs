using System.Text;
using Disclosure.Cli.Commands;
using Disclosure.Pipeline;
using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using Disclosure.Tests.Support;

namespace Disclosure.Tests.Cli;

/// <summary>Bad input never crashes a run: each file gets a failed result with a reason and the others go on.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("disclosure-check-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static TheoryData<string, string> BadInputs() => new()
    {
        { "empty", FailureCodes.Empty },
        { "junk", FailureCodes.UnsupportedFormat },
        { "prose", FailureCodes.NotAReport },
        { "huge", FailureCodes.TooLarge },
    };

    private byte[] Bytes(string kind) => kind switch
    {
        "empty" => [],
        "junk" => Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919 + 13) % 256)).ToArray(),
        "prose" => Encoding.UTF8.GetBytes("今天天气很好，我们去公园散步。\n明天也许会下雨。\n"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_gives_a_failed_result_with_a_reason(string kind, string code)
    {
        var engine = DisclosureComposition.CreateEngine(new ReadLimits { MaxBytes = 1024 * 1024 });
        string path;
        if (kind == "huge")
        {
            path = Path.Combine(_dir, "huge.txt");
            await using (var f = File.Create(path))
            {
                f.SetLength(3 * 1024 * 1024); // sparse: larger than the limit without writing it
            }
        }
        else
        {
            path = Write(kind + ".txt", Bytes(kind));
        }

        var result = await FileAnalysis.AnalyzeFileAsync(engine, path, CancellationToken.None);
        Assert.Equal(ResultStatus.Failed, result.Status);
        Assert.Equal(code, result.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.NotEmpty(result.Source.Sha256);
    }

    [Fact]
    public async Task A_folder_with_bad_files_still_checks_the_good_ones()
    {
        Write("a-empty.txt", []);
        Write("b-junk.txt", Bytes("junk"));
        File.Copy(Path.Combine(RepoPaths.Seeds, "004_cbc979190ed8f941.txt"), Path.Combine(_dir, "c-good.txt"));
        var engine = DisclosureComposition.CreateEngine();
        var files = FileAnalysis.Expand([_dir], out var missing);
        Assert.Empty(missing);
        var results = new List<ReportResult>();
        foreach (var f in files)
        {
            results.Add(await FileAnalysis.AnalyzeFileAsync(engine, f, CancellationToken.None));
        }

        Assert.Equal([ResultStatus.Failed, ResultStatus.Failed, ResultStatus.Passed], results.Select(r => r.Status));
        Assert.Equal(1, CheckCommand.ExitCode(results, "error"));
        Assert.Equal(0, CheckCommand.ExitCode(results, "never"));
    }

    [Fact]
    public async Task Json_output_is_the_contract_shape()
    {
        var path = Path.Combine(RepoPaths.Seeds, "002_f50a9f7ac473722a.txt");
        var result = await FileAnalysis.AnalyzeFileAsync(DisclosureComposition.CreateEngine(), path, CancellationToken.None);
        using var doc = System.Text.Json.JsonDocument.Parse(ResultJson.Serialize(result));
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("txt", root.GetProperty("source").GetProperty("format").GetString());
        Assert.Equal("findings", root.GetProperty("status").GetString());
        Assert.Equal(2, root.GetProperty("cells").GetProperty("t3.new_received.total").GetDecimal());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, root.GetProperty("cells").GetProperty("t3.carried_over.total").ValueKind);
        var finding = root.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("code").GetString() == "T3_BALANCE");
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.True(finding.GetProperty("cells").GetArrayLength() > 0);
        Assert.Equal(ResultJson.Serialize(result), ResultJson.Serialize(ResultJson.Deserialize(ResultJson.Serialize(result))!));
    }

    [Fact]
    public async Task Encodings_are_detected_from_content()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Seeds, "004_cbc979190ed8f941.txt"));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var engine = DisclosureComposition.CreateEngine();
        foreach (var (name, bytes) in new[]
        {
            ("utf8-bom", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray()),
            ("gb18030", Encoding.GetEncoding("GB18030").GetBytes(text)),
            ("utf16", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray()),
        })
        {
            var result = await engine.AnalyzeAsync(name + ".txt", bytes);
            Assert.True(result.Status == ResultStatus.Passed, $"{name}: {result.Status} {result.Error}");
            Assert.Equal("河南三门峡经济开发区管理委员会", result.Report.Agency);
        }
    }
}
