using Disclosure.Ocr.Local;

namespace Disclosure.Tests.Ocr;

public sealed class PopplerParsersTests
{
    [Fact]
    public void Bbox_layout_keeps_every_word_including_adjacent_ones()
    {
        const string xhtml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml"><head><title></title></head><body><doc>
            <page width="595.276000" height="841.890000"><flow><block xMin="1" yMin="2" xMax="3" yMax="4"><line xMin="1" yMin="2" xMax="3" yMax="4"><word xMin="60.7" yMin="100" xMax="96.8" yMax="110">规章</word><word xMin="233.0" yMin="100" xMax="242.3" yMax="110">19</word><word xMin="359.4" yMin="100" xMax="368.6" yMax="110">18</word></line></block></flow></page>
            <page width="595.276000" height="841.890000"></page>
            </doc></body></html>
            """;

        var pages = PopplerParsers.ParseBboxLayout(xhtml, 1);

        Assert.Equal(2, pages.Count);
        Assert.Equal(["规章", "19", "18"], pages[0].Words.Select(w => w.Text));
        Assert.Equal(233.0, pages[0].Words[1].Box.Left);
        Assert.Empty(pages[1].Words);
    }

    [Fact]
    public void Tesseract_tsv_gives_words_with_confidence_scaled_to_points()
    {
        const string tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
            + "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n"
            + "5\t1\t1\t1\t1\t1\t300\t600\t150\t40\t96.5\t规章\n"
            + "5\t1\t1\t1\t1\t2\t900\t600\t50\t40\t41\t19\n";

        var page = Assert.Single(PopplerParsers.ParseTesseractTsv(tsv, 1, 72.0 / 300));

        Assert.True(page.Ocr);
        Assert.Equal(2480 * 72.0 / 300, page.Width, 3);
        Assert.Equal(["规章", "19"], page.Words.Select(w => w.Text));
        Assert.Equal(0.41, page.Words[1].Confidence!.Value, 3);
        Assert.Equal(900 * 72.0 / 300, page.Words[1].Box.Left, 3);
    }

    [Fact]
    public void Pdfinfo_fields_are_read()
    {
        var info = PopplerParsers.ParsePdfInfo("Producer: x\nEncrypted:      no\nPage size:      595.276 x 841.89 pts (A4)\nPages:          12\n");

        Assert.Equal(new PopplerParsers.PdfInfo(12, false, 595.276, 841.89), info);
    }
}
