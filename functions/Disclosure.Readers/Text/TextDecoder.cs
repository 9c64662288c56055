using System.Text;
using Disclosure.Core.Layout;

namespace Disclosure.Readers.Text;

/// <summary>
/// Decodes text and HTML bytes: BOMs, UTF-16 with or without BOM, strict UTF-8, then GB18030 (a superset of GBK/GB2312)
/// or Big5 when the byte statistics say so, else <see cref="Unknown"/>. The bytes decide; an HTML page's declared charset
/// is only recorded (and breaks the tie for pure ASCII), never followed against the bytes: a page that declares GBK but is
/// UTF-8 is read as UTF-8.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>The encoding name returned when the bytes fit none of the encodings a Chinese page can have.</summary>
    public const string Unknown = "unknown";

    /// <summary>The name returned for Big5 (traditional Chinese, incl. the HKSCS lead bytes).</summary>
    public const string Big5Name = "big5";

    /// <summary>
    /// Share of double-byte pairs that must lie in the GB2312 area (lead A1–F7, trail A1–FE; four-byte GB18030 sequences
    /// count too) for the text to be read as GB. Real GBK reports have a few GBK-only characters (names), well under 10%;
    /// Big5 text has 40% of its trail bytes in 40–7E, outside that area.
    /// </summary>
    private const double MinGbShare = 0.9;

    /// <summary>Share of pairs that must be well-formed Big5 (lead 81–FE, trail 40–7E or A1–FE) for Big5.</summary>
    private const double MinBig5Share = 0.99;

    public static Encoding Gb18030 { get; } = CreateGb18030();

    public static Encoding Big5 { get; } = Encoding.GetEncoding("big5");

    private static Encoding CreateGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    /// <summary>Returns the text and the name of the encoding used.</summary>
    public static (string Text, string Encoding) Decode(ReadOnlySpan<byte> bytes)
    {
        if (TryDecodeBom(bytes, out var bom))
        {
            return bom;
        }

        if (FormatDetector.DetectUtf16(bytes) is { } utf16)
        {
            return (utf16.GetString(TrimOdd(bytes)), utf16.Equals(Encoding.Unicode) ? "utf-16le" : "utf-16be");
        }

        return DecodeByStatistics(bytes);
    }

    /// <summary>
    /// Decodes an HTML page: a BOM wins, then UTF-16 without BOM, then the charset the page declares in its first bytes
    /// (GBK/GB2312/GB18030 are all read as GB18030; a page that declares UTF-8 but is not valid UTF-8 falls back to GB18030,
    /// as mislabelled pages are common), else strict UTF-8, else GB18030.
    /// </summary>
    public static (string Text, string Encoding) DecodeHtml(ReadOnlySpan<byte> bytes)
    {
        if (TryDecodeBom(bytes, out var bom))
        {
            return bom;
        }

        if (FormatDetector.DetectUtf16(bytes) is not null)
        {
            return Decode(bytes);
        }

        var declared = FindDeclaredCharset(bytes);
        var (text, encoding) = DecodeByStatistics(bytes);
        if (declared is null || encoding == Unknown)
        {
            return (text, encoding);
        }

        if (encoding == "utf-8" && Ascii.IsValid(bytes) && IsGbFamily(declared))
        {
            // Pure ASCII reads the same either way: name it as declared.
            return (text, "gb18030 (declared " + declared + ")");
        }

        var agrees = IsGbFamily(declared) ? encoding == "gb18030"
            : declared.StartsWith("big5", StringComparison.Ordinal) ? encoding == Big5Name
            : declared is "utf-8" or "utf8" ? encoding == "utf-8"
            : false;
        return (text, agrees ? $"{encoding} (declared {declared})" : $"{encoding} (declared {declared}, bytes disagree)");
    }

    private static bool IsGbFamily(string declared) =>
        declared is "gbk" or "gb2312" or "gb18030" or "x-gbk" or "cp936" or "windows-936" or "euc-cn" or "gb_2312-80" or "x-euc-cn";

    /// <summary>
    /// The charset an HTML page declares in its first 4 KB (&lt;meta charset=x&gt;, http-equiv content-type, or an XML
    /// declaration), lower-cased; null when none. Markup is ASCII in every encoding handled here except UTF-16.
    /// </summary>
    public static string? FindDeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 4096)];
        var text = Encoding.Latin1.GetString(head).ToLowerInvariant();
        var search = 0;
        while (true)
        {
            var at = text.IndexOf("charset", search, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            search = at + 7;
            var i = SkipSpaces(text, at + 7);
            if (i >= text.Length || text[i] != '=')
            {
                continue;
            }

            var value = ReadValue(text, SkipSpaces(text, i + 1));
            if (value.Length > 0)
            {
                return value;
            }
        }

        var xml = text.IndexOf("<?xml", StringComparison.Ordinal);
        if (xml >= 0)
        {
            var end = text.IndexOf("?>", xml, StringComparison.Ordinal);
            var enc = text.IndexOf("encoding", xml, StringComparison.Ordinal);
            if (enc > 0 && (end < 0 || enc < end))
            {
                var i = SkipSpaces(text, enc + 8);
                if (i < text.Length && text[i] == '=')
                {
                    var value = ReadValue(text, SkipSpaces(text, i + 1));
                    return value.Length > 0 ? value : null;
                }
            }
        }

        return null;
    }

    private static bool TryDecodeBom(ReadOnlySpan<byte> bytes, out (string Text, string Encoding) result)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            result = (Encoding.UTF8.GetString(bytes[3..]), "utf-8-bom");
            return true;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            result = (Encoding.Unicode.GetString(TrimOdd(bytes[2..])), "utf-16le");
            return true;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            result = (Encoding.BigEndianUnicode.GetString(TrimOdd(bytes[2..])), "utf-16be");
            return true;
        }

        // GB18030's own BOM (the encoding of U+FEFF).
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x84, 0x31, 0x95, 0x33]))
        {
            result = (Gb18030.GetString(bytes[4..]), "gb18030-bom");
            return true;
        }

        result = default;
        return false;
    }

    private static (string Text, string Encoding) DecodeByStatistics(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return (StrictUtf8.GetString(bytes), "utf-8");
        }
        catch (DecoderFallbackException) when (IsTruncatedUtf8Tail(bytes))
        {
            // A file cut inside its last character is still UTF-8: drop the partial character.
            return (Encoding.UTF8.GetString(bytes[..LastCompleteUtf8Boundary(bytes)]), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            var (pairs, gb, big5) = CountPairs(bytes);
            if (pairs == 0 || gb >= MinGbShare * pairs)
            {
                return (Gb18030.GetString(bytes), "gb18030");
            }

            if (big5 >= MinBig5Share * pairs)
            {
                return (Big5.GetString(bytes), Big5Name);
            }

            return (Gb18030.GetString(bytes), Unknown);
        }
    }

    /// <summary>
    /// One linear pass over the non-ASCII bytes taken as double-byte pairs: how many there are, how many lie in the GB2312
    /// area (or are GB18030 four-byte sequences), how many are well-formed Big5.
    /// </summary>
    internal static (int Pairs, int Gb, int Big5) CountPairs(ReadOnlySpan<byte> bytes)
    {
        int pairs = 0, gb = 0, big5 = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var lead = bytes[i];
            if (lead < 0x80)
            {
                continue;
            }

            pairs++;
            if (i + 1 >= bytes.Length)
            {
                break;
            }

            var trail = bytes[i + 1];
            if (lead is >= 0x81 and <= 0xFE && trail is >= 0x30 and <= 0x39 && i + 3 < bytes.Length
                && bytes[i + 2] is >= 0x81 and <= 0xFE && bytes[i + 3] is >= 0x30 and <= 0x39)
            {
                gb++;
                i += 3;
                continue;
            }

            if (lead is >= 0xA1 and <= 0xF7 && trail is >= 0xA1 and <= 0xFE)
            {
                gb++;
            }

            if (lead is >= 0x81 and <= 0xFE && trail is (>= 0x40 and <= 0x7E) or (>= 0xA1 and <= 0xFE))
            {
                big5++;
            }

            i++;
        }

        return (pairs, gb, big5);
    }

    private static bool IsTruncatedUtf8Tail(ReadOnlySpan<byte> bytes)
    {
        var cut = LastCompleteUtf8Boundary(bytes);
        if (cut == bytes.Length)
        {
            return false;
        }

        try
        {
            StrictUtf8.GetCharCount(bytes[..cut]);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Index just after the last complete UTF-8 sequence (a trailing lead byte with too few continuations is cut).</summary>
    private static int LastCompleteUtf8Boundary(ReadOnlySpan<byte> bytes)
    {
        var i = bytes.Length - 1;
        var back = 0;
        while (i >= 0 && back < 4 && (bytes[i] & 0xC0) == 0x80)
        {
            i--;
            back++;
        }

        if (i < 0)
        {
            return bytes.Length;
        }

        var lead = bytes[i];
        var need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return bytes.Length - i < need ? i : bytes.Length;
    }

    private static ReadOnlySpan<byte> TrimOdd(ReadOnlySpan<byte> bytes) => bytes[..(bytes.Length & ~1)];

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t' or '\r' or '\n')
        {
            i++;
        }

        return i;
    }

    private static string ReadValue(string text, int i)
    {
        if (i < text.Length && text[i] is '"' or '\'')
        {
            i++;
        }

        var start = i;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '_' or '.' or ':'))
        {
            i++;
        }

        return text[start..i];
    }
}
