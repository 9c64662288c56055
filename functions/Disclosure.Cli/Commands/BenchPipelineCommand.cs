using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;
using Disclosure.Pipeline.Configuration;
using Disclosure.Pipeline.Cosmos;
using Disclosure.Pipeline.Hosting;
using Disclosure.Pipeline.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Disclosure.Cli.Commands;

/// <summary>
/// `disclosure bench-pipeline`: end-to-end latency (upload start → result stored) and throughput of the local host on the
/// running emulators, with text reports, in a throw-away database and container.
/// </summary>
public static class BenchPipelineCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "Reports to upload", DefaultValueFactory = _ => 500 };
        var uploaders = new Option<int>("--uploaders") { Description = "Parallel uploads", DefaultValueFactory = _ => 16 };
        var rate = new Option<double>("--rate") { Description = "Uploads per second (0 = all at once, a burst)", DefaultValueFactory = _ => 0 };
        var seeds = new Option<DirectoryInfo?>("--seeds") { Description = $"Folder of .txt reports (default: {SettingNames.Local.SeedsFolder}, else {FileAnalysis.DefaultSeedsFolder})" };
        var command = new Command("bench-pipeline", "Measure upload→stored-result latency (p50/p95) and reports/minute through the local host") { count, uploaders, rate, seeds };
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(count);
            var folder = parse.GetValue(seeds) ?? new DirectoryInfo(FileAnalysis.SeedsFolder(LocalHost.Configuration()));
            var files = folder.Exists ? folder.GetFiles("*.txt").OrderBy(f => f.Name, StringComparer.Ordinal).ToArray() : [];
            if (files.Length == 0)
            {
                Console.Error.WriteLine($"bench-pipeline: no .txt reports in {folder.FullName}");
                return 2;
            }

            var contents = await Task.WhenAll(files.Select(f => File.ReadAllBytesAsync(f.FullName, ct)));
            var run = "bench-" + Guid.NewGuid().ToString("N")[..8];
            var configuration = LocalHost.Configuration(new Dictionary<string, string?>
            {
                [SettingsReader.Key(SettingNames.CosmosDatabase)] = run,
                [SettingsReader.Key(SettingNames.ReportsContainer)] = run,
            });
            var services = new ServiceCollection();
            services.AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
            services.AddLocalPipeline(configuration);
            await using var provider = services.BuildServiceProvider().ValidateSettings();
            var container = provider.GetRequiredService<BlobContainerClient>();
            var bootstrap = provider.GetRequiredService<CosmosBootstrap>();
            var host = provider.GetRequiredService<BlobPollingService>();

            // The engine alone on the same files, to tell engine time from storage and queueing time.
            var engine = provider.GetRequiredService<Disclosure.Core.Engine.ReportEngine>();
            var engineClock = Stopwatch.StartNew();
            const int engineRounds = 10;
            for (var r = 0; r < engineRounds; r++)
            {
                for (var i = 0; i < contents.Length; i++)
                {
                    await engine.AnalyzeAsync(files[i].Name, contents[i], ct);
                }
            }

            var engineMs = engineClock.Elapsed.TotalMilliseconds / (engineRounds * contents.Length);
            var clock = Stopwatch.StartNew();
            var started = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
            var stored = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
            var poison = 0;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            host.Handled += outcome =>
            {
                if (outcome.Kind is ProcessingKind.Processed or ProcessingKind.Failed or ProcessingKind.Poison)
                {
                    if (outcome.Kind == ProcessingKind.Poison)
                    {
                        Interlocked.Increment(ref poison);
                    }

                    stored.TryAdd(outcome.BlobName, clock.Elapsed.TotalMilliseconds);
                    if (stored.Count >= n)
                    {
                        done.TrySetResult();
                    }
                }
            };

            await container.CreateIfNotExistsAsync(cancellationToken: ct);
            await bootstrap.EnsureCreatedAsync(cancellationToken: ct);
            await host.StartAsync(ct);
            try
            {
                var t0 = clock.Elapsed.TotalMilliseconds;
                await Parallel.ForAsync(0, n, new ParallelOptions { MaxDegreeOfParallelism = parse.GetValue(uploaders), CancellationToken = ct }, async (i, token) =>
                {
                    if (parse.GetValue(rate) is > 0 and var perSecond)
                    {
                        // Paced uploads: latency at a sustained rate rather than queueing behind a burst.
                        var due = t0 + i * 1000.0 / perSecond - clock.Elapsed.TotalMilliseconds;
                        if (due > 0)
                        {
                            await Task.Delay(TimeSpan.FromMilliseconds(due), token);
                        }
                    }

                    var name = $"bench/{i:D5}.txt";
                    started[name] = clock.Elapsed.TotalMilliseconds;
                    await container.UploadBlobAsync(name, BinaryData.FromBytes(contents[i % contents.Length]), token);
                });
                var uploadedAt = clock.Elapsed.TotalMilliseconds;
                await done.Task.WaitAsync(TimeSpan.FromMinutes(10), ct);
                var end = stored.Values.Max();

                var latencies = stored.Select(kv => kv.Value - started[kv.Key]).Order().ToArray();
                var perMinute = n / ((end - t0) / 60_000.0);
                var table = new Table().Title($"bench-pipeline: {n} text reports, {(parse.GetValue(rate) > 0 ? $"{parse.GetValue(rate)}/s" : "burst")}, {Environment.ProcessorCount} cores").AddColumns("Measure", "Value");
                table.AddRow("p50 latency upload→stored", Ms(Percentile(latencies, 0.50)));
                table.AddRow("p95 latency upload→stored", Ms(Percentile(latencies, 0.95)));
                table.AddRow("max latency", Ms(latencies[^1]));
                table.AddRow("throughput (reports/min)", perMinute.ToString("N0", CultureInfo.InvariantCulture));
                table.AddRow("upload phase", Ms(uploadedAt - t0));
                table.AddRow("first upload → last result", Ms(end - t0));
                table.AddRow("engine alone, one report, one thread", engineMs.ToString("N1", CultureInfo.InvariantCulture) + " ms");
                table.AddRow("machine load average (1 min) at end", File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?");
                table.AddRow("poison", poison.ToString(CultureInfo.InvariantCulture));
                AnsiConsole.Write(table);
                return poison == 0 ? 0 : 1;
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
                await container.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
                await bootstrap.Database.DeleteAsync(cancellationToken: CancellationToken.None);
            }
        });
        return command;
    }

    private static string Ms(double ms) => ms.ToString("N0", CultureInfo.InvariantCulture) + " ms";

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
