using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Disclosure.Readers.Text;

namespace Disclosure.Readers.Html;

/// <summary>
/// Reads an HTML page into the layout model, in reading order: block-level text (headings, paragraphs, divs, list items,
/// lines separated by &lt;br&gt;) becomes paragraphs on page 1; each data &lt;table&gt; becomes a <see cref="GridKind.Grid"/>
/// table with rowspan/colspan expanded into true grid positions (a merged cell appears once, at its top-left).
/// A table that contains another table is taken for a layout table (common on government sites, where the whole page sits
/// in one): its cells are read as flow, so the paragraphs and data tables inside come out as blocks of their own.
/// Scripts, styles and hidden rows are ignored. A truncated page yields whatever was parsed.
/// </summary>
public sealed class HtmlReader : IDocumentReader
{
    /// <summary>Deeper than this, markup structure is ignored and only the text is kept (hostile nesting must not overflow the stack).</summary>
    private const int MaxDepth = 200;

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "head", "select", "option", "textarea", "iframe", "object", "embed", "svg",
        "math", "canvas", "audio", "video", "button", "input", "map",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "section",
        "article", "header", "footer", "nav", "aside", "main", "address", "center", "form", "fieldset", "figure",
        "figcaption", "hr", "title", "body", "html", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "legend",
    };

    private readonly ReadLimits _limits;

    public HtmlReader()
        : this(new ReadLimits())
    {
    }

    public HtmlReader(ReadLimits limits) => _limits = limits;

    public SourceFormat Format => SourceFormat.Html;

    public ValueTask<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(content.Span, cancellationToken));
    }

    public ReadOutcome Read(ReadOnlySpan<byte> content) => Read(content, CancellationToken.None);

    public ReadOutcome Read(ReadOnlySpan<byte> content, CancellationToken cancellationToken)
    {
        if (content.IsEmpty)
        {
            return ReadOutcome.Fail(FailureCodes.Empty, "文件为空（empty file）");
        }

        if (content.Length > _limits.MaxBytes)
        {
            return ReadOutcome.Fail(FailureCodes.TooLarge, $"HTML 文件过大：{content.Length:N0} 字节，上限 {_limits.MaxBytes:N0} 字节（file too large）");
        }

        var (html, encoding) = TextDecoder.DecodeHtml(content);
        if (Text.TextReader.EncodingFailure(encoding) is { } undecodable)
        {
            return undecodable;
        }

        if (HtmlBudget.Check(html, _limits, cancellationToken) is { } overBudget)
        {
            return overBudget;
        }

        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(MetaEquivGuard.Disarm(html));

        var walker = new Walker(cancellationToken);
        walker.Walk(document.DocumentElement, 0);
        walker.Flush();

        if (!walker.HasText)
        {
            return ReadOutcome.Fail(FailureCodes.Corrupt,
                "HTML 页面中没有可读取的文字，可能是空白页、图片页或已损坏（no readable text in the HTML page）");
        }

        return ReadOutcome.Ok(new LayoutDocument(SourceFormat.Html, 1, walker.Blocks)
        {
            Notes = [$"encoding {encoding}"],
            Properties = PageProperties(document),
        });
    }

    /// <summary>The page's &lt;title&gt; and the publisher its meta tags name (government CMSs write ContentSource or SiteName).</summary>
    private static Dictionary<string, string> PageProperties(AngleSharp.Dom.IDocument document)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(document.Title))
        {
            properties["title"] = document.Title.Trim();
        }

        foreach (var name in new[] { "ContentSource", "contentsource", "publisher", "author", "Author", "SiteName" })
        {
            var content = document.QuerySelector($"meta[name='{name}']")?.GetAttribute("content");
            if (!string.IsNullOrWhiteSpace(content))
            {
                properties["publisher"] = content.Trim();
                break;
            }
        }

        return properties;
    }

    /// <summary>Walks the DOM in document order, collecting paragraphs and tables.</summary>
    private sealed class Walker(CancellationToken cancellationToken)
    {
        private readonly StringBuilder _line = new();
        private int _preDepth;
        private int _visited;

        public List<LayoutBlock> Blocks { get; } = [];

        public bool HasText { get; private set; }

        public void Walk(INode node, int depth)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        AppendText(text.Data);
                        break;
                    case IElement element:
                        VisitElement(element, depth + 1);
                        break;
                }
            }
        }

        private void VisitElement(IElement element, int depth)
        {
            ReaderWork.Add();
            if ((++_visited & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var name = element.LocalName;
            if (Skipped.Contains(name) || element.HasAttribute("hidden"))
            {
                return;
            }

            if (depth > MaxDepth)
            {
                AppendDeepText(element);
                return;
            }

            if (name == "br")
            {
                Flush();
                return;
            }

            if (name == "table")
            {
                Flush();
                if (ContainsTable(element))
                {
                    // A layout table: read its cells as flow so the tables inside keep their own grids.
                    Walk(element, depth);
                }
                else
                {
                    AddTable(element);
                }

                Flush();
                return;
            }

            if (name == "tr" && IsHidden(element))
            {
                return;
            }

            var block = BlockElements.Contains(name);
            if (block)
            {
                Flush();
            }

            var pre = name is "pre" or "textarea" or "listing";
            if (pre)
            {
                _preDepth++;
            }

            Walk(element, depth);
            if (pre)
            {
                _preDepth--;
            }

            if (block)
            {
                Flush();
            }
        }

        private void AppendText(string data)
        {
            if (_preDepth == 0)
            {
                _line.Append(data);
                return;
            }

            // Preformatted text keeps its lines: each one is a paragraph.
            var lines = data.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    Flush();
                }

                _line.Append(lines[i]);
            }
        }

        private void AppendDeepText(IElement element)
        {
            // Iterative, so pathological nesting costs time, not the stack.
            var stack = new Stack<INode>();
            stack.Push(element);
            while (stack.Count > 0)
            {
                ReaderWork.Add();
                var node = stack.Pop();
                if (node is IText t)
                {
                    _line.Append(t.Data);
                    continue;
                }

                if (node is IElement e && Skipped.Contains(e.LocalName))
                {
                    continue;
                }

                for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
                {
                    stack.Push(node.ChildNodes[i]);
                }
            }
        }

        public void Flush()
        {
            if (_line.Length == 0)
            {
                return;
            }

            var text = LayoutText.Normalize(_line.ToString());
            _line.Clear();
            if (text.Length > 0)
            {
                Blocks.Add(new LayoutParagraph(1, text));
                HasText = true;
            }
        }

        private void AddTable(IElement table)
        {
            foreach (var caption in table.Children.Where(c => c.LocalName == "caption"))
            {
                var text = CellText(caption);
                if (text.Length > 0)
                {
                    Blocks.Add(new LayoutParagraph(1, text));
                    HasText = true;
                }
            }

            var grid = new GridBuilder();
            foreach (var row in TableRows(table))
            {
                if (IsHidden(row))
                {
                    continue;
                }

                grid.StartRow();
                foreach (var cell in row.Children)
                {
                    if (cell.LocalName is not ("td" or "th") || IsHidden(cell))
                    {
                        continue;
                    }

                    var text = CellText(cell);
                    HasText |= text.Length > 0;
                    grid.Add(text, Span(cell, "rowspan", 0, 65534), Span(cell, "colspan", 1, 1000), cell.LocalName == "th");
                }
            }

            var cells = grid.Build();
            if (cells.Count > 0)
            {
                Blocks.Add(new LayoutTable(1, cells, GridKind.Grid));
            }
        }

        /// <summary>The rows of this table (directly or under thead/tbody/tfoot), in document order; never a nested table's.</summary>
        private static IEnumerable<IElement> TableRows(IElement table)
        {
            foreach (var child in table.Children)
            {
                if (child.LocalName == "tr")
                {
                    yield return child;
                }
                else if (child.LocalName is "thead" or "tbody" or "tfoot")
                {
                    foreach (var row in child.Children)
                    {
                        if (row.LocalName == "tr")
                        {
                            yield return row;
                        }
                    }
                }
            }
        }

        private static bool ContainsTable(IElement table) => table.QuerySelector("table") is not null;

        private static bool IsHidden(IElement element)
        {
            if (element.HasAttribute("hidden"))
            {
                return true;
            }

            var style = element.GetAttribute("style");
            return style is not null && style.Replace(" ", "", StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>A span attribute as browsers read it: leading digits, clamped; rowspan 0 means "to the end of the table".</summary>
        private static int Span(IElement cell, string attribute, int minimum, int maximum)
        {
            var raw = cell.GetAttribute(attribute);
            if (raw is null)
            {
                return 1;
            }

            var s = raw.AsSpan().Trim();
            var n = 0;
            var digits = 0;
            while (digits < s.Length && char.IsAsciiDigit(s[digits]) && n < 100_000)
            {
                n = n * 10 + (s[digits] - '0');
                digits++;
            }

            if (digits == 0)
            {
                return 1;
            }

            return Math.Clamp(n, minimum, maximum);
        }

        /// <summary>A cell's text: fragments across inline elements joined, block elements and &lt;br&gt; as line breaks.</summary>
        private static string CellText(IElement cell)
        {
            var sb = new StringBuilder();
            var stack = new Stack<INode>();
            for (var i = cell.ChildNodes.Length - 1; i >= 0; i--)
            {
                stack.Push(cell.ChildNodes[i]);
            }

            while (stack.Count > 0)
            {
                var node = stack.Pop();
                switch (node)
                {
                    case IText t:
                        sb.Append(t.Data);
                        continue;
                    case IElement e:
                        var name = e.LocalName;
                        if (Skipped.Contains(name) || IsHidden(e))
                        {
                            continue;
                        }

                        if (name == "br" || BlockElements.Contains(name) || name == "table")
                        {
                            sb.Append('\n');
                        }

                        break;
                    default:
                        continue;
                }

                for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
                {
                    stack.Push(node.ChildNodes[i]);
                }
            }

            return LayoutText.Normalize(sb.ToString());
        }
    }
}
