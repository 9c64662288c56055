using Disclosure.Core.Engine;
using Disclosure.Core.Layout;

namespace Disclosure.Readers.Text;

/// <summary>
/// PLACEHOLDER written on the readers branch so <see cref="ReaderRegistry"/> compiles; the lead's TextReader replaces this
/// file at merge. It only decodes the bytes and returns one paragraph per non-empty line.
/// </summary>
public sealed class TextReader : IDocumentReader
{
    public SourceFormat Format => SourceFormat.Text;

    public ValueTask<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var (text, _) = TextDecoder.Decode(content.Span);
        var blocks = text.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .Select(l => (LayoutBlock)new LayoutParagraph(1, l))
            .ToList();
        return ValueTask.FromResult(blocks.Count == 0
            ? ReadOutcome.Fail(FailureCodes.Corrupt, "文本中没有文字（no text）")
            : ReadOutcome.Ok(new LayoutDocument(SourceFormat.Text, 1, blocks)));
    }
}
