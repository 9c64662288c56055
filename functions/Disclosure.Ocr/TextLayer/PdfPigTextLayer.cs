using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Disclosure.Layout;
using Disclosure.Ocr.Raster;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Graphics;

namespace Disclosure.Ocr.TextLayer;

/// <summary>A parsed PDF: its pages' letters and rules (null where a page could not be parsed), or why it cannot be read.</summary>
public sealed record PdfTextLayer(int PageCount, IReadOnlyList<TextLayerPage?> Pages, IReadOnlyList<string> Notes, string? FailureCode = null, string? Failure = null)
{
    public static PdfTextLayer Fail(string code, string message) => new(0, [], [], code, message);
}

/// <summary>Thresholds for turning drawn paths into rules, in points.</summary>
public sealed record PdfRuleOptions
{
    /// <summary>A filled rectangle at most this thick is a rule (exports draw borders as thin filled rectangles); thicker is shading.</summary>
    public double MaxRuleThickness { get; init; } = 3.0;

    /// <summary>Shorter strokes are glyph parts or bullets, not cell edges (the shortest cell edge is a line of text, ~9 pt).</summary>
    public double MinRuleLength { get; init; } = 4.0;

    /// <summary>A stroke this far from axis-aligned is a diagonal (a slashed header cell), not a rule.</summary>
    public double AxisTolerance { get; init; } = 0.5;

    /// <summary>Paint lighter than this (0..1 in every RGB channel) is invisible on white paper: a white cover, not a rule.</summary>
    public double InvisibleLightness { get; init; } = 0.9;

    /// <summary>Of the em box, the part above the baseline (CJK and Latin fonts alike put ~0.88 em above it).</summary>
    public double Ascent { get; init; } = 0.88;

    public static PdfRuleOptions Default { get; } = new();
}

/// <summary>
/// Reads a PDF's text layer in-process with PdfPig: letters with positions (em boxes from the baseline and point size),
/// and the rules of its drawn paths. Quirks never fail the read: control characters are dropped, letters without a
/// Unicode mapping are skipped and counted, a page that cannot be parsed is returned as null (the caller OCRs it), broken
/// metadata is never read. An encrypted or corrupt file is a failed result with a reason. No I/O besides the bytes given.
/// </summary>
public static class PdfPigTextLayer
{
    public static PdfTextLayer Read(ReadOnlyMemory<byte> content, ReadLimits limits, PdfRuleOptions? options = null)
    {
        options ??= PdfRuleOptions.Default;
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(content.ToArray(), new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException)
        {
            return PdfTextLayer.Fail(FailureCodes.Encrypted, "PDF 已加密，需要密码才能打开（encrypted PDF: a password is required）");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return PdfTextLayer.Fail(FailureCodes.Corrupt, $"PDF 已损坏，无法解析（corrupt PDF: {Clean(ex.Message)}）");
        }

        using (document)
        {
            int count;
            try
            {
                count = document.NumberOfPages;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return PdfTextLayer.Fail(FailureCodes.Corrupt, $"PDF 已损坏，无法解析（corrupt PDF: {Clean(ex.Message)}）");
            }

            if (count <= 0)
            {
                return PdfTextLayer.Fail(FailureCodes.Corrupt, "PDF 没有任何页面（PDF has 0 pages）");
            }

            if (count > limits.MaxPages)
            {
                return PdfTextLayer.Fail(FailureCodes.PageLimit, $"PDF 共 {count} 页，超过上限 {limits.MaxPages} 页（page limit exceeded）");
            }

            var pages = new TextLayerPage?[count];
            var notes = new List<string>();
            for (var n = 1; n <= count; n++)
            {
                try
                {
                    pages[n - 1] = ReadPage(document.GetPage(n), n, options);
                }
                catch (PdfDocumentEncryptedException)
                {
                    return PdfTextLayer.Fail(FailureCodes.Encrypted, "PDF 已加密，需要密码才能打开（encrypted PDF: a password is required）");
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    notes.Add($"PDF 第 {n} 页文字层无法解析，按无文字层处理（page {n}: {Clean(ex.Message)}）");
                }
            }

            var unmapped = pages.Where(p => p is { Unmapped: > 0 }).Select(p => $"{p!.Page}({p.Unmapped})").ToList();
            if (unmapped.Count > 0)
            {
                notes.Add($"PDF 第 {string.Join(",", unmapped)} 页有字符无 Unicode 映射，已跳过，相关单元格已标记（letters without a Unicode mapping were skipped）");
            }

            return new PdfTextLayer(count, pages, notes);
        }
    }

