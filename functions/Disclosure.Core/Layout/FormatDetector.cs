using System.Text;

namespace Disclosure.Core.Layout;

/// <summary>Decides a document's format from its first bytes; the file name is never consulted.</summary>
public static class FormatDetector
{
    private const int HtmlHeadBytes = 4096;
    private const int TextSampleBytes = 64 * 1024;

    private static ReadOnlySpan<byte> OleMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly string[] HtmlStartTags =
    [
        "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<table", "<div", "<p>", "<p ", "<h1", "<h2", "<h3",
        "<style", "<script", "<link", "<base", "<font", "<span", "<center", "<br", "<section", "<article", "<main",
    ];

    public static SourceFormat Detect(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            return SourceFormat.Unknown;
        }

        var head = content[..Math.Min(content.Length, 1024)];

        // An OLE compound file is a legacy .doc/.xls or an encrypted (password-protected) .docx: no reader handles it.
        if (head.StartsWith(OleMagic))
        {
            return SourceFormat.Unknown;
        }

        if (StartsWithSkippingWhitespace(head, "%PDF-"u8))
        {
            return SourceFormat.Pdf;
        }

        if (head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8))
        {
            // A zip: only a Word package counts; the reader verifies word/document.xml and reports anything else.
            return SourceFormat.Docx;
        }

        if (IsImage(head))
        {
            return SourceFormat.Image;
        }

        var sample = content[..Math.Min(content.Length, TextSampleBytes)];
        var utf16 = Utf16Kind(sample);
        if (!LooksLikeText(sample, utf16))
        {
            return SourceFormat.Unknown;
        }

        return LooksLikeHtml(DecodeHead(content[..Math.Min(content.Length, HtmlHeadBytes)], utf16))
            || LooksLikeHtmlFragment(DecodeHead(sample, utf16))
            ? SourceFormat.Html
            : SourceFormat.Text;
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

    /// <summary>
    /// A specific, readable reason (Chinese, then English) for content that <see cref="Detect"/> calls Unknown,
    /// so a failed result tells the submitter what to do instead of only "unrecognised".
    /// </summary>
    public static string DescribeUnknown(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            return "文件为空（empty file）";
        }

        if (content.StartsWith(OleMagic))
        {
            return "加密或旧版 .doc 文件（OLE 复合文档），请去除密码或另存为 .docx / PDF 后重新提交（encrypted DOCX or legacy .doc/.xls compound file）";
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) || content.StartsWith("Rar!"u8) || content.StartsWith((ReadOnlySpan<byte>)[0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]))
        {
            return "压缩包不是可读取的报告格式，请解压后提交报告文件（archive, not a report document）";
        }

        if (content.StartsWith("MZ"u8) || content.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]))
        {
            return "可执行文件不是报告（executable, not a report document）";
        }

        return "无法识别的文件格式：既不是文本、HTML、DOCX、PDF 也不是图片，可能是二进制文件或已损坏（unrecognised format: binary or corrupt content）";
    }

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

    private enum Utf16
    {
        None,
        LittleEndian,
        BigEndian,
    }

    /// <summary>UTF-16 by BOM, or without BOM by the shape of its code units (see <see cref="DetectUtf16"/>).</summary>
    private static Utf16 Utf16Kind(ReadOnlySpan<byte> sample)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Utf16.LittleEndian;
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Utf16.BigEndian;
        }

        var encoding = DetectUtf16(sample);
        return encoding is null ? Utf16.None : encoding.Equals(Encoding.Unicode) ? Utf16.LittleEndian : Utf16.BigEndian;
    }

    /// <summary>
    /// UTF-16 without a BOM: <see cref="Encoding.Unicode"/> (little-endian), <see cref="Encoding.BigEndianUnicode"/>, or null.
    /// Judged on the first 64 KB: at least one ASCII character (a zero high byte), and at least 90% of code units are
    /// plausible in a Chinese report (ASCII, general punctuation, CJK symbols, ideographs, full-width forms). UTF-8 and GBK
    /// text have no zero bytes, and random bytes are not plausible code units.
    /// </summary>
    public static Encoding? DetectUtf16(ReadOnlySpan<byte> content)
    {
        var sample = content[..(Math.Min(content.Length, TextSampleBytes) & ~1)];
        if (sample.Length < 4)
        {
            return null;
        }

        int leZeros = 0, beZeros = 0, lePlausible = 0, bePlausible = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            byte a = sample[i], b = sample[i + 1];
            if (b == 0 && a != 0)
            {
                leZeros++;
            }

            if (a == 0 && b != 0)
            {
                beZeros++;
            }

            lePlausible += PlausibleUnit(b, a) ? 1 : 0;
            bePlausible += PlausibleUnit(a, b) ? 1 : 0;
        }

        var pairs = sample.Length / 2;
        if (leZeros > 0 && lePlausible >= pairs * 9 / 10 && lePlausible >= bePlausible)
        {
            return Encoding.Unicode;
        }

        return beZeros > 0 && bePlausible >= pairs * 9 / 10 ? Encoding.BigEndianUnicode : null;
    }

    private static bool PlausibleUnit(byte high, byte low) => high switch
    {
        0 => low is >= 0x20 and < 0x7F or (byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C || low >= 0xA0,
        >= 0x20 and <= 0x27 => true, // general punctuation, number forms, enclosed numerals, box drawing
        0x30 or 0x31 => true, // CJK symbols and punctuation
        >= 0x34 and <= 0x9F => true, // CJK ideographs (and extension A)
        0xF9 or 0xFA or 0xFE or 0xFF => true, // compatibility ideographs, vertical and full-width forms
        _ => false,
    };

    private static string DecodeHead(ReadOnlySpan<byte> head, Utf16 utf16)
    {
        var even = head[..(head.Length & ~1)];
        return utf16 switch
        {
            Utf16.LittleEndian => Encoding.Unicode.GetString(even),
            Utf16.BigEndian => Encoding.BigEndianUnicode.GetString(even),
            // Markup is ASCII in UTF-8 and GB18030 alike; Latin-1 maps every byte, so nothing can fail here.
            _ => Encoding.Latin1.GetString(head),
        };
    }

    /// <summary>HTML starts (after BOM, whitespace, comments, an XML declaration or processing instructions) with a known tag.</summary>
    private static bool LooksLikeHtml(string head)
    {
        var text = head.ToLowerInvariant();
        var i = 0;
        while (true)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] is '\uFEFF' or '\u00EF' or '\u00BB' or '\u00BF'))
            {
                i++;
            }

            if (string.CompareOrdinal(text, i, "<!--", 0, 4) == 0)
            {
                var end = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (end < 0)
                {
                    // A comment longer than the head: only markup starts with one.
                    return true;
                }

                i = end + 3;
                continue;
            }

            if (string.CompareOrdinal(text, i, "<?", 0, 2) == 0)
            {
                var end = text.IndexOf("?>", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return false;
                }

                i = end + 2;
                continue;
            }

            break;
        }

        foreach (var tag in HtmlStartTags)
        {
            if (string.CompareOrdinal(text, i, tag, 0, tag.Length) == 0)
            {
                return true;
            }
        }

        if (string.CompareOrdinal(text, i, "<!doctype", 0, 9) == 0)
        {
            return text.IndexOf("html", i, StringComparison.Ordinal) is var h && h > 0 && h < i + 64;
        }

        return false;
    }

    /// <summary>A fragment whose first 64 KB hold html/body markup or a table with cells (text before the markup).</summary>
    private static bool LooksLikeHtmlFragment(string sample) =>
        sample.Contains("<html", StringComparison.OrdinalIgnoreCase)
        || sample.Contains("<body", StringComparison.OrdinalIgnoreCase)
        || (sample.Contains("<table", StringComparison.OrdinalIgnoreCase) && sample.Contains("<td", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Text has no NUL bytes (outside UTF-16), few control characters, and decodes as UTF-8 or as GB18030 with
    /// at most a handful of bad sequences. Binary junk fails one of these quickly.
    /// </summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> sample, Utf16 utf16)
    {
        if (utf16 != Utf16.None)
        {
            return LooksLikeUtf16Text(sample, utf16);
        }

        var zeros = 0;
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                zeros++;
            }
            else if ((b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C or 0x1A or 0x1B)) || b == 0x7F)
            {
                control++;
            }
        }

        if (zeros > sample.Length / 1000 || control > sample.Length / 100)
        {
            return false;
        }

        var body = sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? sample[3..] : sample;
        if (CountBadUtf8(body, out var multi) == 0)
        {
            return true;
        }

        var bad = CountBadGb18030(body, out multi);
        return bad <= Math.Max(1, multi / 200);
    }

    private static bool LooksLikeUtf16Text(ReadOnlySpan<byte> sample, Utf16 utf16)
    {
        var text = DecodeHead(sample, utf16);
        var control = 0;
        foreach (var c in text)
        {
            if ((c < 0x20 && c is not ('\n' or '\r' or '\t' or '\f')) || c is '\uFFFD' or '\u007F')
            {
                control++;
            }
        }

        return control <= Math.Max(1, text.Length / 100);
    }

    /// <summary>Invalid UTF-8 sequences in the sample; a sequence cut by the end of the sample is not counted.</summary>
    private static int CountBadUtf8(ReadOnlySpan<byte> s, out int multi)
    {
        var bad = 0;
        multi = 0;
        var i = 0;
        while (i < s.Length)
        {
            var b = s[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            var need = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
            if (need < 0)
            {
                bad++;
                i++;
                continue;
            }

            if (i + need >= s.Length)
            {
                // Truncated at the sample's end.
                break;
            }

            var ok = true;
            for (var k = 1; k <= need; k++)
            {
                if ((s[i + k] & 0xC0) != 0x80)
                {
                    ok = false;
                    break;
                }
            }

            if (ok)
            {
                multi++;
                i += need + 1;
            }
            else
            {
                bad++;
                i++;
            }
        }

        return bad;
    }

    /// <summary>Invalid GB18030 sequences (two-byte 81–FE + 40–7E/80–FE, four-byte 81–FE 30–39 81–FE 30–39).</summary>
    private static int CountBadGb18030(ReadOnlySpan<byte> s, out int multi)
    {
        var bad = 0;
        multi = 0;
        var i = 0;
        while (i < s.Length)
        {
            var b = s[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            if (b is 0x80 or 0xFF)
            {
                bad++;
                i++;
                continue;
            }

            if (i + 1 >= s.Length)
            {
                break;
            }

            var t = s[i + 1];
            if (t is >= 0x40 and <= 0xFE && t != 0x7F)
            {
                multi++;
                i += 2;
            }
            else if (t is >= 0x30 and <= 0x39)
            {
                if (i + 3 >= s.Length)
                {
                    break;
                }

                if (s[i + 2] is >= 0x81 and <= 0xFE && s[i + 3] is >= 0x30 and <= 0x39)
                {
                    multi++;
                    i += 4;
                }
                else
                {
                    bad++;
                    i++;
                }
            }
            else
            {
                bad++;
                i++;
            }
        }

        return bad;
    }
}
