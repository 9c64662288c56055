using System.IO.Compression;
using System.Text;
using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Disclosure.Readers.Docx;
using Disclosure.Tests.Readers.Support;
using DocumentFormat.OpenXml.Wordprocessing;
using WordTable = DocumentFormat.OpenXml.Wordprocessing.Table;

namespace Disclosure.Tests.Readers;

public sealed class DocxReaderTests
{
    private const string Seed001 = "001_f6b3b7a6d887a97c";
    private const string Seed004 = "004_cbc979190ed8f941";

    private static LayoutDocument Read(byte[] bytes) => LayoutAssert.Ok(new DocxReader().Read(bytes));

    [Fact]
    public void Seed_2021_docx_gives_official_merged_grids_pages_and_headers()
    {
        var doc = Read(DocxBuilder.FromSeed(SeedReport.Load(Seed004, headerCells: true)).Build());

        Assert.Equal(3, doc.Tables.Count());
        LayoutAssert.OfficialTable3(doc, TemplateVersion.V2021, LayoutAssert.Seed004Row1, headers: true);
        LayoutAssert.OfficialTable4(doc, LayoutAssert.Seed004Table4);

        // The explicit page break before section 三 starts page 2.
        Assert.Equal(2, doc.PageCount);
        Assert.Equal(1, doc.Paragraphs.Single(p => p.Text == "一、总体情况").Page);
        Assert.Equal(2, doc.Paragraphs.Single(p => p.Text == "三、收到和处理政府信息公开申请情况").Page);
        var t3 = LayoutAssert.TableWith(doc, "申请人情况");
        Assert.Equal(2, t3.Page);
        Assert.All(t3.Cells, c => Assert.Equal(2, c.Page));
        Assert.Equal("河南三门峡经济开发区管理委员会 2023 年政府信息公开工作年度报告", doc.Paragraphs.First().Text);
    }

    [Fact]
    public void Seed_2019_docx_gives_the_2019_layout()
    {
        var doc = Read(DocxBuilder.FromSeed(SeedReport.Load(Seed001, headerCells: true), pageBreakBeforeTable3: false).Build());
        LayoutAssert.OfficialTable3(doc, TemplateVersion.V2019, LayoutAssert.Seed001Row1, headers: true);
        LayoutAssert.OfficialTable4(doc, LayoutAssert.Seed001Table4);
        Assert.Equal(1, doc.PageCount);
        var t2 = LayoutAssert.TableWith(doc, "政府集中采购");
        LayoutAssert.Cell(t2, 0, 0, "第二十条第（一）项", 1, 4);
        Assert.Contains(t2.Cells, c => c.Text == "14.2404");
    }

