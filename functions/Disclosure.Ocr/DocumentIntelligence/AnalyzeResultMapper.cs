using System.Text.Json;
using Disclosure.Core.Layout;

namespace Disclosure.Ocr.DocumentIntelligence;

/// <summary>
/// Maps a Document Intelligence <c>AnalyzeResult</c> (pages, words, lines, paragraphs, tables with cells, kinds, spans,
/// boundingRegions) onto the layout model: tables become Grid tables with their spans and header kinds; paragraphs
/// (or lines, when the model returned none) outside tables and outside page headers/footers become paragraphs.
/// </summary>
public static class AnalyzeResultMapper
{
    public static LayoutDocument Map(JsonElement result, SourceFormat format)
    {
        var pages = Array(result, "pages").ToList();
        var words = pages.SelectMany(p => Array(p, "words").Select(w => (Span: Span(w), Confidence: w.TryGetProperty("confidence", out var c) ? c.GetDouble() : (double?)null)))
            .Where(w => w.Span.HasValue).Select(w => (Offset: w.Span!.Value.Offset, End: w.Span.Value.Offset + w.Span.Value.Length, w.Confidence))
            .OrderBy(w => w.Offset).ToList();

        var blocks = new List<(int Page, double Top, LayoutBlock Block)>();
        var tableSpans = new List<(int Offset, int End)>();
        foreach (var table in Array(result, "tables"))
        {
            var cells = new List<LayoutCell>();
            foreach (var cell in Array(table, "cells"))
            {
                var kind = cell.TryGetProperty("kind", out var k) ? k.GetString() : "content";
                var (page, box) = Region(cell);
                var spans = Spans(cell).ToList();
                var confs = words.Where(w => spans.Any(s => w.Offset >= s.Offset && w.End <= s.End) && w.Confidence.HasValue).Select(w => w.Confidence!.Value).ToList();
                cells.Add(new LayoutCell(
                    Int(cell, "rowIndex"), Int(cell, "columnIndex"),
                    cell.TryGetProperty("content", out var content) ? content.GetString() ?? "" : "",
                    Math.Max(1, Int(cell, "rowSpan", 1)), Math.Max(1, Int(cell, "columnSpan", 1)),
                    kind is "columnHeader" or "stubHead",
                    box, confs.Count > 0 ? confs.Min() : null, page));
            }

            tableSpans.AddRange(Spans(table));
            var (tablePage, tableBox) = Region(table);
            cells.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column));
            blocks.Add((tablePage ?? 1, tableBox?.Top ?? 0, new LayoutTable(tablePage ?? 1, cells, GridKind.Grid, tableBox)));
        }

        bool InTable(JsonElement e) => Spans(e).Any(s => tableSpans.Any(t => s.Offset >= t.Offset && s.Offset < t.End));

        var paragraphs = Array(result, "paragraphs").ToList();
        if (paragraphs.Count > 0)
        {
            foreach (var p in paragraphs)
            {
                var role = p.TryGetProperty("role", out var r) ? r.GetString() : null;
                if (role is "pageHeader" or "pageFooter" or "pageNumber" || InTable(p))
                {
                    continue;
                }

                var (page, box) = Region(p);
                blocks.Add((page ?? 1, box?.Top ?? 0, new LayoutParagraph(page ?? 1, p.GetProperty("content").GetString() ?? "", box, ParagraphConfidence(p))));
            }
        }
        else
        {
            foreach (var page in pages)
            {
                var number = Int(page, "pageNumber", 1);
                foreach (var line in Array(page, "lines").Where(l => !InTable(l)))
                {
                    var box = Box(line);
                    blocks.Add((number, box?.Top ?? 0, new LayoutParagraph(number, line.GetProperty("content").GetString() ?? "", box)));
                }
            }
        }

        double? ParagraphConfidence(JsonElement p)
        {
            var spans = Spans(p).ToList();
            var confs = words.Where(w => spans.Any(s => w.Offset >= s.Offset && w.End <= s.End) && w.Confidence.HasValue).Select(w => w.Confidence!.Value).ToList();
            return confs.Count > 0 ? confs.Average() : null;
        }

        var ordered = blocks.OrderBy(b => b.Page).ThenBy(b => b.Top).Select(b => b.Block).ToList();
        var ocr = format == SourceFormat.Image || pages.Any(p => p.TryGetProperty("unit", out var u) && u.GetString() == "pixel");
        return new LayoutDocument(format, Math.Max(pages.Count, 1), ordered, Ocr: ocr)
        {
            Notes = ["Azure AI Document Intelligence prebuilt-layout"],
        };
    }

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : [];

    private static int Int(JsonElement e, string name, int fallback = 0) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : fallback;

    private static (int Offset, int Length)? Span(JsonElement e) =>
        e.TryGetProperty("span", out var s) ? (Int(s, "offset"), Int(s, "length")) : null;

    private static IEnumerable<(int Offset, int End)> Spans(JsonElement e) =>
        Array(e, "spans").Select(s => (Int(s, "offset"), Int(s, "offset") + Int(s, "length")));

    private static (int? Page, BoundingBox? Box) Region(JsonElement e)
    {
        var region = Array(e, "boundingRegions").Cast<JsonElement?>().FirstOrDefault();
        return region is { } r ? (Int(r, "pageNumber", 1), Box(r)) : (null, null);
    }

    /// <summary>A polygon (x1,y1,…,x4,y4, possibly rotated) as its axis-aligned bounding box.</summary>
    private static BoundingBox? Box(JsonElement e)
    {
        var pts = Array(e, "polygon").Select(p => p.GetDouble()).ToList();
        if (pts.Count < 4)
        {
            return null;
        }

        var xs = pts.Where((_, i) => i % 2 == 0).ToList();
        var ys = pts.Where((_, i) => i % 2 == 1).ToList();
        return new BoundingBox(xs.Min(), ys.Min(), xs.Max(), ys.Max());
    }
}
