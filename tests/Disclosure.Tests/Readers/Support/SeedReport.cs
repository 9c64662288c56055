using System.Globalization;
using Disclosure.Core.Contract;
using Disclosure.Tests.Support;

namespace Disclosure.Tests.Readers.Support;

internal abstract record SeedBlock;

internal sealed record SeedParagraph(string Text, bool Heading) : SeedBlock;

internal sealed record SeedTable(int Number, TableSpec Table) : SeedBlock;

/// <summary>
/// A seed report (/work/shared/seeds/*.txt) split into paragraphs and its three tables, with tables 3 and 4 rebuilt in the
/// official merged layout from the numbers the seed prints. The HTML and DOCX renditions are made from this.
/// </summary>
internal sealed record SeedReport(string Name, string Title, IReadOnlyList<SeedBlock> Blocks)
{
    public TemplateVersion Template => Blocks.OfType<SeedTable>().Single(t => t.Number == 3).Table.Rows.Count == 28 ? TemplateVersion.V2021 : TemplateVersion.V2019;

    public TableSpec Table(int number) => Blocks.OfType<SeedTable>().Single(t => t.Number == number).Table;

    public static SeedReport Load(string name, bool headerCells = false)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Seeds, name + ".txt"));
        var blocks = new List<SeedBlock>();
        var pending = new List<string>();
        var section = 0;
        string? title = null;

        void FlushTable()
        {
            if (pending.Count == 0)
            {
                return;
            }

            blocks.Add(section switch
            {
                2 => new SeedTable(2, OfficialTableSpecs.Table2(pending)),
                3 => new SeedTable(3, OfficialTableSpecs.Table3(NumberRows(pending, 7), headerCells)),
                4 => new SeedTable(4, OfficialTableSpecs.Table4(NumberRows(pending, 15).Single(), headerCells)),
                _ => throw new InvalidDataException($"table lines outside sections 二–四 in {name}"),
            });
            pending.Clear();
        }

        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (line.Contains('\t', StringComparison.Ordinal) && section is 2 or 3 or 4)
            {
                pending.Add(line);
                continue;
            }

            FlushTable();
            if (title is null)
            {
                title = trimmed;
                blocks.Add(new SeedParagraph(trimmed, true));
                continue;
            }

            var heading = trimmed.Length > 2 && "一二三四五六".Contains(trimmed[0], StringComparison.Ordinal) && trimmed[1] == '、';
            if (heading)
            {
                section = "一二三四五六".IndexOf(trimmed[0], StringComparison.Ordinal) + 1;
            }

            blocks.Add(new SeedParagraph(trimmed, heading));
        }

        FlushTable();
        return new SeedReport(name, title ?? throw new InvalidDataException("empty seed"), blocks);
    }

    /// <summary>Rows of a tab table that hold at least <paramref name="count"/> numbers: their last <paramref name="count"/> numbers.</summary>
    private static List<string[]> NumberRows(List<string> lines, int count) =>
        lines.Select(l => l.Split('\t').Select(p => p.Trim()).Where(IsNumber).ToArray())
            .Where(n => n.Length >= count)
            .Select(n => n[^count..])
            .ToList();

    private static bool IsNumber(string s) => s.Length > 0 && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out _);
}
