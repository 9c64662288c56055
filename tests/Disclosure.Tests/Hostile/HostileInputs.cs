using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Disclosure.Core.Engine;
using Disclosure.Readers.Text;
using Disclosure.Tests.Ocr;
using Disclosure.Tests.Readers.Support;
using Disclosure.Tests.Support;

namespace Disclosure.Tests.Hostile;

/// <summary>
/// What a hostile input must come out as: "ok" (read: passed or findings), or failed with one of the codes listed.
/// ENGINE_ERROR is never expected: it means a reader threw.
/// </summary>
internal sealed record HostileCase(string Name, string[] Codes, string Why)
{
    public const string Ok = "ok";
}

/// <summary>
/// The hostile battery (issue 14): broken, huge, mislabelled and malicious inputs of every format, written into a folder
/// by code (deterministic: fixed seeds), each with the outcome it must get. Special files (FIFO, links to devices) are
/// made with mkfifo/ln where the OS has them.
/// </summary>
internal static class HostileInputs
{
    private static readonly string Seed = File.ReadAllText(Path.Combine(RepoPaths.Seeds, "000_76a3a994e5f9533b.txt"));

    private static string Fixture(string name) => Path.Combine(OcrTestPaths.Fixtures, name);

    public static IReadOnlyList<HostileCase> Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var cases = new List<HostileCase>();
        void Add(string name, byte[] bytes, string why, params string[] codes)
        {
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
            cases.Add(new HostileCase(name, codes, why));
        }

        var utf8 = Encoding.UTF8;
        var random = new Random(14);
        byte[] Random(int n)
        {
            var b = new byte[n];
            random.NextBytes(b);
            return b;
        }

