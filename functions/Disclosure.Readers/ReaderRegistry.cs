using Disclosure.Core.Engine;
using Disclosure.Readers.Docx;
using Disclosure.Readers.Html;

namespace Disclosure.Readers;

/// <summary>
/// The default format backends of this assembly (text, HTML, DOCX). Not named "Readers": a type of that name would be
/// shadowed by the namespace Disclosure.Readers in every Disclosure.* namespace.
/// </summary>
public static class ReaderRegistry
{
    /// <summary>Text, HTML and DOCX readers honouring <paramref name="limits"/>; add PDF/image backends after these.</summary>
    public static IReadOnlyList<IDocumentReader> CreateDefault(ReadLimits limits) =>
    [
        new Text.TextReader(limits),
        new HtmlReader(limits),
        new DocxReader(limits),
    ];
}
