using Disclosure.Ocr.Raster;

namespace Disclosure.Tests.Ocr;

public sealed class DeskewTests
{
    [Theory]
    [InlineData(1.39)]
    [InlineData(-0.95)]
    public void A_sparse_page_of_a_few_tilted_text_lines_gets_its_tilt_not_zero(double degrees)
    {
        // The last page of a report: six lines of "glyphs" (vertical strokes 40 px tall, ink spread evenly over the line's
        // height, as Chinese text is) and nothing else. With projection bins one pixel tall but rows sampled every second
        // pixel, 0° scored double and won here (the corpus scan lo-21-004, page 6: tilt 1.39°, read as −0.02°, so the
        // table part on it was not found).
        const int w = 2480, h = 3508;
        var px = Enumerable.Repeat((byte)245, w * h).ToArray();
        var t = Math.Tan(degrees * Math.PI / 180);
        for (var line = 0; line < 6; line++)
        {
            var top = 1300 + line * 110;
            for (var x0 = 400; x0 < 1500; x0 += 12)
            {
                for (var x = x0; x < x0 + 3; x++)
                {
                    for (var y = top; y < top + 40; y++)
                    {
                        px[(int)Math.Round(y + x * t) * w + x] = 20;
                    }
                }
            }
        }

        var angle = Deskew.EstimateAngle(new GrayImage(w, h, px));

        Assert.InRange(angle, degrees - 0.1, degrees + 0.1);
    }
}