        // Text.
        Add("t01-empty.txt", [], "empty file", FailureCodes.Empty);
        Add("t02-one-byte.txt", "a"u8.ToArray(), "one letter", FailureCodes.NotAReport);
        Add("t03-random-binary.bin", Random(65536), "random bytes", FailureCodes.UnsupportedFormat, FailureCodes.Corrupt);
        Add("t04-seed.txt", utf8.GetBytes(Seed), "a real report", HostileCase.Ok);
        Add("t05-million-blank-lines.txt", utf8.GetBytes(Seed + new string('\n', 1_000_000)), "a table then a million blank lines (was quadratic)", HostileCase.Ok);
        Add("t06-pipe-continuations.txt", utf8.GetBytes("一、总体情况\n项目|数量\n" + string.Concat(Enumerable.Repeat("|1\n", 350_000))),
            "350,000 '|' continuation lines (was quadratic)", FailureCodes.MemoryLimit);
        Add("t07-pipe-continuations-under-cap.txt", utf8.GetBytes(Seed + "\n项目|数量\n" + string.Concat(Enumerable.Repeat("|1\n", 150_000))),
            "150,000 continuation lines, under the line cap", HostileCase.Ok);
        Add("t08-many-lines.txt", utf8.GetBytes(string.Concat(Enumerable.Repeat("一行\n", 250_000))), "250,000 lines", FailureCodes.MemoryLimit);
        Add("t09-big5.txt", TextDecoder.Big5.GetBytes("政府資訊公開工作年度報告\n一、總體情況\n本機關依法公開政府資訊。\n"),
            "Big5 (traditional) text", FailureCodes.UnsupportedFormat);
        Add("t10-latin-junk.txt", [.. Enumerable.Range(0, 4000).Select(i => (byte)(i % 7 == 0 ? ' ' : 0x80 + random.Next(0x20)))],
            "high bytes that are no Chinese encoding", FailureCodes.UnknownEncoding, FailureCodes.Corrupt, FailureCodes.UnsupportedFormat);
        Add("t11-gb18030.txt", TextDecoder.Gb18030.GetBytes(Seed), "GB18030 report", HostileCase.Ok);
        Add("t12-utf16le.txt", Encoding.Unicode.GetBytes(Seed), "UTF-16LE without BOM", HostileCase.Ok);
        Add("t13-utf8-cut.txt", utf8.GetBytes(Seed + "报")[..^1], "UTF-8 cut inside its last character", HostileCase.Ok);
        Add("t14-escape-codes.txt", utf8.GetBytes("\u001b]0;pwned\u0007\u001b[2J" + Seed), "terminal escape codes", HostileCase.Ok);
        Add("t15-one-long-line.txt", utf8.GetBytes(new string('字', 2_000_000)), "one 6 MB line", FailureCodes.NotAReport);
        Add("t16-tab-walls.txt", utf8.GetBytes(string.Concat(Enumerable.Repeat(new string('\t', 5000) + "1\n", 500))), "500 lines of 5,000 tabs (2.5 million cells)",
            FailureCodes.MemoryLimit);
        Add("t17-cr-only.txt", utf8.GetBytes(Seed.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\n', '\r')), "old Mac line ends", HostileCase.Ok);
        Add("t18-repeated-200x.txt", utf8.GetBytes(string.Concat(Enumerable.Repeat(Seed + "\n", 200))), "the report 200 times", HostileCase.Ok);
        Add("t19-nul-interleaved.txt", [.. utf8.GetBytes(Seed).SelectMany(b => new[] { b, (byte)0 })], "NUL after every byte",
            FailureCodes.Corrupt, FailureCodes.UnsupportedFormat, HostileCase.Ok);
        Add("t20-bidi-overrides.txt", utf8.GetBytes("\u202E\u2066" + Seed), "bidi override characters", HostileCase.Ok);
        Add("t21-whitespace-only.txt", utf8.GetBytes(new string(' ', 10000) + new string('\n', 10000)), "whitespace only", FailureCodes.NotAReport, FailureCodes.Empty);
        Add("t22-deep-brackets.txt", utf8.GetBytes(new string('(', 500_000) + new string(')', 500_000)), "a million brackets", FailureCodes.NotAReport);
        Add("t23-huge-numbers.txt", utf8.GetBytes(Seed.Replace("0", new string('9', 400), StringComparison.Ordinal)), "400-digit numbers", HostileCase.Ok);
        Add("t24-long-pipe-row.txt", utf8.GetBytes(Seed + "\n" + string.Concat(Enumerable.Repeat("1|", 100_000)) + "\n"), "one row of 100,000 cells", HostileCase.Ok);

        // HTML.
        Add("h01-deep-divs.html", utf8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<div>", 200_000)) + "x" + string.Concat(Enumerable.Repeat("</div>", 200_000)) + "</body></html>"),
            "200,000 nested divs (was quadratic)", FailureCodes.MemoryLimit);
        Add("h02-many-cells.html", utf8.GetBytes("<html><body><table><tr>" + string.Concat(Enumerable.Repeat("<td>1</td>", 250_000)) + "</tr></table></body></html>"),
            "250,000 cells", FailureCodes.MemoryLimit);
        Add("h03-nested-tables.html", utf8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<table><tr><td>", 5000)) + "x</body></html>"),
            "5,000 nested tables", FailureCodes.MemoryLimit);
        Add("h04-nested-fonts.html", utf8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<font>", 100_000)) + "x</body></html>"),
            "100,000 unclosed fonts", FailureCodes.MemoryLimit);
        Add("h05-unclosed-p.html", utf8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<p>一", 100_000)) + "</body></html>"),
            "100,000 unclosed paragraphs", FailureCodes.NotAReport);
        Add("h06-gbk-declared-utf8.html", utf8.GetBytes("<html><head><meta charset=\"gbk\"></head><body><pre>" + Seed + "</pre></body></html>"),
            "declares GBK, is UTF-8", HostileCase.Ok);
        Add("h07-big5.html", TextDecoder.Big5.GetBytes("<html><head><meta charset=big5></head><body><p>政府資訊公開工作年度報告</p><p>一、總體情況</p></body></html>"),
            "Big5 page", FailureCodes.UnsupportedFormat);
        Add("h08-gbk.html", TextDecoder.Gb18030.GetBytes("<html><head><meta charset=gbk></head><body><pre>" + Seed + "</pre></body></html>"), "GBK page", HostileCase.Ok);
        Add("h09-huge-spans.html", utf8.GetBytes("<html><body><p>一、总体情况</p><table><tr><td rowspan=65534 colspan=1000>1</td></tr>" + string.Concat(Enumerable.Repeat("<tr><td colspan=1000>2</td></tr>", 3000)) + "</table></body></html>"),
            "huge row and column spans", FailureCodes.NotAReport, HostileCase.Ok);
        Add("h10-script-only.html", utf8.GetBytes("<html><head><script>" + new string('x', 100000) + "</script></head><body></body></html>"), "scripts only", FailureCodes.Corrupt);
        Add("h11-truncated.html", utf8.GetBytes(("<html><body><pre>" + Seed + "</pre></body></html>")[..(Seed.Length / 2)]), "cut in half", HostileCase.Ok, FailureCodes.NotAReport);
        Add("h12-unclosed-comment.html", utf8.GetBytes("<html><body><!--" + Seed + "</body></html>"), "an unclosed comment", FailureCodes.Corrupt);
        Add("h13-huge-attribute.html", utf8.GetBytes("<html><body><p title=\"" + new string('a', 3_000_000) + "\">一、总体情况</p></body></html>"), "a 3 MB attribute", FailureCodes.NotAReport);
        Add("h14-xxe.html", utf8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><html><body><p>&e;</p><pre>" + Seed + "</pre></body></html>"),
            "an external entity", HostileCase.Ok);
        Add("h15-utf16-declared.html", utf8.GetBytes("<html><head><meta charset=utf-16></head><body><pre>" + Seed + "</pre></body></html>"), "declares UTF-16, is UTF-8", HostileCase.Ok);
        Add("h16-many-attributes.html", utf8.GetBytes("<html><body><p " + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"a{i}=1 ")) + ">一</p></body></html>"), "50,000 attributes", FailureCodes.NotAReport);

