using System.Net;
using System.Text;

namespace Disclosure.Review;

/// <summary>A StringBuilder that escapes every text and attribute value it is given; markup is only ever the literals of this project.</summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _sb = new(64 * 1024);

    public HtmlWriter Raw(string markup)
    {
        _sb.Append(markup);
        return this;
    }

    public HtmlWriter Text(string? text)
    {
        _sb.Append(WebUtility.HtmlEncode(text ?? string.Empty));
        return this;
    }

    /// <summary> name="value" with the value escaped.</summary>
    public HtmlWriter Attr(string name, string? value)
    {
        _sb.Append(' ').Append(name).Append("=\"").Append(WebUtility.HtmlEncode(value ?? string.Empty)).Append('"');
        return this;
    }

    public override string ToString() => _sb.ToString();
}
