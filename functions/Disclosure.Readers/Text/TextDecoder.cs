using System.Text;
using Disclosure.Core.Layout;

namespace Disclosure.Readers.Text;

/// <summary>
/// Decodes text and HTML bytes: BOMs, UTF-16 with or without BOM, strict UTF-8, else GB18030 (a superset of GBK/GB2312).
/// For HTML, a declared charset (&lt;meta charset&gt; or http-equiv) is honoured when the bytes agree with it.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static Encoding Gb18030 { get; } = CreateGb18030();

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

        return DecodeUtf8OrGb18030(bytes);
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
        if (declared is "gbk" or "gb2312" or "gb18030" or "x-gbk" or "cp936" or "windows-936" or "euc-cn" or "hz-gb-2312")
        {
            return (Gb18030.GetString(bytes), "gb18030 (declared " + declared + ")");
        }

        return DecodeUtf8OrGb18030(bytes);
    }

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

    private static (string Text, string Encoding) DecodeUtf8OrGb18030(ReadOnlySpan<byte> bytes)
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
            return (Gb18030.GetString(bytes), "gb18030");
        }
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