        // DOCX.
        Add("d01-fake-zip.docx", [.. "PK\u0003\u0004"u8, .. Random(2000)], "PK then junk", FailureCodes.Corrupt);
        Add("d02-ole.docx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. Random(4000)], "OLE (encrypted or .doc)", FailureCodes.Encrypted, FailureCodes.UnsupportedFormat);
        Add("d03-ratio-bomb.docx", Zip(("[Content_Types].xml", utf8.GetBytes(ContentTypes)), ("word/document.xml", new byte[120_000_000])), "120 MB of zeros", FailureCodes.Bomb, FailureCodes.MemoryLimit);
        Add("d04-big-part.docx", Zip(("[Content_Types].xml", utf8.GetBytes(ContentTypes)), ("word/document.xml", BigDocumentXml(40_000_000, random))),
            "a 40 MB document.xml at an ordinary ratio", FailureCodes.MemoryLimit);
        Add("d05-xlsx.docx", Zip(("[Content_Types].xml", utf8.GetBytes("<Types/>")), ("xl/workbook.xml", "<workbook/>"u8.ToArray())), "a spreadsheet", FailureCodes.UnsupportedFormat);
        Add("d06-dtd.docx", Zip(("[Content_Types].xml", utf8.GetBytes(ContentTypes)), ("word/document.xml", utf8.GetBytes("<!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>"))), "a DTD (billion laughs)", FailureCodes.Corrupt);
        Add("d07-no-body.docx", Zip(("[Content_Types].xml", utf8.GetBytes(ContentTypes)), ("word/document.xml", utf8.GetBytes("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"))), "no body", FailureCodes.Corrupt);
        Add("d08-zip-slip.docx", Zip(("[Content_Types].xml", utf8.GetBytes(ContentTypes)), ("../../evil.txt", "x"u8.ToArray()), ("word/document.xml", utf8.GetBytes(DocumentXml("一、总体情况")))), "an entry named ../../", FailureCodes.NotAReport);
        var docx = DocxBuilder.FromSeed(SeedReport.Load("000_76a3a994e5f9533b")).Build();
        Add("d09-truncated.docx", docx[..(docx.Length / 2)], "cut in half", FailureCodes.Corrupt);
        Add("d10-seed.docx", docx, "a real report", HostileCase.Ok);
        Add("d11-many-entries.docx", Zip([("[Content_Types].xml", utf8.GetBytes(ContentTypes)), .. Enumerable.Range(0, 12_000).Select(i => ($"e{i}", Array.Empty<byte>()))]), "12,000 entries", FailureCodes.Bomb);
        Add("d12-deep-xml.docx", Zip(("[Content_Types].xml", utf8.GetBytes(ContentTypes)), ("word/document.xml", utf8.GetBytes(DocumentXml(string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", 20_000)))))),
            "20,000 nested content controls (System.Xml is quadratic in depth)", FailureCodes.MemoryLimit);

        // Images.
        var png = File.ReadAllBytes(Fixture("table2.png"));
        var negative = (byte[])png.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(negative.AsSpan(33), 0xFFFFFFF0);
        Add("i01-negative-chunk.png", negative, "a chunk length read as negative (was an endless loop)", FailureCodes.Corrupt);
        Add("i02-idat-past-end.png", png[..(png.Length / 2)], "image data past the end (was a raw exception)", FailureCodes.Corrupt);
        var jpeg = File.ReadAllBytes(Fixture("table2-scan.jpg"));
        var claims = (byte[])jpeg.Clone();
        var sof = claims.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xC0]);
        BinaryPrimitives.WriteUInt16BigEndian(claims.AsSpan(sof + 5), 8000);
        BinaryPrimitives.WriteUInt16BigEndian(claims.AsSpan(sof + 7), 8000);
        Add("i03-jpeg-claims-8000.jpg", claims, "a header claiming 8000×8000 (was read with made-up values)", FailureCodes.Corrupt);
        var huge = (byte[])png[..33].Clone();
        BinaryPrimitives.WriteUInt32BigEndian(huge.AsSpan(16), 100_000);
        BinaryPrimitives.WriteUInt32BigEndian(huge.AsSpan(20), 100_000);
        Add("i04-pixel-bomb.png", [.. huge, .. png[33..]], "a header of 100,000×100,000", FailureCodes.PixelLimit, FailureCodes.Corrupt);
        Add("i05-png-signature-only.png", png[..8], "a signature and nothing", FailureCodes.Corrupt, FailureCodes.UnsupportedFormat);
        Add("i06-jpeg-soi-only.jpg", [0xFF, 0xD8, 0xFF, 0xD9], "start and end markers only", FailureCodes.Corrupt, FailureCodes.UnsupportedFormat);
        Add("i07-jpeg-truncated.jpg", jpeg[..(jpeg.Length / 3)], "a third of a scan", FailureCodes.Corrupt);
        Add("i08-tiff-cycle.tif", TiffCycle(), "an IFD chain that loops", FailureCodes.Corrupt, FailureCodes.PixelLimit);
        Add("i09-gif.gif", [.. "GIF89a"u8, .. Random(100)], "a GIF", FailureCodes.UnsupportedFormat);
        var badZlib = (byte[])png.Clone();
        badZlib.AsSpan(png.AsSpan().IndexOf("IDAT"u8) + 4, 64).Fill(0x55);
        Add("i10-png-bad-zlib.png", badZlib, "valid chunks, broken compressed data", FailureCodes.Corrupt);

        // PDF.
        Add("p01-header-only.pdf", "%PDF-1.4\n"u8.ToArray(), "a header and nothing", FailureCodes.Corrupt);
        Add("p02-1000-pages.pdf", PdfBuilder.Blank(1000), "1,000 pages", FailureCodes.PageLimit);
        Add("p03-encrypted.pdf", PdfBuilder.Blank(1, encrypted: true), "a password is needed", FailureCodes.Encrypted);
        Add("p04-300-blank-pages.pdf", PdfBuilder.Scanned(300), "300 blank scanned pages to OCR (was 82 s and 2.5 GB of temp)", FailureCodes.Timeout);
        Add("p05-junk-after-header.pdf", [.. "%PDF-1.7\n"u8, .. Random(20000)], "a header then junk", FailureCodes.Corrupt);

        // Names and special files.
        Add("n01-$(touch pwned);`id`.txt", utf8.GetBytes(Seed), "shell metacharacters in the name", HostileCase.Ok);
        Add("n02-\u001b[2Jname.txt", utf8.GetBytes(Seed), "an escape code in the name", HostileCase.Ok);
        var sparse = Path.Combine(folder, "n03-oversized.txt");
        using (var stream = File.Create(sparse))
        {
            stream.SetLength(new ReadLimits().MaxBytes + 1);
        }

        cases.Add(new HostileCase("n03-oversized.txt", [FailureCodes.TooLarge], "over the size limit (sparse)"));
        if (OperatingSystem.IsLinux())
        {
            Run("mkfifo", Path.Combine(folder, "s01-fifo.txt"));
            cases.Add(new HostileCase("s01-fifo.txt", [FailureCodes.NotAFile], "a FIFO (was blocking forever)"));
            File.CreateSymbolicLink(Path.Combine(folder, "s02-dev-zero.txt"), "/dev/zero");
            cases.Add(new HostileCase("s02-dev-zero.txt", [FailureCodes.NotAFile], "a link to /dev/zero (was an out-of-memory crash)"));
            File.CreateSymbolicLink(Path.Combine(folder, "s03-dangling.txt"), Path.Combine(folder, "missing-target"));
            cases.Add(new HostileCase("s03-dangling.txt", [FailureCodes.Corrupt], "a dangling link"));
            File.CreateSymbolicLink(Path.Combine(folder, "s04-link-to-report.txt"), Path.Combine(folder, "t04-seed.txt"));
            cases.Add(new HostileCase("s04-link-to-report.txt", [HostileCase.Ok], "a link to a regular file is read"));
        }

        return cases;
    }

    private const string ContentTypes =
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

    private static string DocumentXml(string body) =>
        $"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>{body}</w:t></w:r></w:p></w:body></w:document>";

    private static byte[] BigDocumentXml(int bytes, Random random)
    {
        var sb = new StringBuilder(bytes + 1000);
        sb.Append("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
        while (sb.Length < bytes)
        {
            sb.Append("<w:p><w:r><w:t>").Append(random.Next(100_000_000)).Append(' ').Append(random.Next(100_000_000)).Append("</w:t></w:r></w:p>");
        }

        return Encoding.UTF8.GetBytes(sb.Append("</w:body></w:document>").ToString());
    }

    private static byte[] Zip(params (string Name, byte[] Data)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                s.Write(data);
            }
        }

        return ms.ToArray();
    }

    /// <summary>A little-endian TIFF whose only IFD points back at itself.</summary>
    private static byte[] TiffCycle()
    {
        var b = new byte[8 + 2 + 12 * 2 + 4];
        "II*\0"u8.CopyTo(b);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(8), 2);
        void Entry(int at, ushort tag, uint value)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at), tag);
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at + 2), 4);
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(at + 4), 1);
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(at + 8), value);
        }

        Entry(10, 256, 1000);
        Entry(22, 257, 1000);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(34), 8);
        return b;
    }

    private static void Run(string program, params string[] args)
    {
        using var p = System.Diagnostics.Process.Start(program, args);
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }
}