    private static TextLayerPage ReadPage(Page page, int number, PdfRuleOptions options)
    {
        var bounds = page.CropBox.Bounds;
        double originX = bounds.Left, originTop = bounds.Top;
        var width = bounds.Width;
        var height = bounds.Height;
        BoundingBox Box(double left, double bottomUp, double right, double topUp) =>
            new(left - originX, originTop - topUp, right - originX, originTop - bottomUp);

        var letters = new List<Glyph>(page.Letters.Count);
        var unmapped = new List<BoundingBox>();
        foreach (var letter in page.Letters)
        {
            var size = letter.PointSize > 0 ? letter.PointSize : Math.Max(letter.BoundingBox.Height, 1);
            BoundingBox box;
            if (letter.TextOrientation == TextOrientation.Horizontal)
            {
                var left = letter.StartBaseLine.X;
                var right = Math.Max(letter.EndBaseLine.X, left + 0.1 * size);
                box = Box(left, letter.StartBaseLine.Y - (1 - options.Ascent) * size, right, letter.StartBaseLine.Y + options.Ascent * size);
            }
            else
            {
                var b = letter.BoundingBox;
                box = Box(b.Left, b.Bottom, b.Right, b.Top);
            }

            var value = letter.Value ?? "";
            if (string.IsNullOrEmpty(value) || value.All(char.IsWhiteSpace))
            {
                letters.Add(new Glyph(" ", box, size));
                continue;
            }

            var text = Unify(new string([.. value.Where(c => !char.IsControl(c) && c != '\uFFFD' && !IsPrivateUse(c))]));
            if (text.Length == 0)
            {
                unmapped.Add(box);
                continue;
            }

            letters.Add(new Glyph(text, box, size));
        }

        var horizontal = new List<RuleSegment>();
        var vertical = new List<RuleSegment>();
        var shapes = 0;
        foreach (var path in page.Paths)
        {
            shapes += AddRules(path, options, horizontal, vertical, originX, originTop);
        }

        return new TextLayerPage(number, width, height, letters)
        {
            Horizontal = horizontal, Vertical = vertical, UnmappedBoxes = unmapped, ImageCover = ImageCover(page, width * height), FilledShapes = shapes,
        };
    }

    /// <summary>
    /// The share of the page its images cover (summed, capped at 1). An image PdfPig cannot place counts as covering the
    /// page: the page may be a scan, and OCR will tell.
    /// </summary>
    private static double ImageCover(Page page, double area)
    {
        try
        {
            var covered = 0.0;
            foreach (var image in page.GetImages())
            {
                var b = image.BoundingBox;
                covered += Math.Abs(b.Width * b.Height);
            }

            return area > 0 ? Math.Min(1, covered / area) : 0;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return 1;
        }
    }

