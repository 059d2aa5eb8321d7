using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace SecondSource.Cli;

/// <summary>
/// The one way the command line reads a value, whatever the machine's culture (docs/cli.md, "Values"): days as
/// ISO 8601 <c>yyyy-MM-dd</c>, instants as ISO 8601 with an optional time and offset (UTC when none), quarters as
/// <c>2026Q3</c>, numbers with a point and no group separators, ids as the 32 hex digits shown by the lists.
/// Anything else is refused with the expected form, at parse time (exit code 2), before the database is opened.
/// </summary>
public static class CliValues
{
    public const string DayForm = "yyyy-MM-dd, e.g. 2026-12-31";
    public const string InstantForm = "yyyy-MM-dd or yyyy-MM-ddTHH:mm[:ss][Z|+hh:mm], e.g. 2026-12-01T08:30Z (UTC when no offset)";
    public const string QuarterForm = "yyyyQn, e.g. 2026Q3";

    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK",
    ];

    /// <summary>A day; anything but yyyy-MM-dd is refused (01.12.2026 and 12/01/2026 are ambiguous across cultures).</summary>
    public static bool TryDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>An instant; a day alone is its midnight UTC, a time without an offset is UTC.</summary>
    public static bool TryInstant(string text, out DateTimeOffset instant)
    {
        var trimmed = text.Trim();
        if (TryDay(trimmed, out var day))
        {
            instant = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        if (DateTimeOffset.TryParseExact(trimmed, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant))
        {
            return true;
        }

        instant = default;
        return false;
    }

    /// <summary>An option holding a day, parsed at parse time.</summary>
    public static Option<DateOnly?> DayOption(string name, string description, bool required = false) => new(name)
    {
        Description = $"{description} ({DayForm}).",
        Required = required,
        HelpName = "yyyy-MM-dd",
        CustomParser = r => Parse(r, name, (string t, out DateOnly? v) => { var ok = TryDay(t, out var d); v = d; return ok; }, $"is not a day; write it as {DayForm}"),
    };

    /// <summary>An option holding an instant (a day alone is its midnight UTC).</summary>
    public static Option<DateTimeOffset?> InstantOption(string name, string description, bool required = false) => new(name)
    {
        Description = $"{description} ({InstantForm}).",
        Required = required,
        HelpName = "yyyy-MM-dd[THH:mm]",
        CustomParser = r => Parse(r, name, (string t, out DateTimeOffset? v) => { var ok = TryInstant(t, out var d); v = d; return ok; }, $"is not a date or time; write it as {InstantForm}"),
    };

    /// <summary>An option holding a quarter, one spelling (2026Q3; 2026-Q3 is read too).</summary>
    public static Option<string> QuarterOption(string name, string description, bool required = false) => new(name)
    {
        Description = $"{description} ({QuarterForm}).",
        Required = required,
        HelpName = "yyyyQn",
        CustomParser = r => Parse(r, name, (string t, out string? v) => { var ok = Domain.Reviews.Quarter.TryParse(t, out var q); v = ok ? q.ToString() : null; return ok; }, $"is not a quarter; write it as {QuarterForm}"),
    };

    /// <summary>A whole number option within bounds, read the same in every culture.</summary>
    public static Option<int> IntOption(string name, string description, int min, int max, int? defaultValue = null, bool required = false)
    {
        var option = new Option<int>(name)
        {
            Description = description,
            Required = required,
            CustomParser = r => Parse(r, name, (string t, out int v) => int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v) && v >= min && v <= max,
                string.Create(CultureInfo.InvariantCulture, $"is not a whole number from {min} to {max}")),
        };
        if (defaultValue is { } d)
        {
            option.DefaultValueFactory = _ => d;
        }

        return option;
    }

    /// <summary>An optional whole number option within bounds.</summary>
    public static Option<int?> OptionalIntOption(string name, string description, int min, int max) => new(name)
    {
        Description = description,
        CustomParser = r => Parse(r, name, (string t, out int? v) => { var ok = int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max; v = n; return ok; },
            string.Create(CultureInfo.InvariantCulture, $"is not a whole number from {min} to {max}")),
    };

    /// <summary>A long whole number option (serial numbers).</summary>
    public static Option<long> LongOption(string name, string description, long min, bool required = false) => new(name)
    {
        Description = description,
        Required = required,
        CustomParser = r => Parse(r, name, (string t, out long v) => long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out v) && v >= min,
            string.Create(CultureInfo.InvariantCulture, $"is not a whole number of at least {min}")),
    };

    /// <summary>A decimal number option with a point (0.05), never a comma, within bounds.</summary>
    public static Option<double> NumberOption(string name, string description, double min, double max, double defaultValue)
    {
        return new Option<double>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => Parse(r, name, (string t, out double v) => TryNumber(t, out v) && v >= min && v <= max,
                string.Create(CultureInfo.InvariantCulture, $"is not a number from {min} to {max} (write decimals with a point, e.g. 0.05)")),
        };
    }

    /// <summary>An optional decimal number option within bounds.</summary>
    public static Option<double?> OptionalNumberOption(string name, string description, double min, double max) => new(name)
    {
        Description = description,
        CustomParser = r => Parse(r, name, (string t, out double? v) => { var ok = TryNumber(t, out var n) && n >= min && n <= max; v = n; return ok; },
            string.Create(CultureInfo.InvariantCulture, $"is not a number from {min} to {max} (write decimals with a point, e.g. 0.05)")),
    };

    /// <summary>An id argument as the lists print it.</summary>
    public static Argument<Guid> IdArgument(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = r => Parse(r, name, (string t, out Guid v) => Guid.TryParse(t, out v), "is not an id (the 32 hex digits a list shows, e.g. 3f2b…)"),
    };

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    private delegate bool TryParser<T>(string text, out T value);

    private static T Parse<T>(ArgumentResult result, string name, TryParser<T> parser, string expected)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (parser(token, out var value))
        {
            return value;
        }

        result.AddError($"{name} '{token}' {expected}.");
        return default!;
    }
}