    [Theory]
    [InlineData("001_f6b3b7a6d887a97c", TemplateVersion.V2019)]
    [InlineData("004_cbc979190ed8f941", TemplateVersion.V2021)]
    public void Docx_written_by_libreoffice_reads_to_the_official_layout(string seed, TemplateVersion template)
    {
        // LibreOffice Writer's conversion of the committed HTML renditions (004's sits in a layout table, so its DOCX has
        // the report tables nested in an outer table): a producer other than our builder, with styles and settings parts.
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "docx", seed + ".libreoffice.docx"));
        var doc = Read(bytes);
        var is2019 = template == TemplateVersion.V2019;

        // LibreOffice keeps the source line break between two HTML fragments as a space ("申请 人情况"); the grid is what is checked.
        using var _ = LayoutAssert.IgnoringSpaces();
        LayoutAssert.OfficialTable3(doc, template, is2019 ? LayoutAssert.Seed001Row1 : LayoutAssert.Seed004Row1, headers: null);
        LayoutAssert.OfficialTable4(doc, is2019 ? LayoutAssert.Seed001Table4 : LayoutAssert.Seed004Table4);
        Assert.Equal(3, doc.Tables.Count());
    }

    [Fact]
    public void Labels_split_over_runs_join_cleanly_and_soft_breaks_split_lines()
    {
        var paragraph = new Paragraph(
            new Run(new Text("新乡市卫滨区人民政府办公室")),
            new Run(new Break()),
            new Run(new Text("2019")),
            new Run(new RunProperties(new Bold()), new Text("年政府信息")),
            new Run(new Text("公开工作年度报告")));
        var cell = new TableCell(new Paragraph(new Run(new Text("法人或")), new Run(new Text("其他"))), new Paragraph(new Run(new Text("组织"))));
        var table = new WordTable(new TableRow(cell));
        var doc = Read(new DocxBuilder().Element(paragraph).Element(table).Build());

        Assert.Equal(["新乡市卫滨区人民政府办公室", "2019年政府信息公开工作年度报告"], doc.Paragraphs.Select(p => p.Text));
        LayoutAssert.Cell(Assert.Single(doc.Tables), 0, 0, "法人或其他组织");
    }

    [Fact]
    public void Rendered_page_breaks_content_controls_and_alternate_content()
    {
        var doc = Read(new DocxBuilder()
            .Paragraph("第一页")
            .Element(new Paragraph(new Run(new LastRenderedPageBreak(), new Text("第二页"))))
            .Element(new SdtBlock(new SdtContentBlock(new Paragraph(new Run(new Text("控件内"))))))
            .Element(new Paragraph(new Run(new DocumentFormat.OpenXml.AlternateContent(
                new DocumentFormat.OpenXml.AlternateContentChoice(new Run(new Text("文本框"))) { Requires = "wps" },
                new DocumentFormat.OpenXml.AlternateContentFallback(new Run(new Text("备用副本")))))))
            .Build());

        Assert.Equal(["第一页", "第二页", "控件内", "文本框"], doc.Paragraphs.Select(p => p.Text));
        Assert.Equal([1, 2, 2, 2], doc.Paragraphs.Select(p => p.Page));
        Assert.Equal(2, doc.PageCount);
    }

    [Fact]
    public void Deleted_text_field_codes_and_fallback_copies_are_not_read()
    {
        var paragraph = new Paragraph(
            new Run(new Text("保留")),
            new DeletedRun(new Run(new DeletedText("删除"))),
            new Run(new FieldCode(" PAGE ")),
            new Run(new Text("文字")));
        var doc = Read(new DocxBuilder().Element(paragraph).Build());
        Assert.Equal("保留文字", Assert.Single(doc.Paragraphs).Text);
    }

    [Fact]
    public void GridBefore_shifts_a_row_and_a_dangling_continue_is_kept()
    {
        var table = new WordTable(
            new TableRow(new TableCell(new Paragraph(new Run(new Text("a")))), new TableCell(new Paragraph(new Run(new Text("b"))))),
            new TableRow(
                new TableRowProperties(new GridBefore { Val = 1 }),
                new TableCell(new TableCellProperties(new VerticalMerge()), new Paragraph(new Run(new Text("c"))))));
        var t = Assert.Single(Read(new DocxBuilder().Element(table).Build()).Tables);
        LayoutAssert.Cell(t, 0, 0, "a");
        LayoutAssert.Cell(t, 0, 1, "b");
        LayoutAssert.Cell(t, 1, 1, "c");
    }

    [Fact]
    public void Table_nested_in_a_cell_is_read_as_layout_and_keeps_its_grid()
    {
        var inner = DocxBuilder.BuildTable(new TableSpec(
            [
                new[] { new SpecCell("内1", 2), new SpecCell("内2") },
                new[] { new SpecCell("内3") },
            ], 2));
        var outer = new WordTable(new TableRow(
            new TableCell(new Paragraph(new Run(new Text("外层")))),
            new TableCell(new Paragraph(new Run(new Text("表前"))), inner, new Paragraph())));
        var doc = Read(new DocxBuilder().Element(outer).Paragraph("表后").Build());

        Assert.Equal(["外层", "表前", "表后"], doc.Paragraphs.Select(p => p.Text));
        var t = Assert.Single(doc.Tables);
        LayoutAssert.Cell(t, 0, 0, "内1", 2, 1);
        LayoutAssert.Cell(t, 1, 1, "内3");
    }

    [Fact]
    public void Not_a_zip_fails_as_corrupt()
    {
        var outcome = new DocxReader().Read(Encoding.UTF8.GetBytes("这不是 Word 文件，只是改了扩展名的文本。"));
        LayoutAssert.Failed(outcome, FailureCodes.Corrupt, "不是有效的 DOCX（zip）文件");
    }

    [Fact]
    public void Truncated_zip_fails_as_corrupt()
    {
        var bytes = DocxBuilder.FromSeed(SeedReport.Load(Seed004)).Build();
        LayoutAssert.Failed(new DocxReader().Read(bytes.AsMemory(0, bytes.Length / 2)), FailureCodes.Corrupt, "不是有效的 DOCX（zip）文件");
    }

    [Fact]
    public void Ole_compound_file_is_reported_as_encrypted_or_legacy_doc()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[4088]];
        LayoutAssert.Failed(new DocxReader().Read(ole), FailureCodes.Encrypted, "加密或旧版 .doc 文件");
    }

    [Theory]
    [InlineData("docs/readme.txt", "没有 word/document.xml")]
    [InlineData("xl/workbook.xml", "Excel")]
    public void Zip_that_is_not_a_word_package_is_unsupported(string entry, string reason)
    {
        var bytes = Zip((entry, Encoding.UTF8.GetBytes("<x/>"), CompressionLevel.Optimal));
        LayoutAssert.Failed(new DocxReader().Read(bytes), FailureCodes.UnsupportedFormat, reason);
    }

    [Fact]
    public void Zip_bomb_by_compression_ratio_is_rejected()
    {
        // 20 MB of zeros deflates to about 20 KB: a ratio near 1000:1, over the 200:1 limit.
        var bomb = WithEntry(DocxBuilder.FromSeed(SeedReport.Load(Seed004)).Build(), "word/media/image1.bin", new byte[20 * 1024 * 1024]);
        Assert.True(bomb.Length < 200 * 1024, $"bomb fixture is {bomb.Length} bytes");
        LayoutAssert.Failed(new DocxReader().Read(bomb), FailureCodes.Bomb, "压缩比");
    }

    [Fact]
    public void Total_uncompressed_size_over_the_limit_is_rejected()
    {
        var docx = DocxBuilder.FromSeed(SeedReport.Load(Seed004)).Build();
        var reader = new DocxReader(new ReadLimits { MaxUncompressedBytes = 20_000 });
        LayoutAssert.Failed(reader.Read(docx), FailureCodes.Bomb, "解压后总大小");
    }

    [Fact]
    public void Lying_declared_sizes_are_held_to_what_they_declare()
    {
        // The central directory and local header claim 1,000 bytes; the deflate stream really holds 20 MB of zeros.
        var bomb = WithEntry(DocxBuilder.FromSeed(SeedReport.Load(Seed004)).Build(), "word/media/image1.bin", new byte[20 * 1024 * 1024]);
        var patched = PatchDeclaredSize(bomb, "word/media/image1.bin", 1000);

        // System.IO.Compression (which the OpenXml SDK also uses) stops at the declared size, so the declared-size checks
        // bound what any reader inflates; the reader's own counting pass is a second fence.
        using (var zip = new ZipArchive(new MemoryStream(patched), ZipArchiveMode.Read))
        {
            using var s = zip.GetEntry("word/media/image1.bin")!.Open();
            var total = 0L;
            var buffer = new byte[81920];
            int n;
            while ((n = s.Read(buffer)) > 0)
            {
                total += n;
            }

            Assert.True(total <= 1000, $"inflated {total} bytes");
        }

        Assert.True(new DocxReader().Read(patched).Succeeded);
    }

    [Fact]
    public void Document_without_text_fails_as_corrupt()
    {
        var bytes = new DocxBuilder().Element(new Paragraph()).Build();
        LayoutAssert.Failed(new DocxReader().Read(bytes), FailureCodes.Corrupt, "没有可读取的文字");
    }

    [Fact]
    public void Package_with_broken_document_xml_fails_as_corrupt()
    {
        var bytes = Zip(
            ("[Content_Types].xml", Encoding.UTF8.GetBytes("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"), CompressionLevel.Optimal),
            ("word/document.xml", Encoding.UTF8.GetBytes("<w:document><w:body><w:p>"), CompressionLevel.Optimal));
        var outcome = new DocxReader().Read(bytes);
        Assert.False(outcome.Succeeded);
        Assert.Equal(FailureCodes.Corrupt, outcome.ErrorCode);
        Assert.Contains("DOCX", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_document_xml_inside_a_valid_package_fails_as_corrupt()
    {
        var docx = new DocxBuilder().Paragraph("一、总体情况").Build();
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("word/document.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write(xml[..(xml.Length / 2)]);
        }

        var outcome = new DocxReader().Read(stream.ToArray());
        LayoutAssert.Failed(outcome, FailureCodes.Corrupt, "DOCX 文件已损坏");
    }

    [Fact]
    public void Dtd_in_document_xml_is_refused()
    {
        var docx = new DocxBuilder().Paragraph("一、总体情况").Build();
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>");
        }

        LayoutAssert.Failed(new DocxReader().Read(stream.ToArray()), FailureCodes.Corrupt, "DOCX 文件已损坏");
    }

    [Fact]
    public void Empty_input_fails()
    {
        LayoutAssert.Failed(new DocxReader().Read(Array.Empty<byte>()), FailureCodes.Empty, "文件为空");
        Assert.Equal(SourceFormat.Docx, new DocxReader().Format);
    }

    internal static byte[] Zip(params (string Name, byte[] Data, CompressionLevel Level)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data, level) in entries)
            {
                using var s = zip.CreateEntry(name, level).Open();
                s.Write(data);
            }
        }

        return stream.ToArray();
    }

    internal static byte[] WithEntry(byte[] docx, string name, byte[] data)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
            s.Write(data);
        }

        return stream.ToArray();
    }

    /// <summary>Rewrites the uncompressed size of one entry in its local header and its central directory record.</summary>
    private static byte[] PatchDeclaredSize(byte[] zip, string name, uint size)
    {
        var bytes = (byte[])zip.Clone();
        var nameBytes = Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var sig = BitConverter.ToUInt32(bytes, i);
            if (sig == 0x04034b50 && Matches(bytes, i + 30, BitConverter.ToUInt16(bytes, i + 26), nameBytes))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22), size);
            }
            else if (sig == 0x02014b50 && Matches(bytes, i + 46, BitConverter.ToUInt16(bytes, i + 28), nameBytes))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24), size);
            }
        }

        return bytes;
    }

    private static bool Matches(byte[] bytes, int at, int length, byte[] name) =>
        length == name.Length && at + length <= bytes.Length && bytes.AsSpan(at, length).SequenceEqual(name);
}
