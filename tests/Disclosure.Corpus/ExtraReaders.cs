using Disclosure.Core.Engine;

namespace Disclosure.Corpus;

/// <summary>The non-OCR readers (HTML, DOCX, text) from Disclosure.Readers, once they exist on main.</summary>
internal static class ExtraReaders
{
    public static IEnumerable<IDocumentReader> Create(ReadLimits limits) => [];
}