    /// <summary>Adds the path's rules; returns how many of its subpaths are filled shapes that are not rules.</summary>
    private static int AddRules(PdfPath path, PdfRuleOptions options, List<RuleSegment> horizontal, List<RuleSegment> vertical, double originX, double originTop)
    {
        var filled = path.IsFilled && Visible(path.FillColor, options);
        var stroked = path.IsStroked && Visible(path.StrokeColor, options);
        var shapes = 0;
        if (!filled && !stroked)
        {
            return 0;
        }

        void Add(double x0, double y0, double x1, double y1)
        {
            // Page space has y up; layout space has y down from the crop box's top.
            (x0, x1) = (x0 - originX, x1 - originX);
            (y0, y1) = (originTop - y0, originTop - y1);
            if (Math.Abs(y1 - y0) <= options.AxisTolerance && Math.Abs(x1 - x0) >= options.MinRuleLength)
            {
                horizontal.Add(new RuleSegment((y0 + y1) / 2, Math.Min(x0, x1), Math.Max(x0, x1)));
            }
            else if (Math.Abs(x1 - x0) <= options.AxisTolerance && Math.Abs(y1 - y0) >= options.MinRuleLength)
            {
                vertical.Add(new RuleSegment((x0 + x1) / 2, Math.Min(y0, y1), Math.Max(y0, y1)));
            }
        }

        var rings = filled ? Rings(path, options) : [];
        foreach (var (outer, inner) in rings)
        {
            // A frame filled between two rectangles (`re re f*`, how some exports draw a cell's border): each band is a rule.
            var (top, bottom) = ((outer.Top + inner.Top) / 2, (outer.Bottom + inner.Bottom) / 2);
            var (left, right) = ((outer.Left + inner.Left) / 2, (outer.Right + inner.Right) / 2);
            Add(outer.Left, top, outer.Right, top);
            Add(outer.Left, bottom, outer.Right, bottom);
            Add(left, outer.Bottom, left, outer.Top);
            Add(right, outer.Bottom, right, outer.Top);
        }

        foreach (var subpath in path)
        {
            if (subpath.GetBoundingRectangle() is not { } r)
            {
                continue;
            }

            if (rings.Count > 0 && rings.Any(x => x.Outer.Equals(r) || x.Inner.Equals(r)))
            {
                continue;
            }

            var thin = Math.Min(r.Width, r.Height) <= options.MaxRuleThickness;
            if (filled && thin)
            {
                // A thin filled shape is a rule along its long side, through its middle.
                if (r.Width >= r.Height)
                {
                    Add(r.Left, (r.Bottom + r.Top) / 2, r.Right, (r.Bottom + r.Top) / 2);
                }
                else
                {
                    Add((r.Left + r.Right) / 2, r.Bottom, (r.Left + r.Right) / 2, r.Top);
                }

                continue;
            }

            if (filled)
            {
                shapes++;
            }

            if (!stroked)
            {
                continue; // a filled area (cell shading) has edges, but they are not rules
            }

            PdfPoint? start = null, current = null;
            foreach (var command in subpath.Commands)
            {
                switch (command)
                {
                    case PdfSubpath.Move move:
                        start = current = move.Location;
                        break;
                    case PdfSubpath.Line line:
                        Add(line.From.X, line.From.Y, line.To.X, line.To.Y);
                        current = line.To;
                        break;
                    case PdfSubpath.Close when start is { } s && current is { } c:
                        Add(c.X, c.Y, s.X, s.Y);
                        current = s;
                        break;
                    case PdfSubpath.CubicBezierCurve curve:
                        current = curve.EndPoint;
                        break;
                }
            }
        }

        return shapes;
    }

    /// <summary>
    /// Pairs of a path's subpath rectangles where one lies inside the other with every side's band at most
    /// <see cref="PdfRuleOptions.MaxRuleThickness"/> wide: a border frame filled between them, not a filled area.
    /// </summary>
    private static List<(PdfRectangle Outer, PdfRectangle Inner)> Rings(PdfPath path, PdfRuleOptions options)
    {
        var boxes = new List<PdfRectangle>();
        foreach (var subpath in path)
        {
            if (subpath.GetBoundingRectangle() is { } r && Math.Min(r.Width, r.Height) > options.MaxRuleThickness)
            {
                boxes.Add(r);
            }
        }

        var rings = new List<(PdfRectangle, PdfRectangle)>();
        if (boxes.Count < 2 || boxes.Count > MaxRingSubpaths)
        {
            return rings;
        }

        bool Band(double d) => d > MinRingBand && d <= options.MaxRuleThickness;
        foreach (var outer in boxes)
        {
            foreach (var inner in boxes)
            {
                if (!outer.Equals(inner) && Band(inner.Left - outer.Left) && Band(outer.Right - inner.Right)
                    && Band(inner.Bottom - outer.Bottom) && Band(outer.Top - inner.Top))
                {
                    rings.Add((outer, inner));
                }
            }
        }

        return rings;
    }

    /// <summary>A border frame is two subpaths (a few, where an export draws several cells' frames in one path); more is artwork.</summary>
    private const int MaxRingSubpaths = 16;

    /// <summary>A band narrower than this (points) is no ink: that side of the frame is open.</summary>
    private const double MinRingBand = 0.05;

    private static bool Visible(UglyToad.PdfPig.Graphics.Colors.IColor? color, PdfRuleOptions options)
    {
        if (color is null)
        {
            return true;
        }

        try
        {
            var (r, g, b) = color.ToRGBValues();
            return !(r > options.InvisibleLightness && g > options.InvisibleLightness && b > options.InvisibleLightness);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return true; // a colour space PdfPig cannot convert: assume ink
        }
    }

    private static bool IsPrivateUse(char c) => c is >= '\uE000' and <= '\uF8FF';

    /// <summary>Radical and compatibility code points some fonts use for common ideographs, brought to the ideograph.</summary>
    private static string Unify(string text) => Disclosure.Core.Vocabulary.RadicalForms.Unify(text);

    private static string Clean(string message) =>
        new string([.. message.Where(c => !char.IsControl(c))]).Trim() is { Length: > 0 } s ? (s.Length > 200 ? s[..200] : s) : "unknown error";
}
