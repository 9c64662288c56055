using System.Diagnostics;
using System.Text;
using Disclosure.Core.Engine;

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
/// Runs poppler and tesseract with argument lists (never a shell), a time limit, and the working folder given. Cancellation
/// (the document budget, a host stopping) kills the whole process tree. After each run the working folder is measured: a
/// document whose temporary files pass <see cref="MaxTempBytes"/> stops with <see cref="FailureCodes.DiskLimit"/>.
/// </summary>
internal static class ToolRunner
{
    /// <summary>Temporary-disk budget of one document (<see cref="ReadLimits.MaxTempBytes"/>; three documents at once fit in 3 GB).</summary>
    public static long MaxTempBytes { get; } = new ReadLimits().MaxTempBytes;

    /// <summary>How long a killed program is waited for; poppler and tesseract exit within milliseconds of SIGKILL.</summary>
    private const int KillGraceMilliseconds = 5_000;

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
                    // Kill only signals: wait for the exit, so the program writes nothing more into a folder about to be deleted.
                    process.WaitForExit(KillGraceMilliseconds);
                }
                catch (InvalidOperationException)
                {
                    // Already exited.
                }

                cancellationToken.ThrowIfCancellationRequested();
                return new ToolResult(-1, "", "", true, false);
            }

            var result = new ToolResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false), false, false);
            CheckDisk(workingDirectory);
            return result;
        }
    }

    /// <summary>Throws <see cref="BudgetExceededException"/> when the document's temporary folder has grown past its budget.</summary>
    public static void CheckDisk(string folder)
    {
        long total = 0;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
        {
            total += file.Length;
        }

        if (total > MaxTempBytes)
        {
            throw new BudgetExceededException(FailureCodes.DiskLimit,
                $"临时文件 {total:N0} 字节，超过单份文档 {MaxTempBytes:N0} 字节的上限（temporary disk budget exceeded）");
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
        // Twice: a file a killed child wrote while the first pass ran makes it fail with "directory not empty".
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                Directory.Delete(Path, recursive: true);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (IOException)
            {
                // A lingering handle on some OSes; the folder is uniquely named and holds only our copies.
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }
        }
    }
}
