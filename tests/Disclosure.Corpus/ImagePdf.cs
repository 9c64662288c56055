using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Disclosure.Corpus;

/// <summary>Writes grey page images as an image-only PDF (one Flate-compressed image per page), as a scanner would.</summary>
public static class ImagePdf
{
    public static void Write(IReadOnlyList<(int W, int H, byte[] Px)> pages, int dpi, string path)
    {
        using var pdf = new MemoryStream();
        var offsets = new SortedDictionary<int, long>();
        void Write(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        void Begin(int id)
        {
            offsets[id] = pdf.Position;
            Write($"{id} 0 obj\n");
        }

        // Objects: 1 catalog, 2 pages, then per page i: page 3+3i, image 4+3i, content 5+3i.
        Write("%PDF-1.4\n");
        Begin(1);
        Write("<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        Begin(2);
        Write($"<< /Type /Pages /Count {pages.Count} /Kids [{string.Join(" ", pages.Select((_, i) => $"{3 + 3 * i} 0 R"))}] >>\nendobj\n");
        for (var i = 0; i < pages.Count; i++)
        {
            var (w, h, px) = pages[i];
            var pw = (w * 72.0 / dpi).ToString("0.###", CultureInfo.InvariantCulture);
            var ph = (h * 72.0 / dpi).ToString("0.###", CultureInfo.InvariantCulture);
            Begin(3 + 3 * i);
            Write($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {pw} {ph}] /Resources << /XObject << /Im0 {4 + 3 * i} 0 R >> >> /Contents {5 + 3 * i} 0 R >>\nendobj\n");
            using var packed = new MemoryStream();
            using (var z = new ZLibStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            {
                z.Write(px);
            }

            Begin(4 + 3 * i);
            Write($"<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length {packed.Length} >>\nstream\n");
            packed.Position = 0;
            packed.CopyTo(pdf);
            Write("\nendstream\nendobj\n");
            var content = $"q {pw} 0 0 {ph} 0 0 cm /Im0 Do Q";
            Begin(5 + 3 * i);
            Write($"<< /Length {content.Length} >>\nstream\n{content}\nendstream\nendobj\n");
        }

        var xref = pdf.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets.Values)
        {
            Write($"{offset:0000000000} 00000 n \n");
        }

        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        File.WriteAllBytes(path, pdf.ToArray());
    }
}
