namespace Disclosure.Ocr.Paddle;

/// <summary>
/// The recogniser's output alphabet: index 0 is the CTC blank, 1..N the lines of <c>ppocr_keys_v1.txt</c> in order, N+1 a
/// space (PaddleOCR's <c>use_space_char</c>). Lines are taken as they are: one of them is the ideographic space U+3000,
/// which trimming would lose and so shift every later character by one.
/// </summary>
internal sealed class CharacterList
{
    /// <summary>Entries in ppocr_keys_v1.txt (PP-OCRv4 Chinese).</summary>
    public const int PpOcrV4Entries = 6623;

    private readonly string[] _symbols;

    public CharacterList(IReadOnlyList<string> lines)
    {
        _symbols = ["", .. lines, " "];
    }

    /// <summary>Outputs the model must have per time step: blank + list + space.</summary>
    public int Classes => _symbols.Length;

    public string this[int index] => _symbols[index];

    public static CharacterList Load(string path)
    {
        // Split on '\n' only (no trimming): an entry may be whitespace itself.
        var text = File.ReadAllText(path);
        var lines = text.Split('\n').Select(l => l.EndsWith('\r') ? l[..^1] : l).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return new CharacterList(lines);
    }

    /// <summary>Throws when the list does not match the model's output size: a shifted list reads every character wrong.</summary>
    public void Check(int modelClasses)
    {
        if (modelClasses != Classes)
        {
            throw new InvalidDataException(
                $"PP-OCR character list has {Classes - 2} entries (+ blank + space = {Classes}) but the recognition model has {modelClasses} outputs");
        }
    }
}
