using Disclosure.Ocr.Local;
using Disclosure.Ocr.Paddle;
using Disclosure.Ocr.Raster;

namespace Disclosure.Tests.Ocr;

/// <summary>PP-OCRv4 pieces: preprocessing, CTC decoding, the character list, and the real model on committed crops.</summary>
public sealed class PaddleOcrTests
{
    private static GrayImage Flat(int w, int h, byte value) => new(w, h, Enumerable.Repeat(value, w * h).ToArray());

    [Fact]
    public void A_short_crop_is_scaled_to_height_48_and_padded_with_mid_grey_zero_after_normalisation()
    {
        // 40×40 white: content 48 wide, padded to the minimum width 96.
        var (data, width, content) = RecognizerInput.Build(Flat(40, 40, 255));

        Assert.Equal((96, 48), (width, content));
        Assert.Equal(3 * 48 * 96, data.Length);
        var plane = 48 * 96;
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(1f, data[c * plane + 10 * 96 + 5]); // white → +1
            Assert.Equal(0f, data[c * plane + 10 * 96 + 60]); // padding → 0 (mid-grey), not white
        }
    }

    [Fact]
    public void A_wide_crop_keeps_its_aspect_and_black_is_minus_one()
    {
        // 300×50 black: 48 * 6 = 288 wide, no padding; a tall crop (10×60) is not rotated: 8 wide, padded to 96.
        var (data, width, content) = RecognizerInput.Build(Flat(300, 50, 0));
        Assert.Equal((288, 288), (width, content));
        Assert.All(data, v => Assert.Equal(-1f, v));

        var (_, tallWidth, tallContent) = RecognizerInput.Build(Flat(10, 60, 0));
        Assert.Equal((96, 8), (tallWidth, tallContent));
    }

    private static readonly CharacterList Abc = new(["a", "b", "c"]);

    private static float[] Steps(params (int Class, float P)[] steps)
    {
        var probs = new float[steps.Length * Abc.Classes];
        for (var t = 0; t < steps.Length; t++)
        {
            var rest = (1 - steps[t].P) / (Abc.Classes - 1);
            for (var c = 0; c < Abc.Classes; c++)
            {
                probs[t * Abc.Classes + c] = c == steps[t].Class ? steps[t].P : rest;
            }
        }

        return probs;
    }

    [Fact]
    public void Ctc_collapses_repeats_keeps_a_blank_separated_repeat_and_takes_the_best_probability_of_a_run()
    {
        // a a _ a b b _ (space) : "aab " — classes: 0 blank, 1 a, 2 b, 3 c, 4 space
        var probs = Steps((1, 0.6f), (1, 0.9f), (0, 0.99f), (1, 0.7f), (2, 0.8f), (2, 0.5f), (0, 0.9f), (4, 0.95f));

        var read = CtcDecoder.Decode(probs, 8, Abc.Classes, Abc);

        Assert.Equal("aab ", read.Text);
        Assert.Equal([0.9, 0.7, 0.8, 0.95], read.CharConfidences.Select(c => Math.Round(c, 2)));
        Assert.Equal(0.7, read.Confidence!.Value, 2);
    }

    [Fact]
    public void Ctc_of_blanks_only_is_an_empty_reading_without_confidence()
    {
        var read = CtcDecoder.Decode(Steps((0, 0.9f), (0, 0.8f)), 2, Abc.Classes, Abc);

        Assert.Equal("", read.Text);
        Assert.Null(read.Confidence);
    }

    [Fact]
    public void The_character_list_has_6623_entries_with_the_ideographic_space_and_fits_the_model_outputs()
    {
        var list = CharacterList.Load(Path.Combine(PaddleOcr.DefaultDirectory, PaddleOcr.CharacterFile));

        Assert.Equal(CharacterList.PpOcrV4Entries + 2, list.Classes);
        Assert.Equal("", list[0]);
        Assert.Equal(" ", list[list.Classes - 1]);
        Assert.Contains(Enumerable.Range(1, CharacterList.PpOcrV4Entries), i => list[i] == "\u3000");
        list.Check(6625);
        Assert.Throws<InvalidDataException>(() => list.Check(6624));
    }

    [Fact]
    public void A_trimmed_character_list_is_refused_by_the_model()
    {
        var lines = File.ReadAllText(Path.Combine(PaddleOcr.DefaultDirectory, PaddleOcr.CharacterFile)).Split('\n').Where(l => l.Trim().Length > 0).ToList();

        Assert.Throws<InvalidDataException>(() => new CharacterList(lines).Check(PaddleOcr.For(null).Characters.Classes));
    }

    [Theory]
    [InlineData("paddle-cell-48549.png", "48549")]
    [InlineData("paddle-cell-label.png", "其他对外管理服务事项")]
    public void The_real_model_reads_a_committed_grey_crop(string file, string expected)
    {
        var crop = Rasterizer.DecodeGray(File.ReadAllBytes(Path.Combine(OcrTestPaths.Fixtures, file)));

        var read = PaddleOcr.For(null).Recognize(crop);

        Assert.Equal(expected, read.Text);
        Assert.Equal(expected.Length, read.CharConfidences.Count);
        Assert.True(read.Confidence > 0.9, $"confidence {read.Confidence}");
    }

    [Fact]
    public void A_wrapped_label_is_split_into_its_lines_and_the_gap_inside_a_character_is_not_a_line()
    {
        // Two lines of ink 20 px high with a 12 px gap, and a third "line" that is two thin strokes 4 px apart (like 二).
        var page = Flat(200, 140, 255);
        void Ink(int y0, int y1)
        {
            for (var y = y0; y < y1; y++)
            {
                for (var x = 20; x < 180; x++)
                {
                    page.Pixels[y * 200 + x] = 0;
                }
            }
        }

        Ink(10, 30);
        Ink(42, 62);
        Ink(80, 86);
        Ink(90, 96);

        var lines = PaddleCellReader.Lines(page, new CellReader.PixelBox(0, 0, 200, 140));

        Assert.Equal([(10, 30), (42, 62), (80, 96)], lines.Select(l => (l.Top, l.Bottom)));
        Assert.All(lines, l => Assert.Equal((20, 180), (l.Left, l.Right)));
    }
}
