using System.Text;
using Disclosure.Cli.Commands;
using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using Disclosure.Ocr;
using Disclosure.Pipeline.Review;
using Disclosure.Review;
using Microsoft.Extensions.Configuration;

namespace Disclosure.Cli.Review;

/// <summary>
/// `disclosure check --html DIR`: one review page per report (with source crops for PDFs and scans) and an index page,
/// all plain files opened with a file:// URL.
/// </summary>
public sealed class HtmlReviewOutput(string directory, TimeProvider time)
{
    public const string IndexFile = "index.html";

    private readonly List<ReviewIndexEntry> _entries = [];
    private readonly OcrOptions _ocr = Disclosure.Pipeline.Configuration.OcrSettings.From(new ConfigurationBuilder().AddEnvironmentVariables().Build());

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <param name="compare">Adds findings from outside the report (the previous year's, `check --previous`) before the page is drawn.</param>
    public async Task<ReportResult> AnalyzeAndWriteAsync(ReportEngine engine, string file, CancellationToken cancellationToken, Func<ReportResult, ReportResult>? compare = null)
    {
        var (result, layout, content) = await FileAnalysis.AnalyzeFileWithLayoutAsync(engine, file, cancellationToken);
        result = compare is null ? result : compare(result);
        System.IO.Directory.CreateDirectory(Directory);
        var name = PageFileName(result);
        var html = await ReviewPageBuilder.BuildAsync(result, layout, content, time.GetUtcNow(), _ocr, crops: true, IndexFile, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(Directory, name), html, new UTF8Encoding(false), cancellationToken);
        _entries.Add(new ReviewIndexEntry(result, name));
        return result;
    }

    /// <summary>Writes the index and returns its file URL.</summary>
    public async Task<Uri> WriteIndexAsync(CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, IndexFile);
        await File.WriteAllTextAsync(path, ReviewIndex.Render(_entries, time.GetUtcNow()), new UTF8Encoding(false), cancellationToken);
        return new Uri(path);
    }

    /// <summary>The file's own name made safe for any file system and URL (letters, digits, CJK kept), plus the content hash.</summary>
    public static string PageFileName(ReportResult result)
    {
        var stem = Path.GetFileNameWithoutExtension(result.Source.Name);
        var safe = new StringBuilder(stem.Length);
        foreach (var ch in stem.Length > 60 ? stem[..60] : stem)
        {
            safe.Append(char.IsLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_');
        }

        var sha = result.Source.Sha256.Length >= 8 ? result.Source.Sha256[..8] : "nohash";
        return $"{(safe.Length == 0 ? "report" : safe.ToString())}-{sha}.html";
    }
}
