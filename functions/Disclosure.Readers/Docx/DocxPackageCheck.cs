using System.Buffers;
using System.IO.Compression;
using Disclosure.Core.Engine;

namespace Disclosure.Readers.Docx;

/// <summary>
/// Inspects a DOCX container with System.IO.Compression before the XML is parsed: is it a zip at all, is it a Word
/// package, and is it a decompression bomb. Declared sizes are checked first (cheap), then every entry is actually
/// inflated with a running cap, because declared sizes can lie.
/// </summary>
internal static class DocxPackageCheck
{
    /// <summary>Entries smaller than this are exempt from the ratio test: tiny XML parts legitimately compress very well.</summary>
    private const long RatioExemptBytes = 1024 * 1024;

    /// <summary>A real DOCX has tens of parts; tens of thousands is an attack on the central directory.</summary>
    private const int MaxEntries = 10_000;

    private static ReadOnlySpan<byte> OleMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Null when the package may be opened; otherwise the failure to report.</summary>
    public static ReadOutcome? Inspect(ReadOnlyMemory<byte> content, ReadLimits limits)
    {
        var span = content.Span;
        if (span.IsEmpty)
        {
            return ReadOutcome.Fail(FailureCodes.Empty, "文件为空（empty file）");
        }

        if (span.StartsWith(OleMagic))
        {
            return ReadOutcome.Fail(FailureCodes.Encrypted,
                "加密或旧版 .doc 文件（OLE 复合文档，不是 zip），请去除密码或另存为 .docx 后重新提交（encrypted DOCX or legacy .doc）");
        }

        if (!span.StartsWith("PK"u8))
        {
            return NotAZip();
        }

        ZipArchive archive;
        try
        {
            archive = new ZipArchive(AsStream(content), ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            return NotAZip();
        }

        using (archive)
        {
            System.Collections.ObjectModel.ReadOnlyCollection<ZipArchiveEntry> entries;
            try
            {
                // The central directory is read lazily, here: a count that disagrees with the directory throws (found by the fuzzer).
                entries = archive.Entries;
            }
            catch (InvalidDataException)
            {
                return NotAZip();
            }

            if (entries.Count > MaxEntries)
            {
                return Bomb($"条目数 {entries.Count:N0} 超过上限 {MaxEntries:N0}");
            }

            if (!IsWordPackage(archive))
            {
                return ReadOutcome.Fail(FailureCodes.UnsupportedFormat, DescribeOtherZip(archive));
            }

            long declared = 0;
            foreach (var entry in entries)
            {
                declared += Math.Max(0, entry.Length);
                if (declared > limits.MaxUncompressedBytes)
                {
                    return Bomb($"解压后总大小（声明）超过 {limits.MaxUncompressedBytes:N0} 字节");
                }

                if (entry.Length > RatioExemptBytes && entry.Length > limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                {
                    return Bomb($"条目 {Printable(entry.FullName)} 压缩比 {entry.Length / (double)Math.Max(1, entry.CompressedLength):N0}:1 超过上限 {limits.MaxCompressionRatio:N0}:1");
                }
            }

            // Declared sizes can lie: inflate every entry and count what really comes out.
            var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                long total = 0;
                foreach (var entry in entries)
                {
                    long produced = 0;
                    var entryCap = Math.Max(RatioExemptBytes, (long)(limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength)));
                    using var stream = entry.Open();
                    int n;
                    while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        produced += n;
                        total += n;
                        if (total > limits.MaxUncompressedBytes)
                        {
                            return Bomb($"解压后总大小超过 {limits.MaxUncompressedBytes:N0} 字节");
                        }

                        if (produced > entryCap)
                        {
                            return Bomb($"条目 {Printable(entry.FullName)} 实际解压大小远超压缩大小（压缩比上限 {limits.MaxCompressionRatio:N0}:1）");
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
            {
                return ReadOutcome.Fail(FailureCodes.Corrupt, $"DOCX 压缩包已损坏，无法解压：{ex.Message}（corrupt zip entry）");
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        return null;
    }

    /// <summary>The main document part named by the package relationships (officeDocument), else word/document.xml.</summary>
    public static string MainPartName(ZipArchive archive)
    {
        const string fallback = "word/document.xml";
        var rels = archive.GetEntry("_rels/.rels");
        if (rels is null || rels.Length > 1024 * 1024)
        {
            return fallback;
        }

        try
        {
            using var stream = rels.Open();
            using var reader = System.Xml.XmlReader.Create(stream, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read())
            {
                if (reader.NodeType == System.Xml.XmlNodeType.Element && reader.LocalName == "Relationship"
                    && reader.GetAttribute("Type") is { } type && type.EndsWith("/officeDocument", StringComparison.Ordinal)
                    && reader.GetAttribute("Target") is { Length: > 0 } target)
                {
                    return target.TrimStart('/');
                }
            }
        }
        catch (System.Xml.XmlException)
        {
            // A broken relationships part: fall back to the conventional name; the main part itself is checked next.
        }

        return fallback;
    }

    /// <summary>A read-only stream over the bytes, without copying when the memory is backed by an array.</summary>
    public static MemoryStream AsStream(ReadOnlyMemory<byte> content) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

    private static bool IsWordPackage(ZipArchive archive)
    {
        if (archive.GetEntry("word/document.xml") is not null)
        {
            return true;
        }

        // Some generators name the main part differently; the content types say what it is.
        var types = archive.GetEntry("[Content_Types].xml");
        if (types is null || types.Length > 1024 * 1024)
        {
            return false;
        }

        using var reader = new StreamReader(types.Open());
        var text = reader.ReadToEnd();
        return text.Contains("wordprocessingml.document.main+xml", StringComparison.Ordinal)
            || text.Contains("ms-word.document.macroEnabled.main+xml", StringComparison.Ordinal);
    }

    private static string DescribeOtherZip(ZipArchive archive)
    {
        string? what = null;
        if (archive.GetEntry("xl/workbook.xml") is not null)
        {
            what = "Excel 工作簿（.xlsx）";
        }
        else if (archive.GetEntry("ppt/presentation.xml") is not null)
        {
            what = "PowerPoint 演示文稿（.pptx）";
        }
        else if (archive.GetEntry("mimetype") is not null && archive.GetEntry("content.xml") is not null)
        {
            what = "OpenDocument 文档（.odt 等），请另存为 .docx";
        }

        return what is null
            ? "压缩包中没有 word/document.xml，不是 Word 文档（zip without word/document.xml: not a DOCX）"
            : $"压缩包是{what}，不是 Word 文档（zip is not a DOCX）";
    }

    private static ReadOutcome NotAZip() =>
        ReadOutcome.Fail(FailureCodes.Corrupt, "不是有效的 DOCX（zip）文件，文件可能已损坏或被截断（not a valid DOCX zip container）");

    private static ReadOutcome Bomb(string detail) =>
        ReadOutcome.Fail(FailureCodes.Bomb, $"疑似压缩炸弹：{detail}（decompression bomb rejected）");

    /// <summary>Entry names are untrusted: keep them short and free of control characters in messages.</summary>
    private static string Printable(string name)
    {
        var cleaned = new string(name.Where(c => !char.IsControl(c)).Take(80).ToArray());
        return cleaned.Length == 0 ? "?" : cleaned;
    }
}
