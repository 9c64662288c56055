using Disclosure.Core.Engine;
using Disclosure.Readers;

namespace Disclosure.Corpus;

/// <summary>The non-OCR readers (text, HTML, DOCX) from Disclosure.Readers.</summary>
internal static class ExtraReaders
{
    public static IEnumerable<IDocumentReader> Create(ReadLimits limits) => ReaderRegistry.CreateDefault(limits);
}
