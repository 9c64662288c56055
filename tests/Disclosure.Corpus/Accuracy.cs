using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Disclosure.Ocr;

namespace Disclosure.Corpus;

/// <summary>
/// Reads every corpus document through the real readers and engine and compares with the expected file beside it:
/// canonical cells exact (per format and overall), wrong cells flagged EXTRACTION_UNCERTAIN vs guessed, precision and
/// recall of the arithmetic findings, and — independent of the extractor — the share of printed table values that the
/// reader put into table cells exactly, in order ("grid values").
/// </summary>
public static class Accuracy
{
    /// <summary>Counts for one document or a sum of them.</summary>
    public sealed class Tally
    {
        public int Docs;
        public int Failed;
        public int Cells;
        public int Exact;
        public int WrongFlagged;
        public int WrongGuessed;
        public int Tp;
        public int Fp;
        public int Fn;
        public int UnexplainedAlarms;
        public int GridExpected;
        public int GridMatched;
        public double Seconds;
        public int Pages;
    }

    public static (string Format, string Path)[] Inputs(string expectedFile)
    {
        var stem = expectedFile[..^".expected.json".Length];
        return new[] { ("html", stem + ".html"), ("docx", stem + ".docx"), ("pdf", stem + ".pdf"), ("scan", stem + ".scan.pdf"), ("image", stem + ".scan-p1.png") }
            .Where(x => File.Exists(x.Item2)).ToArray();
    }

    public static IReadOnlyList<IDocumentReader> Readers(ReadLimits limits, OcrOptions? ocr = null) =>
        [.. ExtraReaders.Create(limits), .. OcrReaders.Create(ocr ?? new OcrOptions(), limits)];

