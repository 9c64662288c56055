using Disclosure.Core.Engine;
using Disclosure.Readers.Docx;
using Disclosure.Readers.Html;
using Disclosure.Readers.Text;
using TextReader = Disclosure.Readers.Text.TextReader;

namespace Disclosure.Fuzz;

/// <summary>
/// The reader entry points under the fuzzer. A reader may fail an input (that is data); it must not throw, hang or grow
/// without bound, so any exception escaping here is a crash AFL++ keeps. The image target runs the header probe and the
/// PNG decoder (what runs before any external program sees the file).
/// </summary>
public static class FuzzTargets
{
    private static readonly ReadLimits Limits = new();

    public static Action<byte[]> For(string target) => target switch
    {
        "text" => bytes => _ = new TextReader(Limits).ReadAsync(bytes, CancellationToken.None).AsTask().GetAwaiter().GetResult(),
        "html" => bytes => _ = new HtmlReader(Limits).Read(bytes),
        "docx" => bytes => _ = new DocxReader(Limits).Read(bytes),
        "image" => bytes => _ = Disclosure.Ocr.Local.FuzzEntry.Image(bytes),
        _ => throw new ArgumentException($"unknown target {target}: text|html|docx|image"),
    };
}
