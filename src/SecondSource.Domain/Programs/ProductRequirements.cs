using System.Globalization;
using System.Text.RegularExpressions;
using SecondSource.Domain.Common;
using SecondSource.Domain.Lines;

namespace SecondSource.Domain.Programs;

/// <summary>
/// What a product needs from any line that builds it. The smallest passive and the finest BGA pitch can be
/// derived from the BOM's footprint or package names; the rest is entered (board, layers, the test plan's
/// tests, processes, the certifications its market requires). Null means "no requirement known".
/// </summary>
public sealed record ProductRequirements
{
    public PassiveSize? SmallestPassive { get; init; }

    public decimal? FinestBgaPitchMm { get; init; }

    public BoardSize? Board { get; init; }

    public int? Layers { get; init; }

    public TestTypes Tests { get; init; }

    public Processes Processes { get; init; }

    public IReadOnlySet<CertificationStandard> Certifications { get; init; } = new HashSet<CertificationStandard>();

    /// <summary>The smallest passive and finest pitch named by <paramref name="footprints"/>, on top of these requirements.</summary>
    public ProductRequirements WithFootprints(IEnumerable<string?> footprints)
    {
        ArgumentNullException.ThrowIfNull(footprints);
        var smallest = SmallestPassive;
        var finest = FinestBgaPitchMm;
        foreach (var footprint in footprints)
        {
            if (PackageNames.ChipSize(footprint) is { } size && (smallest is null || size < smallest))
            {
                smallest = size;
            }

            if (PackageNames.BgaPitchMm(footprint) is { } pitch && (finest is null || pitch < finest))
            {
                finest = pitch;
            }
        }

        return this with { SmallestPassive = smallest, FinestBgaPitchMm = finest };
    }
}

/// <summary>Reads chip sizes and BGA pitches out of the footprint and package names EDA tools and EMS BOMs use.</summary>
public static partial class PackageNames
{
    private static readonly Dictionary<string, PassiveSize> Imperial = new(StringComparer.Ordinal)
    {
        ["01005"] = PassiveSize.Size01005, ["0201"] = PassiveSize.Size0201, ["0402"] = PassiveSize.Size0402,
        ["0603"] = PassiveSize.Size0603, ["0805"] = PassiveSize.Size0805, ["1206"] = PassiveSize.Size1206,
    };

    // KiCad writes both: C_0402_1005Metric. A code followed by "Metric" is metric.
    private static readonly Dictionary<string, PassiveSize> Metric = new(StringComparer.Ordinal)
    {
        ["0402"] = PassiveSize.Size01005, ["0603"] = PassiveSize.Size0201, ["1005"] = PassiveSize.Size0402,
        ["1608"] = PassiveSize.Size0603, ["2012"] = PassiveSize.Size0805, ["3216"] = PassiveSize.Size1206,
    };

    /// <summary>The chip size a name states (0402, SMD0402, C_0603_1608Metric, 1005Metric), or null.</summary>
    public static PassiveSize? ChipSize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        PassiveSize? found = null;
        foreach (Match m in ChipCode().Matches(name))
        {
            var code = m.Groups["code"].Value;
            var size = m.Groups["metric"].Success
                ? Metric.TryGetValue(code, out var metric) ? metric : (PassiveSize?)null
                : Imperial.TryGetValue(code, out var imperial) ? imperial : null;
            if (size is { } s && (found is null || s < found))
            {
                found = s;
            }
        }

        return found;
    }

    /// <summary>The ball pitch of a BGA package name (BGA-256 P0.8mm, FBGA 0.5mm pitch), or null for other packages.</summary>
    public static decimal? BgaPitchMm(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || !name.Contains("BGA", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var m = Pitch().Match(name);
        return m.Success && decimal.TryParse(m.Groups["mm"].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var mm) && mm is > 0 and <= 2
            ? mm
            : null;
    }

    [GeneratedRegex(@"(?<![0-9])(?<code>01005|0201|0402|0603|0805|1206|1005|1608|2012|3216)(?![0-9])(?<metric>_?Metric)?", RegexOptions.IgnoreCase)]
    private static partial Regex ChipCode();

    [GeneratedRegex(@"(?:P|pitch\s*)?(?<mm>[0-2]?\.\d{1,3})\s*mm", RegexOptions.IgnoreCase)]
    private static partial Regex Pitch();
}

/// <summary>Guards for requirement values entered by people.</summary>
public static class Requirements
{
    public static int Layers(int layers) => layers is >= 1 and <= 64 ? layers : throw new DomainException($"Layer count must be between 1 and 64, not {layers}.");
}
