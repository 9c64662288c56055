using System.Text;

namespace Disclosure.Core.Layout;

/// <summary>Decides a document's format from its first bytes; the file name is never consulted.</summary>
public static class FormatDetector
{
    public static SourceFormat Detect(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            return SourceFormat.Unknown;
        }

        var head = content[..Math.Min(content.Length, 1024)];
        if (StartsWithSkippingWhitespace(head, "%PDF-"u8))
        {
            return SourceFormat.Pdf;
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            // A zip: only a Word package counts; the reader verifies word/document.xml.
            return SourceFormat.Docx;
        }

        if (IsImage(head))
        {
            return SourceFormat.Image;
        }

        if (LooksLikeHtml(head))
        {
            return SourceFormat.Html;
        }

        return LooksLikeText(content[..Math.Min(content.Length, 64 * 1024)]) ? SourceFormat.Text : SourceFormat.Unknown;
    }

    public static string Name(SourceFormat format) => format switch
    {
        SourceFormat.Text => "txt",
        SourceFormat.Html => "html",
        SourceFormat.Docx => "docx",
        SourceFormat.Pdf => "pdf",
        SourceFormat.Image => "image",
        _ => "unknown",
    };

    private static bool IsImage(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47])
        || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
        || head.StartsWith("II*\0"u8)
        || head.StartsWith("MM\0*"u8)
        || head.StartsWith("GIF8"u8)
        || head.StartsWith("BM"u8) && head.Length > 14 && head[6] == 0 && head[7] == 0
        || (head.StartsWith("RIFF"u8) && head.Length >= 12 && head[8..12].SequenceEqual("WEBP"u8));

    private static bool StartsWithSkippingWhitespace(ReadOnlySpan<byte> head, ReadOnlySpan<byte> magic)
    {
        var i = 0;
        while (i < head.Length && i < 16 && (head[i] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or 0xEF or 0xBB or 0xBF))
        {
            i++;
        }

        return head[i..].StartsWith(magic);
    }

    private static bool LooksLikeHtml(ReadOnlySpan<byte> head)
    {
        // Decode loosely: markup is ASCII in every encoding we accept except UTF-16, handled by stripping zero bytes.
        Span<byte> ascii = stackalloc byte[head.Length];
        var n = 0;
        foreach (var b in head)
        {
            if (b != 0)
            {
                ascii[n++] = b;
            }
        }

        var text = Encoding.ASCII.GetString(ascii[..n]).TrimStart('\uFEFF', ' ', '\r', '\n', '\t', '?').ToLowerInvariant();
        return text.StartsWith("<!doctype html", StringComparison.Ordinal)
            || text.StartsWith("<html", StringComparison.Ordinal)
            || text.StartsWith("<head", StringComparison.Ordinal)
            || text.StartsWith("<body", StringComparison.Ordinal)
            || text.StartsWith("<meta", StringComparison.Ordinal)
            || text.StartsWith("<table", StringComparison.Ordinal)
            || (text.StartsWith("<", StringComparison.Ordinal) && (text.Contains("<html", StringComparison.Ordinal) || text.Contains("<body", StringComparison.Ordinal) || text.Contains("<table", StringComparison.Ordinal)));
    }

    /// <summary>Text has no NUL bytes outside UTF-16 and few control characters.</summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> sample)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return true;
        }

        var control = 0;
        var zeros = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                zeros++;
            }
            else if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C))
            {
                control++;
            }
        }

        // UTF-16 without BOM: about half the bytes are zero for CJK-free text; CJK UTF-16 has few zeros but no controls.
        if (zeros > 0 && zeros < sample.Length / 3)
        {
            return false;
        }

        return control <= sample.Length / 100;
    }
}
