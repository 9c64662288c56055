using Disclosure.Pipeline.Configuration;
using Microsoft.Extensions.Configuration;

namespace Disclosure.Pipeline.Review;

/// <summary>Where review pages go and how long their links stay valid. Validated when the services are composed.</summary>
public sealed record ReviewPageOptions
{
    public const string DefaultContainer = "review-pages";

    /// <summary>
    /// A user-delegation key, which signs the links in Azure, is valid for at most 7 days, so no link can live longer;
    /// the same bound applies locally so that what is tested is what runs.
    /// </summary>
    public const int MaxLinkDays = 7;

    public string Container { get; init; } = DefaultContainer;

    public int LinkDays { get; init; } = MaxLinkDays;

    /// <summary>Rasterise PDF and scan pages for the crops beside marked cells (needs poppler; off where it is absent).</summary>
    public bool Crops { get; init; } = true;

    public static ReviewPageOptions From(IConfiguration configuration)
    {
        var o = new ReviewPageOptions();
        var days = o.LinkDays;
        if (configuration.Get(SettingNames.ReviewLinkDays) is { } text)
        {
            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out days) || days < 1 || days > MaxLinkDays)
            {
                throw new InvalidOperationException(
                    $"{SettingNames.ReviewLinkDays} must be a whole number of days from 1 to {MaxLinkDays} (a user-delegation SAS cannot outlive its 7-day key), not '{text}'.");
            }
        }

        var container = configuration.Get(SettingNames.ReviewContainer) ?? o.Container;
        if (!System.Text.RegularExpressions.Regex.IsMatch(container, "^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$"))
        {
            throw new InvalidOperationException($"{SettingNames.ReviewContainer} '{container}' is not a valid blob container name.");
        }

        return o with { Container = container, LinkDays = days };
    }
}
