using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Disclosure.Layout;

namespace Disclosure.Ocr.TextLayer;

/// <summary>
/// A PDF whose every page has a text layer is read in-process (PdfPig, lattice then stream), with no program and no
/// service; any other PDF goes to <paramref name="scans"/> whole (Document Intelligence in Azure, where no poppler
/// exists). Encrypted and corrupt files fail here with their reason, before any service is billed.
/// </summary>
public sealed class TextLayerPdfReader(IDocumentReader scans, ReadLimits limits, int minTextLayerChars = 20) : IDocumentReader
{
    public SourceFormat Format => SourceFormat.Pdf;

    public ValueTask<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var layer = PdfPigTextLayer.Read(content, limits);
        if (layer.FailureCode is not null)
        {
            return ValueTask.FromResult(ReadOutcome.Fail(layer.FailureCode, layer.Failure!));
        }

        if (TextLayerPages.WithoutText(layer, minTextLayerChars).Count > 0)
        {
            return scans.ReadAsync(content, cancellationToken);
        }

        var lattice = TextLayerPages.Lattice(layer);
        return ValueTask.FromResult(ReadOutcome.Ok(TextLayerPages.Document(layer, [.. lattice.Select(p => p.Words)], [.. lattice.SelectMany(p => p.Grids)], false, layer.Notes)));
    }
}
