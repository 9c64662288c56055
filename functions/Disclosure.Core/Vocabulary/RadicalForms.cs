using System.Collections.Frozen;
using System.Text;

namespace Disclosure.Core.Vocabulary;

/// <summary>
/// Fonts of some producers (Chromium, WPS) map common characters to radical code points instead of the ideograph:
/// Kangxi radicals and compatibility ideographs (⾏ U+2F8F for 行) have a compatibility decomposition, so NFKC brings
/// them back; the CJK Radicals Supplement (⻔ U+2ED4 for 门, as in 三⻔峡) mostly has none, so its simplified and
/// variant forms that are whole characters are mapped here to that character; component forms (⺮, ⺾) are left alone.
/// </summary>
public static class RadicalForms
{
    private static readonly FrozenDictionary<char, char> Supplement = new Dictionary<char, char>
    {
        ['\u2E9F'] = '母', ['\u2EA0'] = '民', ['\u2EC4'] = '西', ['\u2EC5'] = '见', ['\u2EC6'] = '角', ['\u2EC8'] = '讠', ['\u2EC9'] = '贝', ['\u2ECB'] = '车',
        ['\u2ED0'] = '钅', ['\u2ED3'] = '长', ['\u2ED4'] = '门', ['\u2ED8'] = '青', ['\u2EDA'] = '页', ['\u2EDB'] = '风',
        ['\u2EDC'] = '飞', ['\u2EDD'] = '食', ['\u2EE0'] = '饣', ['\u2EE2'] = '马', ['\u2EE3'] = '骨',
        ['\u2EE4'] = '鬼', ['\u2EE5'] = '鱼', ['\u2EE6'] = '鸟', ['\u2EE7'] = '卤', ['\u2EE8'] = '麦', ['\u2EE9'] = '黄',
        ['\u2EEA'] = '黾', ['\u2EEB'] = '斉', ['\u2EEC'] = '齐', ['\u2EED'] = '歯', ['\u2EEE'] = '齿', ['\u2EEF'] = '竜',
        ['\u2EF0'] = '龙', ['\u2EF2'] = '亀', ['\u2EF3'] = '龟',
    }.ToFrozenDictionary();

    public static bool IsRadical(char c) => c is >= '\u2E80' and <= '\u2FDF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>The text with every radical or compatibility form replaced by its ideograph; other characters unchanged.</summary>
    public static string Unify(string text)
    {
        if (!text.Any(IsRadical))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(!IsRadical(c) ? c.ToString() : Supplement.TryGetValue(c, out var mapped) ? mapped.ToString() : c.ToString().Normalize(NormalizationForm.FormKC));
        }

        return sb.ToString();
    }
}
