using System.Globalization;

namespace SecondSource.Domain.Common;

/// <summary>
/// Numbers as engineers read them, never in scientific notation: a value in a plain SI unit takes the prefix that
/// puts it between 1 and 1,000 (4.343E-06 A → "4.343 µA", 2.4E+07 Hz → "24 MHz"); other values are grouped in
/// thousands ("1,500"); a tiny value with no such unit is written as a power of ten ("6.9 × 10⁻⁹"). A fraction keeps six
/// significant digits at most (a whole number is never rounded), trailing zeros dropped; a no-break space joins number
/// and unit. Invariant culture throughout.
/// </summary>
public static class Quantities
{
    /// <summary>Units that take an SI prefix as they stand (a unit already prefixed, such as mV or kOhm, does not).</summary>
    private static readonly HashSet<string> PrefixableUnits = new(StringComparer.Ordinal)
    {
        "V", "A", "Hz", "F", "H", "s", "W", "Ω", "Ohm", "ohm", "m", "g", "J", "C", "S", "Wb", "T", "lx",
    };

    private static readonly (double Scale, string Prefix)[] Prefixes =
    [
        (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"), (1, ""), (1e-3, "m"), (1e-6, "µ"), (1e-9, "n"), (1e-12, "p"), (1e-15, "f"),
    ];

    /// <summary>The value with its unit ("–" when there is none).</summary>
    public static string Format(double? value, string? unit = null, int significantDigits = 6)
    {
        if (value is not { } x || !double.IsFinite(x))
        {
            return "–";
        }

        unit = string.IsNullOrWhiteSpace(unit) ? null : unit.Trim();
        if (x != 0 && unit is not null && PrefixableUnits.Contains(unit) && (Math.Abs(x) < 1 || Math.Abs(x) >= 1000))
        {
            var (scale, prefix) = Prefixes.FirstOrDefault(p => Math.Abs(x) >= p.Scale * 0.9999995, Prefixes[^1]);
            return $"{Plain(x / scale, significantDigits)}\u00a0{prefix}{unit}";
        }

        var number = x != 0 && Math.Abs(x) < 1e-4 ? PowerOfTen(x, significantDigits) : Plain(x, significantDigits);
        return unit is null ? number : $"{number}\u00a0{unit}";
    }

    /// <summary>A whole count grouped in thousands: 24000000 → "24,000,000".</summary>
    public static string Count(long value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>Rounded to <paramref name="significantDigits"/>, grouped in thousands, no exponent.</summary>
    private static string Plain(double x, int significantDigits)
    {
        if (x == 0)
        {
            return "0";
        }

        var magnitude = (int)Math.Floor(Math.Log10(Math.Abs(x)));
        var decimals = Math.Clamp(significantDigits - 1 - magnitude, 0, 15);
        var rounded = Math.Round(x, decimals, MidpointRounding.AwayFromZero);
        return rounded.ToString("#,##0." + new string('#', decimals), CultureInfo.InvariantCulture).TrimEnd('.');
    }

    private static string PowerOfTen(double x, int significantDigits)
    {
        var exponent = (int)Math.Floor(Math.Log10(Math.Abs(x)));
        var mantissa = x / Math.Pow(10, exponent);
        if (Math.Abs(Math.Round(mantissa, significantDigits - 1)) >= 10)
        {
            exponent++;
            mantissa /= 10;
        }

        return $"{Plain(mantissa, significantDigits)} × 10{Superscript(exponent)}";
    }

    private static string Superscript(int exponent) =>
        string.Concat(exponent.ToString(CultureInfo.InvariantCulture).Select(c => c switch
        {
            '-' => '⁻', '0' => '⁰', '1' => '¹', '2' => '²', '3' => '³', '4' => '⁴', '5' => '⁵', '6' => '⁶', '7' => '⁷', '8' => '⁸', _ => '⁹',
        }));
}
