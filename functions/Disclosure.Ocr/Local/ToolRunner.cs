using System.Diagnostics;
using System.Text;

namespace Disclosure.Ocr.Local;

/// <summary>The outcome of one external program run; a timeout or a missing program is data, not an exception.</summary>
internal sealed record ToolResult(int ExitCode, string StdOut, string StdErr, bool TimedOut, bool NotFound)
{
    public bool Ok => !TimedOut && !NotFound && ExitCode == 0;

    public string Describe(string tool) =>
        NotFound ? $"{tool} 未安装（program not found; run scripts/setup.sh）"
        : TimedOut ? $"{tool} 超时（timed out）"
        : $"{tool} 退出码 {ExitCode}: {Truncate(StdErr.Trim(), 300)}";

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n] + "…";
}

/// <summary>
/// Runs poppler and tesseract with argument lists (never a shell), a time limit, and the working folder given.
/// </summary>
internal static class ToolRunner
{
    public static async Task<ToolResult> RunAsync(
        string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        // Tesseract's own threads compete with our per-page parallelism; one thread per process is faster on 2 cores.
        psi.Environment["OMP_THREAD_LIMIT"] = "1";

        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException("process did not start");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return new ToolResult(-1, "", "", false, true);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Already exited.
                }

                cancellationToken.ThrowIfCancellationRequested();
                return new ToolResult(-1, "", "", true, false);
            }

            return new ToolResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false), false, false);
        }
    }
}

/// <summary>A private temporary folder for one read; deleted on dispose whatever happened.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string? root)
    {
        Path = System.IO.Path.Combine(root ?? System.IO.Path.GetTempPath(), "disclosure-ocr-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A lingering handle on some OSes; the folder is uniquely named and holds only our copies.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
