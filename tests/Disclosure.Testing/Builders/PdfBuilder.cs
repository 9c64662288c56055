using System.Text;

namespace Disclosure.Testing;

/// <summary>
/// Writes minimal PDFs with a correct cross-reference table: N blank pages, optionally an /Encrypt dictionary, or N
/// blank scanned pages (each draws one white image over the whole page, so the reader OCRs it: a page with neither
/// letters nor an image has nothing to read and is not OCR'd).
/// </summary>
public static class PdfBuilder
{
    public static byte[] Scanned(int pages) => Blank(pages, scanned: true);

    /// <summary>One A4 page that draws <paramref name="content"/> (PDF operators, ASCII, no text).</summary>
    public static byte[] Drawn(string content) => Write(
    [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
    ], encrypted: false);

    public static byte[] Blank(int pages, bool encrypted = false, bool scanned = false)
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Count {pages} /Kids [{string.Join(" ", Enumerable.Range(0, pages).Select(i => $"{i + 3} 0 R"))}] >>",
        };
        // Objects 3 .. pages+2 are the pages; after them the shared page image and its content stream.
        var image = pages + 3;
        for (var i = 0; i < pages; i++)
        {
            objects.Add(scanned
                ? $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 {image} 0 R >> >> /Contents {image + 1} 0 R >>"
                : "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
        }

        if (scanned)
        {
            const string Draw = "q 595 0 0 842 0 0 cm /Im0 Do Q";
            objects.Add("<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\u00FF\u00FF\u00FF\u00FF\nendstream");
            objects.Add($"<< /Length {Draw.Length} >>\nstream\n{Draw}\nendstream");
        }

        if (encrypted)
        {
            // A standard-handler dictionary whose /U does not match the empty user password: a password is required.
            objects.Add("<< /Filter /Standard /V 1 /R 2 /O <" + new string('a', 64) + "> /U <" + new string('b', 64) + "> /P -4 >>");
        }

        return Write(objects, encrypted);
    }

    private static byte[] Write(List<string> objects, bool encrypted)
    {
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(sb.ToString()));
            sb.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.Latin1.GetByteCount(sb.ToString());
        sb.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets)
        {
            sb.Append($"{o:D10} 00000 n \n");
        }

        sb.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R");
        if (encrypted)
        {
            sb.Append($" /Encrypt {objects.Count} 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]");
        }

        sb.Append($" >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(sb.ToString());
    }
}
