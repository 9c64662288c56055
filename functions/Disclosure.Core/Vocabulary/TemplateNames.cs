using Disclosure.Core.Contract;

namespace Disclosure.Core.Vocabulary;

/// <summary>
/// The contract's names of the formats (report-contract.md §5: <c>report.template</c> is 2019|2021|mixed). Code works
/// with <see cref="TemplateVersion"/>; these strings are for the result and what reads it (gold files, stored results).
/// </summary>
public static class TemplateNames
{
    public const string V2019 = "2019";
    public const string V2021 = "2021";

    /// <summary>Rows or tables of both formats in one report.</summary>
    public const string Mixed = "mixed";

    public static string Name(TemplateVersion version) => version == TemplateVersion.V2019 ? V2019 : V2021;

    /// <summary>The format a contract name stands for; null for <see cref="Mixed"/>, null or anything else.</summary>
    public static TemplateVersion? Parse(string? name) => name switch
    {
        V2019 => TemplateVersion.V2019,
        V2021 => TemplateVersion.V2021,
        _ => null,
    };

    /// <summary>The contract name of a form read (2019, 2021, mixed), or null when no standard table was found.</summary>
    public static string? Name(TemplateForm? form) => form?.Name();

    /// <summary>The format a report for <paramref name="year"/> must use: 2019 for 2019 and 2020, 2021 from 2021 on (§1).</summary>
    public static TemplateVersion Required(int? year) => year >= 2021 ? TemplateVersion.V2021 : TemplateVersion.V2019;
}

/// <summary>The format a table or a report was read in: one of the two, or rows of both (a finding in itself).</summary>
public enum TemplateForm
{
    V2019,
    V2021,
    Mixed,
}

/// <summary>Conversions between <see cref="TemplateForm"/>, <see cref="TemplateVersion"/> and the contract's names.</summary>
public static class TemplateForms
{
    public static TemplateForm Of(TemplateVersion version) => version == TemplateVersion.V2019 ? TemplateForm.V2019 : TemplateForm.V2021;

    /// <summary>The one format read, or null for <see cref="TemplateForm.Mixed"/>.</summary>
    public static TemplateVersion? Version(this TemplateForm form) => form switch
    {
        TemplateForm.V2019 => TemplateVersion.V2019,
        TemplateForm.V2021 => TemplateVersion.V2021,
        _ => null,
    };

    /// <summary>The contract's name: 2019, 2021 or mixed (report-contract.md §5).</summary>
    public static string Name(this TemplateForm form) => form.Version() is { } v ? TemplateNames.Name(v) : TemplateNames.Mixed;
}
