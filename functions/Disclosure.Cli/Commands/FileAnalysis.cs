using System.Security.Cryptography;
using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Disclosure.Pipeline.Configuration;
using Microsoft.Extensions.Configuration;

namespace Disclosure.Cli.Commands;

/// <summary>Reads local files for the engine: size limit checked before reading, so a huge file is never loaded whole.</summary>
public static class FileAnalysis
{
    /// <summary>Default of <see cref="SettingNames.Local.SeedsFolder"/>: the shared sample reports, seen from the repository root.</summary>
    public const string DefaultSeedsFolder = "../shared/seeds";

    /// <summary>
    /// The default input of the bench commands: setting Bench__SeedsFolder, else <see cref="DefaultSeedsFolder"/>;
    /// a relative path is taken from the current directory (the commands are run from the repository root).
    /// </summary>
    public static string SeedsFolder(IConfiguration configuration) =>
        Path.GetFullPath(configuration.Get(SettingNames.Local.SeedsFolder) ?? DefaultSeedsFolder);

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
            return (ReportEngine.Failed(new SourceInfo(name, string.Empty, "unknown", null, false), FailureCodes.NotAFile,
                $"不是普通文件（{kind}），未读取（not a regular file: only regular files are read）"), null, []);
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
