using Disclosure.Core.Layout;

namespace Disclosure.Layout;

/// <summary>One word with its box in page units; confidence 0..1 when it was OCR'd.</summary>
public sealed record PositionedWord(string Text, BoundingBox Box, double? Confidence = null);

/// <summary>The words of one page, in any order. Page numbers start at 1.</summary>
public sealed record PageWords(int Page, double Width, double Height, IReadOnlyList<PositionedWord> Words)
{
    /// <summary>True when the words come from OCR (confidence is meaningful, digit confusions are repaired).</summary>
    public bool Ocr { get; init; }
}
