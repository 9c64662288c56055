using System.Text.RegularExpressions;
using Disclosure.Core.Engine;
using Disclosure.Core.Layout;

namespace Disclosure.Readers.Text;

/// <summary>
/// Plain-text backend: lines become paragraphs; runs of tab-, pipe- or space-aligned lines become
/// <see cref="GridKind.Sequence"/> tables (cell order is reliable, column positions are not).
/// </summary>
public sealed partial class TextReader : IDocumentReader
{
    public SourceFormat Format => SourceFormat.Text;

    public ValueTask<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var (text, encoding) = TextDecoder.Decode(content.Span);
        if (LooksBinary(text))
        {
            return ValueTask.FromResult(ReadOutcome.Fail(FailureCodes.Corrupt,
                $"文本无法解码，可能是二进制文件或编码错误（undecodable text; tried {encoding}）"));
        }

        var document = Parse(text) with { Notes = [$"encoding {encoding}"] };
        return ValueTask.FromResult(ReadOutcome.Ok(document));
    }

    /// <summary>Parses decoded text into the layout model. Pure; used by tests and by other readers.</summary>
    public static LayoutDocument Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var logical = GlueContinuations(lines);
        var blocks = new List<LayoutBlock>();
        var pending = new List<IReadOnlyList<string>>();

        void FlushTable()
        {
            if (pending.Count == 0)
            {
                return;
            }

            var cells = new List<LayoutCell>();
            for (var r = 0; r < pending.Count; r++)
            {
                for (var c = 0; c < pending[r].Count; c++)
                {
                    cells.Add(new LayoutCell(r, c, pending[r][c]));
                }
            }

            blocks.Add(new LayoutTable(1, cells, GridKind.Sequence));
            pending.Clear();
        }

        for (var i = 0; i < logical.Count; i++)
        {
            var line = logical[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                // A blank line inside a table (PDF-to-text artefact) does not end it if a table line follows.
                if (pending.Count > 0 && NextNonBlank(logical, i + 1) is { } next && SplitCells(next) is not null)
                {
                    continue;
                }

                FlushTable();
                continue;
            }

            var cells = SplitCells(line);
            if (cells is not null)
            {
                pending.Add(cells);
            }
            else
            {
                FlushTable();
                blocks.Add(new LayoutParagraph(1, line.Trim()));
            }
        }

        FlushTable();
        return new LayoutDocument(SourceFormat.Text, 1, blocks);
    }

    /// <summary>
    /// A line that starts with '|' continues the row above when that row did not itself start with '|'
    /// (one cell per line, as some converters emit); the pieces are glued without a separator.
    /// </summary>
    private static List<string> GlueContinuations(string[] lines)
    {
        var result = new List<string>(lines.Length);
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.StartsWith('|') && result.Count > 0 && result[^1].Contains('|', StringComparison.Ordinal)
                && !result[^1].TrimStart().StartsWith('|'))
            {
                result[^1] += line;
            }
            else
            {
                result.Add(line);
            }
        }

        return result;
    }

    private static string? NextNonBlank(List<string> lines, int from)
    {
        for (var i = from; i < lines.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                return lines[i];
            }
        }

        return null;
    }

    /// <summary>Splits a table line into cells, or returns null for a prose line.</summary>
    internal static IReadOnlyList<string>? SplitCells(string line)
    {
        if (line.Contains('\t', StringComparison.Ordinal))
        {
            return line.Split('\t').Select(Clean).ToList();
        }

        if (line.Contains('|', StringComparison.Ordinal))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith('|'))
            {
                trimmed = trimmed[1..]; // markdown-style leading pipe
            }

            return trimmed.Split('|').Select(Clean).ToList();
        }

        // Space-aligned: two or more spaces separate cells, and the line carries at least two numbers.
        if (WideGap().IsMatch(line))
        {
            var parts = GapSeparator().Split(line.Trim()).Select(Clean).ToList();
            if (parts.Count >= 3 && parts.Count(p => NumberLike().IsMatch(p)) >= 2)
            {
                return parts;
            }
        }

        // A row of bare numbers separated by single spaces (e.g. table 4's fifteen figures).
        var tokens = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length >= 5 && tokens.All(t => NumberLike().IsMatch(t)))
        {
            return tokens;
        }

        return null;
    }

    private static string Clean(string cell) => cell.Trim().Trim('\u3000');

    private static bool LooksBinary(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        var sample = text.AsSpan(0, Math.Min(text.Length, 64 * 1024));
        var bad = 0;
        foreach (var ch in sample)
        {
            if (ch == '\uFFFD' || (char.IsControl(ch) && ch is not ('\n' or '\r' or '\t' or '\f')))
            {
                bad++;
            }
        }

        return bad > sample.Length / 50 + 2;
    }

    [GeneratedRegex(@"\S( {2,}|\u3000+)\S")]
    private static partial Regex WideGap();

    [GeneratedRegex(@" {2,}|\u3000+")]
    private static partial Regex GapSeparator();

    [GeneratedRegex(@"^[+\-增减]?[0-9０-９][0-9０-９,，.． ]*$")]
    private static partial Regex NumberLike();
}