    /// <summary>
    /// Scores a corpus folder; <paramref name="pageOcr"/> reads scans with page-level OCR only (the path before the cell
    /// reader), <paramref name="recognizer"/> chooses the scan recogniser (`--engine paddle|tesseract`), for comparison.
    /// </summary>
    public static async Task<int> RunAsync(string dir, string jsonOut, string formatFilter, bool pageOcr = false, ScanRecognizer recognizer = ScanRecognizer.PaddleOcr)
    {
        var limits = new ReadLimits();
        var readers = Readers(limits, new OcrOptions { ReadRuledTablesByCell = !pageOcr, Recognizer = recognizer }).GroupBy(r => r.Format).ToDictionary(g => g.Key, g => g.Last());
        var engine = new ReportEngine(readers.Values, limits);
        var tallies = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var filter = formatFilter.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var details = new JsonArray();

        foreach (var expectedFile in Directory.GetFiles(dir, "*.expected.json", SearchOption.AllDirectories).Order())
        {
            foreach (var (format, path) in Inputs(expectedFile))
            {
                if (filter.Count > 0 && !filter.Contains(format))
                {
                    continue;
                }

                var (score, entry) = await ScoreAsync(expectedFile, format, path, readers, engine);
                details.Add(entry);
                var tally = tallies.TryGetValue(format, out var t) ? t : tallies[format] = new Tally();
                Add(tally, score);
            }
        }

        var total = new Tally();
        Console.WriteLine($"{"format",-7} {"docs",4} {"failed",6} {"cells exact",18} {"wrong flagged",13} {"wrong guessed",13} {"grid values",18} {"find P",7} {"find R",7} {"alarms",6} {"s/page",7}");
        foreach (var (format, t) in tallies.Append(new KeyValuePair<string, Tally>("overall", total)))
        {
            if (format != "overall")
            {
                Add(total, t);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{format,-7} {t.Docs,4} {t.Failed,6} {Pct(t.Exact, t.Cells),18} {t.WrongFlagged,13} {t.WrongGuessed,13} {Pct(t.GridMatched, t.GridExpected),18} {Ratio(t.Tp, t.Tp + t.Fp),7} {Ratio(t.Tp, t.Tp + t.Fn),7} {t.UnexplainedAlarms,6} {(t.Pages == 0 ? 0 : t.Seconds / t.Pages),7:0.000}"));
        }

        if (jsonOut.Length > 0)
        {
            await File.WriteAllTextAsync(jsonOut, details.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }

        return 0;
    }

    /// <summary>Reads one document and scores it against the expected file beside it.</summary>
    public static async Task<(Tally Score, JsonObject Entry)> ScoreAsync(
        string expectedFile, string format, string path, IReadOnlyDictionary<SourceFormat, IDocumentReader> readers, ReportEngine engine)
    {
        var expected = JsonNode.Parse(File.ReadAllText(expectedFile))!;
        var ignore = expected["ignore"]!.AsArray().Select(n => (string)n!).ToHashSet();
        var cells = expected["cells"]!.AsObject().Where(kv => !ignore.Contains(kv.Key))
            .ToDictionary(kv => kv.Key, kv => kv.Value is null ? (decimal?)null : kv.Value.GetValue<decimal>());
        var arithmetic = expected["arithmetic"]!.AsArray().Select(n => (string)n!).ToHashSet();
        var valuesFile = expectedFile[..^".expected.json".Length] + ".values.txt";
        var printed = File.Exists(valuesFile) ? File.ReadAllLines(valuesFile).Where(l => l.Length > 0).ToList() : [];

        var tally = new Tally();
        var bytes = await File.ReadAllBytesAsync(path);
        var detected = FormatDetector.Detect(bytes);
        var sw = Stopwatch.StartNew();
        ReadOutcome outcome = readers.TryGetValue(detected, out var reader)
            ? await reader.ReadAsync(bytes, CancellationToken.None)
            : ReadOutcome.Fail(FailureCodes.UnsupportedFormat, "no reader for " + detected);
        sw.Stop();
        tally.Docs++;
        tally.Seconds += sw.Elapsed.TotalSeconds;
        var entry = new JsonObject { ["file"] = Path.GetFileName(path), ["format"] = format, ["seconds"] = Math.Round(sw.Elapsed.TotalSeconds, 3) };
        if (!outcome.Succeeded)
        {
            tally.Failed++;
            tally.Cells += format == "image" ? 0 : cells.Count;
            entry["error"] = outcome.Error;
            return (tally, entry);
        }

        var doc = outcome.Document!;
        tally.Pages += doc.PageCount;

        // Grid values: the printed values, in order, against the value cells of the tables read (LCS).
        var read = doc.Tables.SelectMany(tb => tb.Cells.OrderBy(c => c.Row).ThenBy(c => c.Column))
            .Select(c => Normalise(c.Text)).Where(IsNumber).ToList();
        var expectedValues = printed.Select(Normalise).ToList();
        var matched = Lcs(expectedValues, read);
        if (format != "image")
        {
            tally.GridExpected += expectedValues.Count;
            tally.GridMatched += matched;
        }

        entry["gridValues"] = $"{matched}/{expectedValues.Count} (read {read.Count})";
        if (format == "image")
        {
            return (tally, entry); // one page of a report: the grid check above is what it can be measured on.
        }

        var result = engine.Analyze(new SourceInfo(Path.GetFileName(path), "", format, null, false), doc);
        // A cell counts as flagged when a finding names it as unsure (EXTRACTION_UNCERTAIN) or as not read
        // (INCOMPLETE_TABLE); "t3.*.natural" names that column in every row.
        var named = result.Findings.Where(f => f.Code is FindingCodes.ExtractionUncertain or FindingCodes.IncompleteTable).SelectMany(f => f.Cells).ToList();
        var uncertain = named.Where(c => !c.Contains('*', StringComparison.Ordinal)).ToHashSet();
        foreach (var key in cells.Keys.Where(k => named.Any(n => n.Contains('*', StringComparison.Ordinal)
            && k.StartsWith(n[..n.IndexOf('*', StringComparison.Ordinal)], StringComparison.Ordinal)
            && k.EndsWith(n[(n.IndexOf('*', StringComparison.Ordinal) + 1)..], StringComparison.Ordinal))))
        {
            uncertain.Add(key);
        }

        var wrong = new JsonArray();
        foreach (var (key, value) in cells)
        {
            tally.Cells++;
            var got = result.Cells.TryGetValue(key, out var g) ? g : null;
            if (got == value)
            {
                tally.Exact++;
            }
            else if (uncertain.Contains(key))
            {
                tally.WrongFlagged++;
                if (wrong.Count < 8)
                {
                    wrong.Add($"{key} (flagged): expected {value?.ToString(CultureInfo.InvariantCulture) ?? "null"}, got {got?.ToString(CultureInfo.InvariantCulture) ?? "null"}");
                }
            }
            else
            {
                tally.WrongGuessed++;
                if (wrong.Count < 8)
                {
                    wrong.Add($"{key}: expected {value?.ToString(CultureInfo.InvariantCulture) ?? "null"}, got {got?.ToString(CultureInfo.InvariantCulture) ?? "null"}");
                }
            }
        }

        var predicted = result.Findings.Select(f => f.Code).Where(c => ReportSpec.ArithmeticCodes.Contains(c)).ToHashSet();
        tally.Tp += predicted.Count(arithmetic.Contains);
        tally.Fp += predicted.Count(c => !arithmetic.Contains(c));
        tally.Fn += arithmetic.Count(c => !predicted.Contains(c));
        if (arithmetic.Count == 0 && predicted.Count > 0 && uncertain.Count == 0)
        {
            tally.UnexplainedAlarms++;
        }

        entry["status"] = result.Status.ToString();
        entry["wrong"] = wrong;
        entry["arithmetic"] = string.Join(",", predicted.Order());
        return (tally, entry);
    }

    private static void Add(Tally total, Tally t)
    {
        foreach (var f in typeof(Tally).GetFields())
        {
            if (f.FieldType == typeof(int))
            {
                f.SetValue(total, (int)f.GetValue(total)! + (int)f.GetValue(t)!);
            }
            else
            {
                f.SetValue(total, (double)f.GetValue(total)! + (double)f.GetValue(t)!);
            }
        }
    }

    private static string Pct(int a, int b) => b == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * a / b:0.00}% ({a}/{b})");

    private static string Ratio(int a, int b) => b == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{(double)a / b:0.000}");

    private static string Normalise(string s) => new([.. s.Trim().Where(c => !char.IsWhiteSpace(c) && c != ',')]);

    private static bool IsNumber(string s) => decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out _);

    private static int Lcs(List<string> a, List<string> b)
    {
        var prev = new int[b.Count + 1];
        var cur = new int[b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : Math.Max(prev[j], cur[j - 1]);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Count];
    }
}
