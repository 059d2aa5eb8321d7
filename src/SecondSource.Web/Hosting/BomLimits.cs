using SecondSource.Formats.Boms;

namespace SecondSource.Web.Hosting;

/// <summary>
/// The BOM reader's work budget on the web (<c>Limits:Bom:max-rows</c>, <c>max-cell-chars</c>, <c>max-expanded-bytes</c>,
/// <c>max-expansion-ratio</c>), read once at start; a refusal names the setting that raises its limit.
/// </summary>
public sealed class BomLimits
{
    private readonly Dictionary<string, string> _values;

    public BomLimits(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _values = BomReadOptions.LimitNames.Where(n => !string.IsNullOrWhiteSpace(configuration[$"Limits:Bom:{n}"]))
            .ToDictionary(n => n, n => configuration[$"Limits:Bom:{n}"]!);
        try
        {
            _ = Apply(new BomReadOptions());
        }
        catch (ArgumentException ex)
        {
            throw new Application.Persistence.DatabaseConfigurationException($"Limits:Bom: {ex.Message}", ex);
        }
    }

    public BomReadOptions Apply(BomReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var applied = options with { LimitHint = "the setting Limits:Bom:{0} (an administrator's)" };
        foreach (var (name, value) in _values)
        {
            applied = applied.WithLimit(name, value);
        }

        return applied;
    }
}
