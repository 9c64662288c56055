using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Spectre.Console;

namespace Disclosure.Cli.Commands;

/// <summary>
/// `disclosure bench [files|folders]`: parse+validate throughput per detected format, on one thread (one core),
/// with files held in memory so that only the engine is measured.
/// </summary>
public static class BenchCommand
{
    public sealed record BenchRow(string Format, int Files, long Reports, double Seconds, double ReportsPerSecond, double BestReportsPerSecond, double CpuSeconds, double ReportsPerCpuSecond, double MedianMilliseconds, double AllocatedKbPerReport);

    public static Command Create(Func<ReportEngine> engineFactory)
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.ZeroOrMore, Description = "Report files or folders (default: ../shared/seeds)." };
        var seconds = new Option<double>("--seconds") { Description = "Measuring time per format, after warm-up.", DefaultValueFactory = _ => 3.0 };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON." };
        var command = new Command("bench", "Measure parse+validate throughput (reports/s) per format on one core.") { paths, seconds, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetValue(paths) is { Length: > 0 } p ? p : [FileAnalysis.SeedsFolder(Disclosure.Pipeline.Hosting.LocalHost.Configuration())];
            var files = FileAnalysis.Expand(given, out _);
            if (files.Count == 0)
            {
                Console.Error.WriteLine("disclosure bench: no files");
                return 2;
            }

            var rows = await MeasureAsync(engineFactory(), files, TimeSpan.FromSeconds(parse.GetValue(seconds)), cancellationToken);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(rows, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
                return 0;
            }

            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in new[] { "format", "files", "reports", "reports/s median", "best", "reports/cpu-s", "ms/report", "KB/report" })
            {
                table.AddColumn(h);
            }

            foreach (var r in rows)
            {
                table.AddRow(r.Format, r.Files.ToString(), r.Reports.ToString(), r.ReportsPerSecond.ToString("N0"), r.BestReportsPerSecond.ToString("N0"), r.ReportsPerCpuSecond.ToString("N0"), r.MedianMilliseconds.ToString("0.00"), r.AllocatedKbPerReport.ToString("N0"));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"[grey]{Environment.ProcessorCount} logical cores; measured on one thread; .NET {Environment.Version}[/]");
            return 0;
        });
        return command;
    }

    public static async Task<IReadOnlyList<BenchRow>> MeasureAsync(ReportEngine engine, IReadOnlyList<string> files, TimeSpan perFormat, CancellationToken cancellationToken)
    {
        var inputs = new List<(string Name, byte[] Bytes, SourceFormat Format)>();
        foreach (var f in files)
        {
            var bytes = await File.ReadAllBytesAsync(f, cancellationToken);
            inputs.Add((Path.GetFileName(f), bytes, FormatDetector.Detect(bytes)));
        }

        var rows = new List<BenchRow>();
        foreach (var group in inputs.GroupBy(i => i.Format).OrderBy(g => g.Key))
        {
            var items = group.ToList();
            // Warm up until the rate is steady (tiered JIT promotes hot code in the background, later on a busy
            // machine); otherwise tier-0 code is measured. At most 15 s.
            var warm = Stopwatch.StartNew();
            double previous = 0;
            for (var n = 0; warm.Elapsed < TimeSpan.FromSeconds(15); n++)
            {
                var batch = Stopwatch.StartNew();
                var done = 0;
                while (batch.Elapsed < TimeSpan.FromMilliseconds(500) || done < items.Count)
                {
                    var item = items[done % items.Count];
                    await engine.AnalyzeAsync(item.Name, item.Bytes, cancellationToken);
                    done++;
                }

                var rate = done / batch.Elapsed.TotalSeconds;
                if (n >= 3 && Math.Abs(rate - previous) < 0.05 * rate)
                {
                    break;
                }

                previous = rate;
            }

            // Ten batches; the median batch is the figure, the best batch shows what an undisturbed core does
            // (this machine is often shared while measuring). CPU time is process-wide, so GC and JIT count too.
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var total = Stopwatch.StartNew();
            var rates = new List<double>();
            long count = 0;
            for (var batch = 0; batch < 10; batch++)
            {
                var watch = Stopwatch.StartNew();
                long inBatch = 0;
                while (watch.Elapsed < perFormat / 10 || inBatch == 0)
                {
                    var item = items[(int)(count % items.Count)];
                    await engine.AnalyzeAsync(item.Name, item.Bytes, cancellationToken);
                    count++;
                    inBatch++;
                }

                rates.Add(inBatch / watch.Elapsed.TotalSeconds);
            }

            total.Stop();
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            rates.Sort();
            var median = (rates[4] + rates[5]) / 2;
            rows.Add(new BenchRow(FormatDetector.Name(group.Key), items.Count, count, total.Elapsed.TotalSeconds, median, rates[^1],
                cpu, count / cpu, 1000 / median, allocated / 1024.0 / count));
        }

        return rows;
    }
}
