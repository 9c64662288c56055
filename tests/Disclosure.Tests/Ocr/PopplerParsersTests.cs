using Disclosure.Ocr.Local;

namespace Disclosure.Tests.Ocr;

public sealed class PopplerParsersTests
{
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

}
