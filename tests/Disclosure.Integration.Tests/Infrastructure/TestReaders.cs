using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Integration.Tests.Infrastructure;

/// <summary>The document readers the pipeline runs with in these tests (one place to change when backends land).</summary>
internal static class TestReaders
{
    public static void Register(IServiceCollection services) =>
        services.AddSingleton<IDocumentReader, PlaceholderTextReader>();

    /// <summary>Minimal text reader (one paragraph per line) until the real one is on main.</summary>
    private sealed class PlaceholderTextReader : IDocumentReader
    {
        public SourceFormat Format => SourceFormat.Text;

        public ValueTask<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
        {
            var (text, _) = Disclosure.Readers.Text.TextDecoder.Decode(content.Span);
            var blocks = text.Split('\n').Where(l => l.Trim().Length > 0).Select(l => (LayoutBlock)new LayoutParagraph(1, l.Trim())).ToList();
            return ValueTask.FromResult(ReadOutcome.Ok(new LayoutDocument(SourceFormat.Text, 1, blocks)));
        }
    }
}
