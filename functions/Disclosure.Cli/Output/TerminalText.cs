using System.Text;
using Spectre.Console;

namespace Disclosure.Cli.Output;

/// <summary>
/// Document text on a terminal: agency names, messages and file names come from untrusted documents and blob names, and a
/// raw ESC sequence in them retitles the terminal or clears the screen. Control characters (C0, DEL, C1) and the bidi
/// overrides that reorder what is shown are dropped; the rest is escaped for Spectre markup.
/// </summary>
public static class TerminalText
{
    /// <summary>The text without control or bidi-override characters (tab and newline become spaces).</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var bad = char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';
            if (bad && sb is null)
            {
                sb = new StringBuilder(text.Length).Append(text, 0, i);
            }

            if (bad)
            {
                if (c is '\t' or '\n' or '\r')
                {
                    sb!.Append(' ');
                }

                continue;
            }

            sb?.Append(c);
        }

        return sb?.ToString() ?? text;
    }

    /// <summary>Cleaned and escaped for Spectre markup.</summary>
    public static string Markup(string? text) => Spectre.Console.Markup.Escape(Clean(text));
}
