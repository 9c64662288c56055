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
    public sealed record BenchRow(string Format, int Files, long Reports, double Seconds, double ReportsPerSecond, double CpuSeconds, double ReportsPerCpuSecond, double MeanMilliseconds, double AllocatedKbPerReport);

    public static Command Create(Func<ReportEngine> engineFactory)
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.ZeroOrMore, Description = "Report files or folders (default: ../shared/seeds)." };
        var seconds = new Option<double>("--seconds") { Description = "Measuring time per format, after warm-up.", DefaultValueFactory = _ => 3.0 };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON." };
        var command = new Command("bench", "Measure parse+validate throughput (reports/s) per format on one core.") { paths, seconds, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetValue(paths) is { Length: > 0 } p ? p : [DefaultSeeds()];
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
            foreach (var h in new[] { "format", "files", "reports", "wall s", "reports/s (wall)", "cpu s", "reports/cpu-s", "mean ms", "alloc KB/report" })
            {
                table.AddColumn(h);
            }

            foreach (var r in rows)
            {
                table.AddRow(r.Format, r.Files.ToString(), r.Reports.ToString(), r.Seconds.ToString("0.00"), r.ReportsPerSecond.ToString("N0"), r.CpuSeconds.ToString("0.00"), r.ReportsPerCpuSecond.ToString("N0"), r.MeanMilliseconds.ToString("0.000"), r.AllocatedKbPerReport.ToString("N0"));
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
            // Warm-up long enough for tiered JIT to promote the hot paths; otherwise tier-0 code is measured.
            var warm = Stopwatch.StartNew();
            for (var i = 0; warm.Elapsed < TimeSpan.FromSeconds(1.5) || i < items.Count; i++)
            {
                var item = items[i % items.Count];
                await engine.AnalyzeAsync(item.Name, item.Bytes, cancellationToken);
            }

            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            // CPU time as well as wall time: on a shared machine the wall clock also counts other processes' turns.
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            long count = 0;
            while (watch.Elapsed < perFormat)
            {
                var item = items[(int)(count % items.Count)];
                await engine.AnalyzeAsync(item.Name, item.Bytes, cancellationToken);
                count++;
            }

            watch.Stop();
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            var secondsTaken = watch.Elapsed.TotalSeconds;
            rows.Add(new BenchRow(FormatDetector.Name(group.Key), items.Count, count, secondsTaken, count / secondsTaken, cpu, count / cpu, secondsTaken * 1000 / count, allocated / 1024.0 / count));
        }

        return rows;
    }

    private static string DefaultSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "seeds");
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")) && Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return Path.GetFullPath(Path.Combine("..", "shared", "seeds"));
    }
}
