using Disclosure.Core.Contract;
using Disclosure.Core.Layout;

namespace Disclosure.Review;

/// <summary>
/// A crop of the source page around one cell, as a PNG, with the cell's rectangle in the crop's pixels
/// (the page generator outlines it). Made by an adapter that can rasterise the source (pdftoppm locally).
/// </summary>
public sealed record CellCrop(byte[] Png, int Width, int Height, int CellLeft, int CellTop, int CellWidth, int CellHeight)
{
    /// <summary>Page number (1-based) the crop was taken from.</summary>
    public int Page { get; init; }
}

/// <summary>Source crops for the marked cells, or why there are none (no raster for this format, no rasteriser here).</summary>
public sealed record CellCrops(IReadOnlyDictionary<string, CellCrop> ByKey, string? Unavailable = null)
{
    public static CellCrops None(string reason) => new(new Dictionary<string, CellCrop>(StringComparer.Ordinal), reason);
}

/// <summary>Everything one review page shows. Pure data: the generator does no I/O and reads no clock.</summary>
public sealed record ReviewInput
{
    public required ReportResult Result { get; init; }

    /// <summary>The layout the reader produced (narrative figures, per-table format); null when reading failed or it was not kept.</summary>
    public LayoutDocument? Layout { get; init; }

    /// <summary>When the report was processed (passed in: the generator reads no clock).</summary>
    public required DateTimeOffset ProcessedAt { get; init; }

    /// <summary>Crops of the source around the marked cells; null when the caller did not try (text formats).</summary>
    public CellCrops? Crops { get; init; }

    /// <summary>Link back to the index of pages (the CLI's index.html), or null.</summary>
    public string? IndexHref { get; init; }
}
