using System.Text;
using CsCheck;
using Disclosure.Core.Engine;
using Disclosure.Core.Extraction;
using Disclosure.Readers;
using Disclosure.Readers.Html;
using Disclosure.Readers.Text;
using Disclosure.Tests.Readers.Support;
using Disclosure.Tests.Support;
using TextReader = Disclosure.Readers.Text.TextReader;

namespace Disclosure.Tests.Hostile;

/// <summary>
/// Property tests (CsCheck) over the text and HTML readers: real reports mutated at random — structural characters
/// inserted, spans deleted, lines and tags repeated — are never thrown on, and the work they cost is linear: the readers'
/// own loop steps (<see cref="ReaderWork"/>) are bounded by a constant times the lines and tags of the input, and the bytes
/// allocated on the thread (the parser and extractor included) by a constant times its size. Counted, not timed.
/// </summary>
public sealed class ReaderPropertyTests
{
    private static readonly string[] SeedNames = [.. Directory.GetFiles(RepoPaths.Seeds, "*.txt").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!];

    private static readonly string[] Texts = [.. SeedNames.Select(n => File.ReadAllText(Path.Combine(RepoPaths.Seeds, n + ".txt")))];

    /// <summary>The seeds the HTML renderer can rebuild in the official layout (it needs table 3's full rows).</summary>
    private static readonly string[] Pages = [.. SeedNames.Select(Render).OfType<string>()];

