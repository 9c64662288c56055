using System.Diagnostics;
using System.Text.Json;
using Disclosure.Cli.Commands;
using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using Disclosure.Ocr;
using Disclosure.Readers;

namespace Disclosure.Tests.Hostile;

/// <summary>
/// The hostile battery (issue 14) through the command line's own file reading and engine: every input gets a JSON result
/// with its expected code within the document budget (the code says so: TIMEOUT is the budget), no temporary file is
/// left, and a folder run in a separate process gives one result per file without dying.
/// </summary>
[Collection(nameof(HostileBatteryCollection))]
public sealed class HostileBatteryTests : IDisposable
{
    /// <summary>
    /// A short budget keeps the battery quick; the 300-page blank PDF must hit it, everything else must not (30 s leaves
    /// room for OCR of one image on a loaded shared machine).
    /// </summary>
    private static readonly ReadLimits Limits = new() { DocumentTimeout = TimeSpan.FromSeconds(30) };

    private readonly string _root = Path.Combine(Path.GetTempPath(), "disclosure-hostile-" + Guid.NewGuid().ToString("N"));

    private string Inputs => Path.Combine(_root, "inputs");

    private string Temp => Path.Combine(_root, "tmp");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Every_hostile_input_gets_its_expected_code_and_leaves_no_temp_file()
    {
        var cases = HostileInputs.Write(Inputs);
        Assert.True(cases.Count >= 60, $"{cases.Count} inputs");
        Directory.CreateDirectory(Temp);
        var engine = new ReportEngine([.. ReaderRegistry.CreateDefault(Limits), .. OcrReaders.Create(new OcrOptions { TempRoot = Temp }, Limits)], Limits);

        var wrong = new List<string>();
        foreach (var c in cases)
        {
            var result = await FileAnalysis.AnalyzeFileAsync(engine, Path.Combine(Inputs, c.Name), CancellationToken.None);
            using var json = JsonDocument.Parse(ResultJson.Serialize(result));
            var got = result.Status == ResultStatus.Failed ? result.ErrorCode! : HostileCase.Ok;
            Assert.Equal(result.Status == ResultStatus.Failed ? "failed" : result.Status == ResultStatus.Passed ? "passed" : "findings",
                json.RootElement.GetProperty("status").GetString());
            if (!c.Codes.Contains(got))
            {
                wrong.Add($"{c.Name} ({c.Why}): expected {string.Join("|", c.Codes)}, got {got}: {result.Error}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Temp, "*", SearchOption.AllDirectories).Select(e => Path.GetRelativePath(Temp, e)));
    }

    [Fact]
    public async Task A_folder_run_in_its_own_process_gives_a_result_for_every_file()
    {
        var cases = HostileInputs.Write(Inputs);
        Directory.CreateDirectory(Temp);
        var cli = Path.Combine(AppContext.BaseDirectory, "disclosure.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { cli, "check", "--json", Inputs })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["TMPDIR"] = Temp;
        psi.Environment["Engine__DocumentTimeoutSeconds"] = "30";
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            lines.Add(line);
        }

        await process.WaitForExitAsync();
        var names = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("source").GetProperty("name").GetString()).ToList();

        Assert.Equal(1, process.ExitCode); // Failed reports count; a crash would be another code.
        Assert.DoesNotContain("Unhandled exception", await stderr, StringComparison.Ordinal);
        Assert.Equal(cases.Select(c => c.Name).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        // ONNX Runtime (1.3x, POSIX) writes one session marker `.ses` into TMPDIR when the process first loads it, telemetry
        // off or not: the process's, not a document's, and it does not grow with the documents read.
        var left = Directory.EnumerateFileSystemEntries(Temp, "*", SearchOption.AllDirectories).Select(e => Path.GetRelativePath(Temp, e)).Where(e => e != ".ses").ToList();
        Assert.True(left.Count == 0, $"left in the temp folder: {string.Join(", ", left)}");
    }
}

/// <summary>The two battery runs are heavy (OCR, 120 MB inputs): not in parallel with each other.</summary>
[CollectionDefinition(nameof(HostileBatteryCollection), DisableParallelization = true)]
public sealed class HostileBatteryCollection;
