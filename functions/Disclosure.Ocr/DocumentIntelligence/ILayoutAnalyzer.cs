using Disclosure.Core.Engine;
using Disclosure.Core.Layout;

namespace Disclosure.Ocr.DocumentIntelligence;

/// <summary>
/// A cloud layout service: document bytes in, layout model out. Narrow on purpose, so the official SDK (when it can be
/// restored) replaces <see cref="DocumentIntelligenceClient"/> without touching the readers.
/// </summary>
public interface ILayoutAnalyzer
{
    Task<ReadOutcome> AnalyzeAsync(ReadOnlyMemory<byte> document, SourceFormat format, CancellationToken cancellationToken);
}

/// <summary>An <see cref="IDocumentReader"/> over an <see cref="ILayoutAnalyzer"/>, with the local limits checked first.</summary>
public sealed class LayoutAnalyzerReader(ILayoutAnalyzer analyzer, SourceFormat format, ReadLimits limits) : IDocumentReader
{
    public SourceFormat Format => format;

    public async ValueTask<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (format == SourceFormat.Image)
        {
            var info = Local.ImageProbe.Probe(content.Span);
            if (info.Kind == Local.ImageProbe.Kind.Unsupported)
            {
                return ReadOutcome.Fail(FailureCodes.UnsupportedFormat, $"不支持的图片格式 {info.Name}（supported images: PNG, JPEG, TIFF）");
            }

            if (info.Pixels > limits.MaxPixels)
            {
                return ReadOutcome.Fail(FailureCodes.PixelLimit, $"图片 {info.Width}×{info.Height} 像素，超过上限 {limits.MaxPixels:N0} 像素（pixel cap exceeded）");
            }
        }

        var outcome = await analyzer.AnalyzeAsync(content, format, cancellationToken).ConfigureAwait(false);
        if (outcome.Document is { } doc && doc.PageCount > limits.MaxPages)
        {
            return ReadOutcome.Fail(FailureCodes.PageLimit, $"文档共 {doc.PageCount} 页，超过上限 {limits.MaxPages} 页（page limit exceeded）");
        }

        return outcome;
    }
}
