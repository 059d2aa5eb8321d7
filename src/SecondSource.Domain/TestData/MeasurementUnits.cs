using System.Collections.Concurrent;
using SecondSource.Domain.Common;

namespace SecondSource.Domain.TestData;

/// <summary>How to bring a value in some unit to its base unit: scale it by <see cref="Factor"/>.</summary>
public readonly record struct UnitScale(string BaseUnit, double Factor)
{
    /// <summary>
    /// The value in the base unit. Sub-unit prefixes divide by the exact power of ten (3300 mV → 3300 / 1000 = 3.3),
    /// which rounds correctly where multiplying by an inexact 0.001 may not.
    /// </summary>
    public double Apply(double value) => Factor >= 1 ? value * Factor : value / Math.Round(1 / Factor);
}

/// <summary>
/// Units of measurement as testers write them, normalised to a base unit before storage so that a value in kOhm and one
/// in Ohm are the same quantity: SI prefixes (p n u µ m k M G) on V, A, Ohm, F, H, Hz, s, W; %, ppm, dB, dBm and °C
/// as they are; an empty unit for dimensionless values. Anything else is refused by name.
/// </summary>
public static class MeasurementUnits
{
    private static readonly Dictionary<string, string> Bases = new(StringComparer.Ordinal)
    {
        ["V"] = "V", ["A"] = "A", ["Ohm"] = "Ohm", ["ohm"] = "Ohm", ["Ohms"] = "Ohm", ["Ω"] = "Ohm", ["F"] = "F", ["H"] = "H",
        ["Hz"] = "Hz", ["s"] = "s", ["sec"] = "s", ["W"] = "W",
    };

    private static readonly Dictionary<string, string> Plain = new(StringComparer.Ordinal)
    {
        [""] = "", ["%"] = "%", ["ppm"] = "ppm", ["dB"] = "dB", ["dBm"] = "dBm", ["°C"] = "°C", ["degC"] = "°C", ["count"] = "",
    };

    private static readonly Dictionary<char, double> Prefixes = new()
    {
        ['p'] = 1e-12, ['n'] = 1e-9, ['u'] = 1e-6, ['µ'] = 1e-6, ['μ'] = 1e-6, ['m'] = 1e-3, ['k'] = 1e3, ['K'] = 1e3, ['M'] = 1e6, ['G'] = 1e9,
    };

    private static readonly ConcurrentDictionary<string, UnitScale?> Cache = new(StringComparer.Ordinal);

    /// <summary>The scale of a unit, or null when it is not one SecondSource knows.</summary>
    public static UnitScale? TryResolve(string? unit) => Cache.GetOrAdd((unit ?? "").Trim(), Resolve);

    /// <summary>The value in its base unit; a <see cref="DomainException"/> names an unknown unit.</summary>
    public static (double Value, string Unit) Normalise(double value, string? unit) =>
        TryResolve(unit) is { } scale ? (scale.Apply(value), scale.BaseUnit) : throw new DomainException($"'{unit}' is not a unit SecondSource knows (V, A, Ohm, F, H, Hz, s, W with SI prefixes; %, ppm, dB, dBm, °C).");

    private static UnitScale? Resolve(string unit)
    {
        if (Plain.TryGetValue(unit, out var plain))
        {
            return new UnitScale(plain, 1);
        }

        if (Bases.TryGetValue(unit, out var baseUnit))
        {
            return new UnitScale(baseUnit, 1);
        }

        if (unit.Length > 1 && Prefixes.TryGetValue(unit[0], out var factor) && Bases.TryGetValue(unit[1..], out var prefixed))
        {
            return new UnitScale(prefixed, factor);
        }

        return null;
    }
}