    private static string? Render(string name)
    {
        try
        {
            return HtmlRenderer.Render(SeedReport.Load(name), new HtmlStyle());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static readonly string[] TextPieces = ["|", "||", "\t", "  ", "\n", "\n\n\n", "\r", "|1|2|3\n", "一、总体情况\n", "（七）总计", "12", "增3", "\u3000", "\0", "\u001b[2J"];

    private static readonly string[] HtmlPieces = ["<div>", "</div>", "<table>", "</table>", "<tr>", "<td rowspan=9999>", "<td colspan=1000>", "</td>", "<br>", "<!--", "-->",
        "<p>", "<script>", "\"", "&amp;", "&#x0;", "<pre>", "<th>", "<font>", "<![CDATA[", "<table><tr><td>", "一、总体情况"];

    /// <summary>A mutation plan: which seed, the random seed of the edits, how many edits.</summary>
    private static readonly Gen<(int Seed, int Random, int Edits)> Plans = Gen.Select(Gen.Int[0, 4], Gen.Int, Gen.Int[1, 60]);

    [Fact]
    public void Mutated_text_reports_never_throw_and_cost_linear_work() =>
        Plans.Sample(plan =>
        {
            var text = Mutate(Texts[plan.Seed % Texts.Length], TextPieces, plan.Random, plan.Edits);
            var bytes = Encoding.UTF8.GetBytes(text);
            var (steps, allocated, outcome) = Measure(() => new TextReader().ReadAsync(bytes, CancellationToken.None).AsTask().Result);

            Assert.NotNull(outcome);
            var lines = text.Count(c => c is '\n' or '\r') + 1;
            Assert.True(steps <= 3L * lines + 16, $"{steps} steps for {lines} lines");
            Assert.True(allocated <= 400L * bytes.Length + (8 << 20), $"{allocated:N0} bytes allocated for {bytes.Length:N0}");
        }, iter: 150, threads: 1);

    [Fact]
    public void Mutated_html_reports_never_throw_and_cost_linear_work() =>
        Plans.Sample(plan =>
        {
            var html = Mutate(Pages[plan.Seed % Pages.Length], HtmlPieces, plan.Random, plan.Edits);
            var bytes = Encoding.UTF8.GetBytes(html);
            var (steps, allocated, outcome) = Measure(() => new HtmlReader().Read(bytes));

            Assert.NotNull(outcome);
            var tags = html.Count(c => c == '<') + 1;
            Assert.True(steps <= 16L * tags + 64, $"{steps} steps for {tags} tags");
            // The DOM costs a few hundred bytes per input byte; spanned cells add at most the grid's slot cap (4 million slots,
            // measured at about 38 bytes each: 153 MB for a 70 KB page of rowspan=9999 and colspan=1000 cells, seed 0DL3Q0dubIn2).
            Assert.True(allocated <= 1000L * bytes.Length + (192L << 20), $"{allocated:N0} bytes allocated for {bytes.Length:N0}");
        }, iter: 150, threads: 1);

    /// <summary>
    /// Doubling the hostile part doubles the work, not quadruples it: blank lines, continuations, elements, cells.
    /// Nesting is the exception: the HTML parser's work grows with depth squared (1,000 → 2,000 levels cost 3×), which is
    /// why the depth budget (2,000) refuses deeper pages before parsing; see Html_over_its_node_or_depth_budget_….
    /// </summary>
    [Theory]
    [InlineData("blank-lines")]
    [InlineData("continuations")]
    [InlineData("sibling-divs")]
    [InlineData("cells")]
    public void Work_grows_linearly_with_the_hostile_part(string shape)
    {
        long Work(int n)
        {
            var (steps, allocated, _) = shape switch
            {
                "blank-lines" => Measure(() => (object)TextReader.Parse(Texts[0] + new string('\n', n))),
                "continuations" => Measure(() => (object)TextReader.Parse("项目|数量\n" + string.Concat(Enumerable.Repeat("|1\n", n)))),
                "sibling-divs" => Measure(() => (object)new HtmlReader().Read(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<div>一</div>", n / 10))))),
                _ => Measure(() => (object)new HtmlReader().Read(Encoding.UTF8.GetBytes("<table><tr>" + string.Concat(Enumerable.Repeat("<td>1</td>", n / 10)) + "</tr></table>"))),
            };
            return steps + allocated / 64;
        }

        Work(20_000); // warm-up: first-call allocations (regexes, parser tables) are not the input's
        var small = Work(100_000);
        var large = Work(200_000);
        Assert.True(large <= 2.6 * small, $"{shape}: work {small:N0} at n, {large:N0} at 2n");
    }

    [Fact]
    public void Mutated_reports_go_through_the_whole_engine_without_an_engine_error()
    {
        var engine = new ReportEngine(ReaderRegistry.CreateDefault(new ReadLimits()));
        Plans.Sample(plan =>
        {
            var html = plan.Random % 2 == 0;
            var content = html ? Mutate(Pages[plan.Seed % Pages.Length], HtmlPieces, plan.Random, plan.Edits) : Mutate(Texts[plan.Seed % Texts.Length], TextPieces, plan.Random, plan.Edits);
            var result = engine.AnalyzeAsync("m", Encoding.UTF8.GetBytes(content)).GetAwaiter().GetResult();
            Assert.NotEqual(FailureCodes.EngineError, result.ErrorCode);
        }, iter: 60, threads: 1);
    }

    /// <summary>Found by the HTML property (CsCheck seed 65GrMFK_j5s1): a repeated table-3 header cell threw in the extractor.</summary>
    [Fact]
    public async Task Regression_a_repeated_table_3_header_cell_does_not_throw()
    {
        var html = Mutate(Pages[3 % Pages.Length], HtmlPieces, -18739, 9);
        var result = await new ReportEngine(ReaderRegistry.CreateDefault(new ReadLimits())).AnalyzeAsync("m.html", Encoding.UTF8.GetBytes(html));
        Assert.NotEqual(FailureCodes.EngineError, result.ErrorCode);
    }

    /// <summary>
    /// Found by the HTML property (CsCheck seed 5j9a_Nqdl7s2, plan (4, 132059241, 50)): a rowspan placed a million columns
    /// to the right padded every row it covered, 1.5 GB for a 189 KB page. Padding now counts against the grid's slot cap.
    /// </summary>
    [Theory]
    [InlineData("mutated")]
    [InlineData("far-right-rowspan")]
    public void Regression_a_rowspan_far_to_the_right_costs_no_more_than_the_slot_cap(string shape)
    {
        var html = shape == "mutated"
            ? Mutate(Pages[4 % Pages.Length], HtmlPieces, 132059241, 50)
            : "<table><tr>" + string.Concat(Enumerable.Repeat("<td colspan=1000>1</td>", 1300)) + "<td rowspan=0>x</td></tr>"
              + string.Concat(Enumerable.Repeat("<tr><td>2</td></tr>", 3000)) + "</table>";
        var bytes = Encoding.UTF8.GetBytes(html);
        var (_, allocated, outcome) = Measure(() => new HtmlReader().Read(bytes));

        Assert.NotNull(outcome);
        Assert.True(allocated <= 1000L * bytes.Length + (192L << 20), $"{allocated:N0} bytes allocated for {bytes.Length:N0}");
    }

    private static string Mutate(string source, string[] pieces, int seed, int edits)
    {
        var random = new Random(seed);
        var sb = new StringBuilder(source);
        for (var e = 0; e < edits && sb.Length > 0; e++)
        {
            var at = random.Next(sb.Length);
            switch (random.Next(4))
            {
                case 0:
                    sb.Insert(at, pieces[random.Next(pieces.Length)]);
                    break;
                case 1:
                    sb.Remove(at, Math.Min(sb.Length - at, random.Next(1, 200)));
                    break;
                case 2:
                    var piece = pieces[random.Next(pieces.Length)];
                    sb.Insert(at, string.Concat(Enumerable.Repeat(piece, random.Next(2, 2000))));
                    break;
                default:
                    var length = Math.Min(sb.Length - at, random.Next(1, 400));
                    var span = sb.ToString(at, length);
                    sb.Insert(at, string.Concat(Enumerable.Repeat(span, random.Next(2, 20))));
                    break;
            }
        }

        return sb.ToString();
    }

    private static (long Steps, long Allocated, T Result) Measure<T>(Func<T> read)
    {
        var steps = ReaderWork.Steps;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var result = read();
        if (result is ReadOutcome { Document: { } document })
        {
            _ = TemplateExtractor.Extract(document);
        }

        return (ReaderWork.Steps - steps, GC.GetAllocatedBytesForCurrentThread() - allocated, result);
    }
}
