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
        public int EngineErrors;
        public int Planted;
        public int PlantedFound;

        /// <summary>Planted errors not raised because a cell of their identity was read with doubt, and reported so instead.</summary>
        public int PlantedFlagged;
        public int Consistent;
        public int ConsistentAlarmed;
        public int GridExpected;
        public int GridMatched;
        public double Seconds;
        public int Pages;

        /// <summary>Documents whose agency name as read equals the expected one exactly (OCR'd title lines on scans).</summary>
        public int AgencyRight;

        /// <summary>Documents whose agency name is wrong and flagged as doubtful (report.agencyUncertain): a person is told to look.</summary>
        public int AgencyWrongFlagged;

        /// <summary>Documents whose agency name is right but flagged as doubtful: a false alarm (a person looks for nothing).</summary>
        public int AgencyRightFlagged;

        /// <summary>Documents whose agency name is wrong (or missing) and not flagged: the worst outcome.</summary>
        public int AgencyWrongSilent;

        /// <summary>Documents whose report year as read equals the expected one.</summary>
        public int YearRight;
    }

    public static (string Format, string Path)[] Inputs(string expectedFile)
    {
        var stem = expectedFile[..^".expected.json".Length];
        return new[]
            {
                ("html", stem + ".html"), ("docx", stem + ".docx"), ("pdf", stem + ".pdf"), ("scan", stem + ".scan.pdf"), ("image", stem + ".scan-p1.png"),
                ("scan300", stem + ".scan300.pdf"), ("scan200", stem + ".scan200.pdf"),
            }
            .Where(x => File.Exists(x.Item2)).ToArray();
    }

    /// <summary>
    /// Who made a document and how it is read: the expected file's producer (chromium when absent: the HTML corpus)
    /// and the input's format, e.g. <c>libreoffice-pdf</c>, <c>libreoffice-scan200</c>, <c>chromium-html</c>.
    /// </summary>
    public static string Producer(string expectedFile, string format)
    {
        var producer = (string?)JsonNode.Parse(File.ReadAllText(expectedFile))!["producer"] ?? "chromium";
        return producer + "-" + format;
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
                var group = Producer(expectedFile, format);
                var tally = tallies.TryGetValue(group, out var t) ? t : tallies[group] = new Tally();
                Add(tally, score);
            }
        }

        var total = new Tally();
        // Every wrong cell, flagged or silent, document by document.
        foreach (var entry in details.OfType<JsonObject>().Where(e => e["wrong"] is JsonArray { Count: > 0 } || e["error"] is not null || e["report"] is not null))
        {
            Console.WriteLine($"{entry["file"]}: {(entry["error"] is { } err ? "FAILED " + err : "")}{(entry["report"] is { } rep ? " agency/year " + rep : "")}");
            foreach (var w in entry["wrong"]?.AsArray() ?? [])
            {
                Console.WriteLine("  " + w);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{"producer",-20} {"docs",4} {"failed",6} {"ENGINE_ERROR",12} {"cells exact",20} {"wrong flagged",13} {"wrong silent",12} {"grid values",20} {"find P",7} {"find R",7} {"planted found",13} {"alarms/consistent",17} {"s/page",7} {"agency",7} {"agency?",7} {"agencyX",7} {"agency!",7} {"year",7}");
        foreach (var (group, t) in tallies.Append(new KeyValuePair<string, Tally>("overall", total)))
        {
            if (group != "overall")
            {
                Add(total, t);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{group,-20} {t.Docs,4} {t.Failed,6} {t.EngineErrors,12} {Pct(t.Exact, t.Cells),20} {t.WrongFlagged,13} {t.WrongGuessed,12} {Pct(t.GridMatched, t.GridExpected),20} {Ratio(t.Tp, t.Tp + t.Fp),7} {Ratio(t.Tp, t.Tp + t.Fn),7} {$"{t.PlantedFound}/{t.Planted}" + (t.PlantedFlagged > 0 ? $" (+{t.PlantedFlagged} flagged)" : ""),13} {$"{t.ConsistentAlarmed}/{t.Consistent}",17} {(t.Pages == 0 ? 0 : t.Seconds / t.Pages),7:0.000} {$"{t.AgencyRight}/{t.Docs}",7} {t.AgencyWrongFlagged,7} {t.AgencyWrongSilent,7} {t.AgencyRightFlagged,7} {$"{t.YearRight}/{t.Docs}",7}"));
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
        ReadOutcome outcome;
        try
        {
            outcome = readers.TryGetValue(detected, out var reader)
                ? await reader.ReadAsync(bytes, CancellationToken.None)
                : ReadOutcome.Fail(FailureCodes.UnsupportedFormat, "no reader for " + detected);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // What the engine does with a reader's exception: the document fails with ENGINE_ERROR, the run goes on.
            outcome = ReadOutcome.Fail(FailureCodes.EngineError, $"{ex.GetType().Name}: {ex.Message}");
        }

        sw.Stop();
        tally.Docs++;
        tally.Seconds += sw.Elapsed.TotalSeconds;
        var entry = new JsonObject { ["file"] = Path.GetFileName(path), ["format"] = format, ["seconds"] = Math.Round(sw.Elapsed.TotalSeconds, 3) };
        if (!outcome.Succeeded)
        {
            tally.Failed++;
            tally.EngineErrors += outcome.ErrorCode == FailureCodes.EngineError ? 1 : 0;
            tally.Cells += format == "image" ? 0 : cells.Count;
            entry["error"] = $"{outcome.ErrorCode}: {outcome.Error}";
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
        if (result.Status == ResultStatus.Failed)
        {
            tally.Failed++;
            tally.EngineErrors += result.ErrorCode == FailureCodes.EngineError ? 1 : 0;
            tally.Cells += cells.Count;
            entry["error"] = $"{result.ErrorCode}: {result.Error}";
            return (tally, entry);
        }

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
                {
                    wrong.Add($"{key} (flagged): expected {value?.ToString(CultureInfo.InvariantCulture) ?? "null"}, got {got?.ToString(CultureInfo.InvariantCulture) ?? "null"}");
                }
            }
            else
            {
                tally.WrongGuessed++;
                {
                    wrong.Add($"{key} (SILENT): expected {value?.ToString(CultureInfo.InvariantCulture) ?? "null"}, got {got?.ToString(CultureInfo.InvariantCulture) ?? "null"}");
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

        // A consistent document must raise no arithmetic finding at all (a doubtful reading is EXTRACTION_UNCERTAIN).
        if (arithmetic.Count == 0)
        {
            tally.Consistent++;
            tally.ConsistentAlarmed += predicted.Count > 0 ? 1 : 0;
        }

        // A planted error is found when an arithmetic finding names the cell it was planted in.
        if ((string?)expected["planted"] is { } planted)
        {
            tally.Planted++;
            var found = result.Findings.Any(f => ReportSpec.ArithmeticCodes.Contains(f.Code) && f.Cells.Contains(planted));
            tally.PlantedFound += found ? 1 : 0;
            var flagged = !found && result.Findings.Any(f => f.Code == FindingCodes.ExtractionUncertain
                && f.Message.Contains(Disclosure.Core.Validation.RuleCatalog.DoubtfulIdentityMarker, StringComparison.Ordinal)
                && f.Cells.Any(c => c.StartsWith(planted[..3], StringComparison.Ordinal)));
            tally.PlantedFlagged += flagged ? 1 : 0;
            entry["planted"] = planted + (found ? " (found)" : flagged ? " (flagged: its identity has doubtful cells)" : " (MISSED)");
        }

        // Agency and year as read (on a scan: the OCR'd title line) against the expected report.
        var agency = (string?)expected["report"]?["agency"];
        var year = (int?)expected["report"]?["year"];
        tally.AgencyRight += agency is not null && result.Report.Agency == agency ? 1 : 0;
        tally.YearRight += year is not null && result.Report.Year == year ? 1 : 0;
        var agencyWrong = agency is not null && result.Report.Agency != agency;
        tally.AgencyRightFlagged += !agencyWrong && agency is not null && result.Report.AgencyUncertain == true ? 1 : 0;
        tally.AgencyWrongFlagged += agencyWrong && result.Report.AgencyUncertain == true ? 1 : 0;
        // A name not read at all is not presented as certain; a wrong one without the flag is.
        tally.AgencyWrongSilent += agencyWrong && result.Report.Agency is not null && result.Report.AgencyUncertain != true ? 1 : 0;
        if (result.Report.Agency != agency || result.Report.Year != year || result.Report.AgencyUncertain == true)
        {
            entry["report"] = $"read {result.Report.Agency ?? "null"}{(result.Report.AgencyUncertain == true ? " (flagged)" : "")} {result.Report.Year?.ToString(CultureInfo.InvariantCulture) ?? "null"}, expected {agency ?? "null"} {year?.ToString(CultureInfo.InvariantCulture) ?? "null"}";
        }

        entry["status"] = result.Status.ToString();
        entry["wrong"] = wrong;
        entry["arithmetic"] = string.Join(",", predicted.Order());
        return (tally, entry);
    }

    public static void Add(Tally total, Tally t)
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
