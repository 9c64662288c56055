using System.Security.Cryptography;
using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using Disclosure.Core.Layout;

namespace Disclosure.Cli.Commands;

/// <summary>Reads local files for the engine: size limit checked before reading, so a huge file is never loaded whole.</summary>
public static class FileAnalysis
{
    /// <summary>The sample reports beside the repository (../shared/seeds), the default input of the bench commands.</summary>
    public static string DefaultSeedsFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
        {
            dir = dir.Parent;
        }

        return Path.GetFullPath(Path.Combine(dir?.FullName ?? Directory.GetCurrentDirectory(), "..", "shared", "seeds"));
    }

    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, out IReadOnlyList<string> missing)
    {
        var files = new List<string>();
        var notFound = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                notFound.Add(path);
            }
        }

        missing = notFound;
        return files;
    }

    public static async Task<ReportResult> AnalyzeFileAsync(ReportEngine engine, string path, CancellationToken cancellationToken) =>
        (await AnalyzeFileWithLayoutAsync(engine, path, cancellationToken)).Result;

    /// <summary>As <see cref="AnalyzeFileAsync"/>, also giving the layout and the bytes read (for the review page and its crops).</summary>
    public static async Task<(ReportResult Result, LayoutDocument? Layout, byte[] Content)> AnalyzeFileWithLayoutAsync(ReportEngine engine, string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        if (FileKind.NotRegular(path) is { } kind)
        {
            return ReportEngine.Failed(new SourceInfo(name, string.Empty, "unknown", null, false), FailureCodes.NotAFile,
                $"不是普通文件（{kind}），未读取（not a regular file: only regular files are read）");
        }

        try
        {
            var length = new FileInfo(path).Length;
            if (length > engine.Limits.MaxBytes)
            {
                await using var stream = File.OpenRead(path);
                var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
                var head = new byte[Math.Min(1024, length)];
                stream.Position = 0;
                await stream.ReadExactlyAsync(head, cancellationToken);
                var source = new SourceInfo(name, sha, FormatDetector.Name(FormatDetector.Detect(head)), null, false) { Bytes = length };
                return (ReportEngine.Failed(source, FailureCodes.TooLarge,
                    $"文件过大：{length:N0} 字节，上限 {engine.Limits.MaxBytes:N0} 字节（file too large; not read）"), null, []);
            }

            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            var (result, layout) = await engine.AnalyzeWithLayoutAsync(name, bytes, cancellationToken);
            return (result, layout, bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (ReportEngine.Failed(new SourceInfo(name, string.Empty, "unknown", null, false), FailureCodes.Corrupt, $"无法读取文件：{ex.Message}"), null, []);
        }
    }
}
