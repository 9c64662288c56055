using System.Diagnostics;
using System.Text.RegularExpressions;
using Disclosure.Core.Contract;
using Disclosure.Integration.Tests.Infrastructure;
using Disclosure.Sweep;
using Disclosure.Testing.Sweep;

namespace Disclosure.Integration.Tests.Sweep;

/// <summary>
/// The HTML report, as the sweep writes it to the output container, opened in a real headless Chromium (Debian package,
/// installed by scripts/setup.sh): it renders, a screenshot is taken, and the rendered DOM carries the planted figures.
/// Fails, never skips, when Chromium is missing.
/// </summary>
[Collection(EmulatorFixture.Collection)]
public sealed partial class SweepReportBrowserTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task Html_report_renders_in_chromium_with_the_planted_figures()
    {
        var chromium = FindChromium();
        await using var h = new SweepHarness(emulators, "sweep-browser");
        var scenario = SweepScenario.Generate(320);
        await h.SeedAsync(scenario);
        var result = await h.Runner.RunAsync(scenario.Year);
        Assert.Equal(SweepRunStatus.Completed, result.Status);

        var work = Directory.CreateTempSubdirectory("sweep-browser-");
        try
        {
            var htmlPath = Path.Combine(work.FullName, "sweep.html");
            var html = (await h.Output.GetBlobClient($"{scenario.Year}/sweep-{scenario.Year}.html").DownloadContentAsync()).Value.Content.ToString();
            await File.WriteAllTextAsync(htmlPath, html);
            var url = new Uri(htmlPath).AbsoluteUri;

            var screenshot = Path.Combine(work.FullName, "sweep.png");
            await RunChromiumAsync(chromium, work.FullName, [$"--screenshot={screenshot}", "--window-size=1400,1800", "--hide-scrollbars", url]);
            var png = await File.ReadAllBytesAsync(screenshot);
            Assert.True(png.Length > 20_000, $"screenshot is only {png.Length} bytes");
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
            var artifacts = Path.Combine(emulators.RepoRoot, ".artifacts");
            Directory.CreateDirectory(artifacts);
            File.Copy(screenshot, Path.Combine(artifacts, "sweep-report.png"), overwrite: true);

            var dom = await RunChromiumAsync(chromium, work.FullName, ["--dump-dom", url]);
            Assert.Contains("<svg", dom, StringComparison.Ordinal);

            // Findings chart: one bar per sweep code with the planted number of agencies, and the unmatched reports.
            foreach (var code in SweepCalculator.SweepCodes)
            {
                Assert.Equal(scenario.Planted[code].Count, Attribute(dom, "finding-bar", "data-code", code, "data-count"));
            }

            Assert.Equal(scenario.PlantedUnmatched.Count, Attribute(dom, "finding-bar", "data-code", "UNMATCHED", "data-count"));

            // Compliance by region: missing and late agencies per region as planted.
            var byId = scenario.Registry.ToDictionary(a => a.Id);
            foreach (var region in scenario.Registry.Select(a => a.Region).Distinct())
            {
                Assert.Equal(scenario.Registry.Count(a => a.Region == region), Attribute(dom, "region-bar", "data-region", region, "data-expected"));
                Assert.Equal(scenario.Planted[FindingCodes.MissingReport].Count(id => byId[id].Region == region), Attribute(dom, "region-bar", "data-region", region, "data-missing"));
                Assert.Equal(scenario.Planted[FindingCodes.LateReport].Count(id => byId[id].Region == region), Attribute(dom, "region-bar", "data-region", region, "data-late"));
                Assert.Equal(scenario.Planted[FindingCodes.CarryoverMismatch].Count(id => byId[id].Region == region), Attribute(dom, "region-bar", "data-region", region, "data-carryover"));
            }

            // Year-on-year bars carry both years' totals of new applications.
            var received = result.Outcome!.Summary.YearOnYear.Single(f => f.Metric == "new_received");
            Assert.True(received.ThisYear > 0 && received.LastYear > 0);
            Assert.Matches($"<rect class=\"yoy-bar\" data-metric=\"new_received\" data-year=\"{scenario.Year}\" data-value=\"{received.ThisYear:0.##}\"", dom);
            Assert.Matches($"<rect class=\"yoy-bar\" data-metric=\"new_received\" data-year=\"{scenario.Year - 1}\" data-value=\"{received.LastYear:0.##}\"", dom);
            Assert.Contains($"data-kpi=\"missing\" data-value=\"{scenario.Planted[FindingCodes.MissingReport].Count}\"", dom, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static int Attribute(string dom, string cssClass, string keyAttribute, string key, string attribute)
    {
        var element = Regex.Match(dom, $"<g class=\"{cssClass}\" {keyAttribute}=\"{Regex.Escape(key)}\"[^>]*>");
        Assert.True(element.Success, $"no {cssClass} for {key} in the rendered DOM");
        var value = Regex.Match(element.Value, $" {attribute}=\"(\\d+)\"");
        Assert.True(value.Success, $"{cssClass} {key} lacks {attribute}");
        return int.Parse(value.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static string FindChromium()
    {
        foreach (var name in new[] { Environment.GetEnvironmentVariable("CHROMIUM"), "chromium", "chromium-browser" })
        {
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            if (Path.IsPathRooted(name) && File.Exists(name))
            {
                return name;
            }

            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        Assert.Fail("Chromium not found (looked for $CHROMIUM, chromium, chromium-browser on PATH). Run scripts/setup.sh, which installs the Debian package chromium.");
        return "";
    }

    internal static async Task<string> RunChromiumAsync(string chromium, string workDir, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={Path.Combine(workDir, "profile")}",
                 }.Concat(args))
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"chromium did not finish within 90 s: {await stderr}");
        }

        Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
