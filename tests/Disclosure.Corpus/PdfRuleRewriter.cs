using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Disclosure.Corpus;

/// <summary>
/// Redraws the stroked border lines of a LibreOffice PDF (<c>x1 y m x2 y l S</c>) as thin filled rectangles
/// (<c>x y w h re f</c>), one per cell edge, as WPS and Word exports draw them. LibreOffice writes a classic xref table
/// and no object streams, so the file is rewritten object by object with a new xref table.
/// </summary>
public static partial class PdfRuleRewriter
{
    public static int Rewrite(string pdfPath)
    {
        var data = File.ReadAllBytes(pdfPath);
        var text = Encoding.Latin1.GetString(data);
        var startxref = int.Parse(StartXref().Matches(text)[^1].Groups[1].Value, CultureInfo.InvariantCulture);
        var trailerAt = text.IndexOf("trailer", startxref, StringComparison.Ordinal);
        var trailer = text[trailerAt..text.IndexOf("startxref", trailerAt, StringComparison.Ordinal)];
        var offsets = new SortedDictionary<int, int>();
        // Object numbers from the xref subsections: "first count" lines followed by entries.
        var lines = text[(startxref + 4)..trailerAt].Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var number = 0;
        foreach (var line in lines)
        {
            var parts = line.Split(' ');
            if (parts.Length == 2)
            {
                number = int.Parse(parts[0], CultureInfo.InvariantCulture);
                continue;
            }

            if (parts.Length == 3 && parts[2] == "n")
            {
                offsets[number] = int.Parse(parts[0], CultureInfo.InvariantCulture);
            }

            number++;
        }

        var ordered = offsets.OrderBy(kv => kv.Value).ToList();
        var bodies = new Dictionary<int, byte[]>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var start = ordered[i].Value;
            var end = i + 1 < ordered.Count ? ordered[i + 1].Value : startxref;
            bodies[ordered[i].Key] = data[start..end];
        }

        var rewritten = 0;
        foreach (var (num, body) in bodies.ToList())
        {
            var head = Encoding.Latin1.GetString(body, 0, Math.Min(body.Length, 400));
            var streamAt = head.IndexOf("stream", StringComparison.Ordinal);
            if (streamAt < 0 || !head.Contains("/FlateDecode", StringComparison.Ordinal) || head.Contains("/Length1", StringComparison.Ordinal)
                || head.Contains("/Subtype", StringComparison.Ordinal))
            {
                continue;
            }

            var dataStart = streamAt + 6 + (body[streamAt + 6] == '\r' ? 2 : 1);
            var endAt = Encoding.Latin1.GetString(body).LastIndexOf("endstream", StringComparison.Ordinal);
            string content;
            try
            {
                using var z = new ZLibStream(new MemoryStream(body[dataStart..endAt]), CompressionMode.Decompress);
                using var r = new StreamReader(z, Encoding.Latin1);
                content = r.ReadToEnd();
            }
            catch (InvalidDataException)
            {
                continue;
            }

            var changed = Lines(content, out var count);
            if (count == 0)
            {
                continue;
            }

            rewritten += count;
            using var packed = new MemoryStream();
            using (var z = new ZLibStream(packed, CompressionLevel.Optimal, true))
            {
                z.Write(Encoding.Latin1.GetBytes(changed));
            }

            var dict = LengthRef().Replace(head[..streamAt], "/Length " + packed.Length.ToString(CultureInfo.InvariantCulture));
            var obj = Encoding.Latin1.GetBytes(dict + "stream\n").Concat(packed.ToArray()).Concat(Encoding.Latin1.GetBytes("\nendstream\nendobj\n")).ToArray();
            bodies[num] = obj;
        }

        using var output = new MemoryStream();
        var headerEnd = ordered[0].Value;
        output.Write(data, 0, headerEnd);
        var newOffsets = new SortedDictionary<int, long>();
        foreach (var (num, _) in ordered)
        {
            newOffsets[num] = output.Position;
            output.Write(bodies[num]);
        }

        var xrefAt = output.Position;
        var max = newOffsets.Keys.Max();
        var xref = new StringBuilder().Append("xref\n0 ").Append(max + 1).Append("\n0000000000 65535 f \n");
        for (var n = 1; n <= max; n++)
        {
            xref.Append(newOffsets.TryGetValue(n, out var o) ? $"{o:D10} 00000 n \n" : "0000000000 65535 f \n");
        }

        xref.Append(trailer).Append("startxref\n").Append(xrefAt).Append("\n%%EOF\n");
        output.Write(Encoding.Latin1.GetBytes(xref.ToString()));
        File.WriteAllBytes(pdfPath, output.ToArray());
        return rewritten;
    }

    /// <summary>Each straight stroked segment becomes a filled rectangle as wide as the stroke, in the stroke's colour.</summary>
    private static string Lines(string content, out int count)
    {
        var width = 1.0;
        var colour = "0 0 0";
        var n = 0;
        var sb = new StringBuilder();
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (LineWidth().Match(line) is { Success: true } w)
            {
                width = double.Parse(w.Groups[1].Value, CultureInfo.InvariantCulture);
            }
            else if (StrokeColour().Match(line) is { Success: true } c)
            {
                colour = c.Groups[1].Value;
            }

            if (i + 1 < lines.Length && MoveTo().Match(line) is { Success: true } a && LineStroke().Match(lines[i + 1]) is { Success: true } b)
            {
                double P(Match m, int g) => double.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
                double x1 = P(a, 1), y1 = P(a, 2), x2 = P(b, 1), y2 = P(b, 2);
                var half = Math.Max(width, 0.5) / 2;
                string rect = Math.Abs(y1 - y2) < 0.01
                    ? F($"{Math.Min(x1, x2)} {y1 - half} {Math.Abs(x2 - x1)} {2 * half} re")
                    : Math.Abs(x1 - x2) < 0.01 ? F($"{x1 - half} {Math.Min(y1, y2) - half} {2 * half} {Math.Abs(y2 - y1) + 2 * half} re") : "";
                if (rect.Length > 0)
                {
                    sb.Append("q ").Append(colour).Append(" rg ").Append(rect).Append(" f Q\n");
                    n++;
                    i++;
                    continue;
                }
            }

            sb.Append(line);
            if (i + 1 < lines.Length)
            {
                sb.Append('\n');
            }
        }

        count = n;
        return sb.ToString();
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"/Length \d+ 0 R|/Length \d+")]
    private static partial Regex LengthRef();

    [GeneratedRegex(@"^([\d.]+) w$")]
    private static partial Regex LineWidth();

    [GeneratedRegex(@"^([\d.]+ [\d.]+ [\d.]+) RG$")]
    private static partial Regex StrokeColour();

    [GeneratedRegex(@"^(-?[\d.]+) (-?[\d.]+) m$")]
    private static partial Regex MoveTo();

    [GeneratedRegex(@"^(-?[\d.]+) (-?[\d.]+) l S$")]
    private static partial Regex LineStroke();
}
