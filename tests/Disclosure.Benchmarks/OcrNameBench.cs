using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Disclosure.Sweep;
using Disclosure.Testing.Sweep;
using Spectre.Console;

namespace Disclosure.Benchmarks;

/// <summary>
/// `sweep-ocr-names --agencies N [--seed S]`: how OCR-read agency names fare against the registry (<see cref="OcrAgencyNames"/>).
/// Each agency of the synthetic registry is printed in full (江苏省 + name) and given k = 0…3 random edits, as OCR errs:
/// a character replaced (80%) by one drawn from the registry's own characters, dropped (10%) or doubled (10%). Drawing
/// replacements from the registry is harsher than OCR, whose confusions are look-alike glyphs that rarely spell a sibling
/// agency: the wrong-match rate here is an upper bound. Counts right, wrong (a silent wrong attribution), tie (flagged)
/// and unmatched per k, and the time per name.
/// </summary>
public static class OcrNameBench
{
    public static Command Create()
    {
        var count = new Option<int>("--agencies") { Description = "Approximate number of agencies", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the edits", DefaultValueFactory = _ => 11 };
        var command = new Command("sweep-ocr-names", "Measure OCR-read agency names matched against the registry") { count, seed };
        command.SetAction(parse =>
        {
            var registry = SweepScenario.Generate(parse.GetValue(count)).Registry;
            var matcher = new AgencyNameMatcher(registry);
            var pool = registry.SelectMany(a => a.Name).Distinct().Order().ToArray();
            var random = new Random(parse.GetValue(seed));
            var table = new Table().AddColumns("edits", "names", "right", "wrong (silent)", "tie (flagged)", "unmatched", "ms per name");
            // The first match builds the matcher's forms: not part of the per-name time.
            _ = OcrAgencyNames.Match(matcher, "江苏省" + registry[0].Name, 2023);
            for (var k = 0; k <= 3; k++)
            {
                var (right, wrong, tie, none) = (0, 0, 0, 0);
                var watch = Stopwatch.StartNew();
                foreach (var agency in registry)
                {
                    var read = Garble("江苏省" + agency.Name, k, random, pool);
                    var (match, _) = OcrAgencyNames.Match(matcher, read, 2023);
                    if (match.AgencyId == agency.Id)
                    {
                        right++;
                    }
                    else if (match.AgencyId is not null)
                    {
                        wrong++;
                    }
                    else if (match.Candidates is { Count: > 1 })
                    {
                        tie++;
                    }
                    else
                    {
                        none++;
                    }
                }

                watch.Stop();
                table.AddRow(I(k), I(registry.Count), Share(right, registry.Count), Share(wrong, registry.Count), Share(tie, registry.Count),
                    Share(none, registry.Count), (watch.Elapsed.TotalMilliseconds / registry.Count).ToString("0.00", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    /// <summary><paramref name="name"/> with <paramref name="edits"/> edits at distinct positions.</summary>
    private static string Garble(string name, int edits, Random random, char[] pool)
    {
        var chars = name.ToList();
        var positions = Enumerable.Range(0, chars.Count).OrderBy(_ => random.Next()).Take(edits).OrderDescending();
        foreach (var p in positions)
        {
            var roll = random.Next(10);
            if (roll == 0)
            {
                chars.RemoveAt(p);
            }
            else if (roll == 1)
            {
                chars.Insert(p, chars[p]);
            }
            else
            {
                char c;
                do
                {
                    c = pool[random.Next(pool.Length)];
                }
                while (c == chars[p]);
                chars[p] = c;
            }
        }

        return string.Concat(chars);
    }

    private static string I(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Share(int n, int total) => string.Create(CultureInfo.InvariantCulture, $"{n} ({100.0 * n / total:0.0}%)");
}
