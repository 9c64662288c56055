using System.Text.RegularExpressions;
using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Disclosure.Core.Vocabulary;

namespace Disclosure.Readers.Text;

/// <summary>
/// Plain-text backend: lines become paragraphs; runs of tab-, pipe- or space-aligned lines become
/// <see cref="GridKind.Sequence"/> tables (cell order is reliable, column positions are not).
/// </summary>
public sealed partial class TextReader : IDocumentReader
{
    public SourceFormat Format => SourceFormat.Text;

    private readonly ReadLimits _limits;

    public TextReader()
        : this(new ReadLimits())
    {
    }

    public TextReader(ReadLimits limits) => _limits = limits;

    public ValueTask<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var (text, encoding) = TextDecoder.Decode(content.Span);
        if (LooksBinary(text))
        {
            return ValueTask.FromResult(ReadOutcome.Fail(FailureCodes.Corrupt,
                $"文本无法解码，可能是二进制文件或编码错误（undecodable text; tried {encoding}）"));
        }

        if (EncodingFailure(encoding) is { } failure)
        {
            return ValueTask.FromResult(failure);
        }

        try
        {
            var document = Parse(text, _limits.MaxTextLines, cancellationToken, _limits.MaxTableCells) with { Notes = [$"encoding {encoding}"] };
            return ValueTask.FromResult(ReadOutcome.Ok(document));
        }
        catch (BudgetExceededException ex)
        {
            return ValueTask.FromResult(ReadOutcome.Fail(ex.Code, ex.Message));
        }
    }

    /// <summary>
    /// The failure for text whose encoding is unknown, or is Big5: traditional-Chinese text cannot be checked against the
    /// simplified template vocabulary, and reading it anyway would report every section as missing (a false accusation).
    /// </summary>
    internal static ReadOutcome? EncodingFailure(string encoding) =>
        encoding == TextDecoder.Unknown
            ? ReadOutcome.Fail(FailureCodes.UnknownEncoding,
                "无法识别文本编码：既不是 UTF-8/UTF-16，也不像 GB18030(GBK) 或 Big5（unknown encoding）")
            : encoding.StartsWith(TextDecoder.Big5Name, StringComparison.Ordinal)
                ? ReadOutcome.Fail(FailureCodes.UnsupportedFormat,
                    "繁体中文（Big5 编码）文本：模板词表为简体，无法可靠核对，请提交简体版（traditional Chinese Big5 text: submit the simplified version）")
                : null;

    /// <summary>Parses decoded text into the layout model. Pure; used by tests and by other readers.</summary>
    public static LayoutDocument Parse(string text) => Parse(text, int.MaxValue, CancellationToken.None);

    /// <summary>
    /// Parses decoded text, linear in its length: at most <paramref name="maxLines"/> non-blank lines (else
    /// <see cref="BudgetExceededException"/>), cancellation checked every few thousand lines.
    /// </summary>
    public static LayoutDocument Parse(string text, int maxLines, CancellationToken cancellationToken, int maxCells = int.MaxValue)
    {
        long cellCount = 0;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var logical = GlueContinuations(lines, maxLines, cancellationToken);
        var nextTableLine = NextTableLineFlags(logical, cancellationToken);
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
            ReaderWork.Add();
            if ((i & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var line = logical[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                // A blank line inside a table (PDF-to-text artefact) does not end it if a table line follows.
                if (pending.Count > 0 && nextTableLine[i])
                {
                    continue;
                }

                FlushTable();
                continue;
            }

            var cells = SplitCells(line);
            if (cells is not null)
            {
                cellCount += cells.Count;
                if (cellCount > maxCells)
                {
                    throw new BudgetExceededException(FailureCodes.MemoryLimit,
                        $"文本中的表格超过 {maxCells:N0} 个单元格的上限（table cell budget exceeded）");
                }

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
    /// For each line: is the next non-blank line after it a table line? One backward pass, so a million blank lines cost a
    /// million steps, not a million squared.
    /// </summary>
    private static bool[] NextTableLineFlags(List<string> lines, CancellationToken cancellationToken)
    {
        var flags = new bool[lines.Count];
        var next = false;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            ReaderWork.Add();
            flags[i] = next;
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                if ((i & 0xFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                next = SplitCells(lines[i]) is not null;
            }
        }

        return flags;
    }

    /// <summary>
    /// A line that starts with '|' continues the row above when that row did not itself start with '|'
    /// (one cell per line, as some converters emit); the pieces are glued without a separator, in a builder (linear).
    /// </summary>
    private static List<string> GlueContinuations(string[] lines, int maxLines, CancellationToken cancellationToken)
    {
        var result = new List<string>(Math.Min(lines.Length, 1 << 16));
        var glued = new System.Text.StringBuilder();
        var gluing = false;
        var nonBlank = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            ReaderWork.Add();
            if ((i & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var line = lines[i].TrimEnd();
            if (line.Length > 0 && ++nonBlank > maxLines)
            {
                throw new BudgetExceededException(FailureCodes.MemoryLimit,
                    $"文本超过 {maxLines:N0} 行的上限（text line budget exceeded: {maxLines:N0} non-blank lines）");
            }

            if (line.StartsWith('|') && result.Count > 0 && (gluing || (result[^1].Contains('|', StringComparison.Ordinal)
                && !result[^1].TrimStart().StartsWith('|'))))
            {
                if (!gluing)
                {
                    glued.Clear().Append(result[^1]);
                    gluing = true;
                }

                glued.Append(line);
                continue;
            }

            if (gluing)
            {
                result[^1] = glued.ToString();
                gluing = false;
            }

            result.Add(line);
        }

        if (gluing)
        {
            result[^1] = glued.ToString();
        }

        return result;
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
            if (parts.Count >= 3 && parts.Count(p => NumberShapes.TextToken().IsMatch(p)) >= 2)
            {
                return parts;
            }
        }

        // A row of bare numbers separated by single spaces (e.g. table 4's fifteen figures).
        var tokens = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length >= 5 && tokens.All(t => NumberShapes.TextToken().IsMatch(t)))
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
}
