using Disclosure.Ocr.Local;

namespace Disclosure.Tests.Ocr;

/// <summary>The digit count a cell's ink allows (ratios measured on 300 dpi corpus scans), as data.</summary>
public sealed class DigitWidthTests
{
    [Theory]
    [InlineData("1", 0.43, true)]
    [InlineData("1", 1.04, false)] // the ink of 11
    [InlineData("11", 1.04, true)]
    [InlineData("7", 1.14, false)] // the ink of 17
    [InlineData("17", 1.14, true)]
    [InlineData("0", 0.62, true)]
    [InlineData("0", 1.31, false)]
    [InlineData("20", 1.31, true)]
    [InlineData("291", 1.90, true)]
    [InlineData("48449", 3.55, true)]
    [InlineData("4849", 3.55, false)]
    [InlineData("5233.15", 0.5, true)] // not plain digits: no opinion
    [InlineData("-1", 3.0, true)]
    public void Ink_width_fits_the_reading_or_not(string reading, double ratio, bool fits) =>
        Assert.Equal(fits, DigitWidth.Fits(reading, ratio, DigitWidth.DefaultPerDigit));

    [Fact]
    public void The_page_calibrates_the_digit_width_once_it_has_enough_agreed_readings()
    {
        Assert.Equal(DigitWidth.DefaultPerDigit, DigitWidth.Calibrate([("20", 1.6), ("0", 0.8)]));

        // A wider font: every agreed reading is 25% wider than the default, and a '1' reading is left out of the measure.
        (string, double)[] wide = [("0", 0.78), ("20", 1.64), ("3", 0.78), ("45", 1.64), ("6", 0.78), ("1", 9.0)];
        var perDigit = DigitWidth.Calibrate(wide);
        Assert.InRange(perDigit, 0.85, 0.88);
        Assert.True(DigitWidth.Fits("20", 1.64, perDigit));
        Assert.False(DigitWidth.Fits("20", 1.64 * 1.5, perDigit));
    }
}
