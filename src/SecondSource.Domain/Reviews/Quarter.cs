using System.Globalization;
using System.Text.RegularExpressions;
using SecondSource.Domain.Common;

namespace SecondSource.Domain.Reviews;

/// <summary>
/// A review quarter, written <c>2026Q3</c>. With a fiscal year that starts in month <c>m</c> (1 = the calendar year),
/// fiscal year <c>Y</c> is named after the calendar year it ends in: with m = 10, 2027Q1 is October–December 2026.
/// </summary>
public readonly partial record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    /// <summary>A quarter written 2026Q3 (or 2026-Q3) with a year from 2000 to 2200; false for anything else.</summary>
    public static bool TryParse(string? text, out Quarter quarter)
    {
        var match = QuarterPattern().Match(text?.Trim() ?? "");
        quarter = match.Success
            ? new Quarter(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : default;
        return match.Success && quarter.Year is >= 2000 and <= 2200;
    }

    public static Quarter Parse(string text)
    {
        var match = QuarterPattern().Match(text?.Trim() ?? "");
        if (!match.Success)
        {
            throw new DomainException($"'{text}' is not a quarter: write the year and the quarter, e.g. 2026Q3.");
        }

        var quarter = new Quarter(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        return quarter.Year is < 2000 or > 2200 ? throw new DomainException($"'{text}': the year must be between 2000 and 2200.") : quarter;
    }

    /// <summary>The first day of the quarter and the first day after it.</summary>
    public (DateOnly Start, DateOnly End) Period(int fiscalStartMonth)
    {
        CheckStartMonth(fiscalStartMonth);
        var firstYear = fiscalStartMonth == 1 ? Year : Year - 1;
        var start = new DateOnly(firstYear, fiscalStartMonth, 1).AddMonths(3 * (Number - 1));
        return (start, start.AddMonths(3));
    }

    /// <summary>The quarter a day falls in.</summary>
    public static Quarter Containing(DateOnly day, int fiscalStartMonth)
    {
        CheckStartMonth(fiscalStartMonth);
        var monthsIn = (day.Month - fiscalStartMonth + 12) % 12;
        var fiscalYear = fiscalStartMonth == 1 || day.Month < fiscalStartMonth ? day.Year : day.Year + 1;
        return new Quarter(fiscalYear, monthsIn / 3 + 1);
    }

    public Quarter Previous => Number == 1 ? new Quarter(Year - 1, 4) : this with { Number = Number - 1 };

    public Quarter Next => Number == 4 ? new Quarter(Year + 1, 1) : this with { Number = Number + 1 };

    public int CompareTo(Quarter other) => (Year, Number).CompareTo((other.Year, other.Number));

    public static bool operator <(Quarter left, Quarter right) => left.CompareTo(right) < 0;

    public static bool operator >(Quarter left, Quarter right) => left.CompareTo(right) > 0;

    public static bool operator <=(Quarter left, Quarter right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Quarter left, Quarter right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Number}");

    /// <summary>How a quarter is named under this calendar, for labels: "Jul–Sep 2026".</summary>
    public string Months(int fiscalStartMonth)
    {
        var (start, end) = Period(fiscalStartMonth);
        var last = end.AddDays(-1);
        return string.Create(CultureInfo.InvariantCulture, $"{start:MMM}–{last:MMM yyyy}");
    }

    public static void CheckStartMonth(int month)
    {
        if (month is < 1 or > 12)
        {
            throw new DomainException($"The fiscal year starts in a month from 1 to 12 (was {month}).");
        }
    }

    [GeneratedRegex(@"^(\d{4})\s*-?\s*[Qq]([1-4])$")]
    private static partial Regex QuarterPattern();
}
