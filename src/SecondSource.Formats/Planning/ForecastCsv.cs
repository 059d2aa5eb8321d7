using System.Globalization;
using nietras.SeparatedValues;
using SecondSource.Domain.Planning;

namespace SecondSource.Formats.Planning;

/// <summary>One row of a forecast file: the product code as written, the period's first day and the day after its last, and the quantity.</summary>
public sealed record ForecastRow(int Line, string Product, string Period, DateOnly Start, DateOnly End, int Quantity);

/// <summary>A problem with one place in a forecast file: the line (1 = header), the field and the cause.</summary>
public sealed record ForecastError(int Line, string? Field, string Reason)
{
    public override string ToString() => $"line {Line}{(Field is null ? "" : $", field {Field}")}: {Reason}";
}

/// <summary>A forecast file that cannot be taken as it stands; every error found is listed (up to <see cref="ForecastCsv.MaxErrors"/>).</summary>
public sealed class ForecastFileException(string file, IReadOnlyList<ForecastError> errors)
    : Exception($"{file}: {string.Join("; ", errors)}")
{
    public string File { get; } = file;

    public IReadOnlyList<ForecastError> Errors { get; } = errors;
}

/// <summary>
/// The demand forecast CSV (docs/planning.md): a header with <c>product, period, quantity</c> (any order, other columns
/// ignored); <c>product</c> is the product code, <c>period</c> an ISO week (<c>2027-W05</c>) or a calendar month
/// (<c>2027-03</c>), <c>quantity</c> a whole number of units, zero or more. Periods of one product must not overlap
/// (a week inside a month of the same file, or the same week twice). Every row is checked and all errors reported
/// together, with line and field; nothing is returned unless the whole file is good.
/// </summary>
public static class ForecastCsv
{
    public const int MaxErrors = 50;
    public static readonly string[] Required = ["product", "period", "quantity"];

    public static IReadOnlyList<ForecastRow> Read(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = new List<ForecastError>();
        var rows = new List<ForecastRow>();
        using (var reader = Sep.New(',').Reader(o => o with { HasHeader = true, Unescape = true, Trim = SepTrim.All }).From(content))
        {
            var names = reader.Header.ColNames.Select(n => n.Trim().ToLowerInvariant()).ToList();
            var missing = Required.Where(r => !names.Contains(r)).ToList();
            if (missing.Count > 0)
            {
                throw new ForecastFileException(fileName, [new ForecastError(1, null, $"the header lacks {string.Join(", ", missing)} (expected product, period, quantity)")]);
            }

            int product = names.IndexOf("product"), period = names.IndexOf("period"), quantity = names.IndexOf("quantity");
            var line = 1;
            foreach (var row in reader)
            {
                line++;
                if (errors.Count >= MaxErrors)
                {
                    break;
                }

                if (row.ColCount <= Math.Max(product, Math.Max(period, quantity)))
                {
                    errors.Add(new(line, null, $"the row has {row.ColCount} fields, fewer than the header"));
                    continue;
                }

                var code = row[product].ToString();
                var periodText = row[period].ToString();
                var quantityText = row[quantity].ToString();
                var ok = true;
                if (code.Length == 0)
                {
                    errors.Add(new(line, "product", "the product code is missing"));
                    ok = false;
                }

                if (!PlanWeeks.TryParsePeriod(periodText, out var start, out var end))
                {
                    errors.Add(new(line, "period", periodText.Length == 0 ? "the period is missing" : $"'{periodText}' is neither an ISO week (2027-W05) nor a month (2027-03)"));
                    ok = false;
                }

                if (quantityText.Length == 0)
                {
                    errors.Add(new(line, "quantity", "the quantity is missing"));
                    ok = false;
                }
                else if (!int.TryParse(quantityText, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var units))
                {
                    errors.Add(new(line, "quantity", $"'{quantityText}' is not a whole number of units"));
                    ok = false;
                }
                else if (units < 0)
                {
                    errors.Add(new(line, "quantity", $"the quantity {units} is negative"));
                    ok = false;
                }
                else if (ok)
                {
                    rows.Add(new(line, code, periodText, start, end, units));
                }
            }
        }

        foreach (var product in rows.GroupBy(r => r.Product, StringComparer.OrdinalIgnoreCase))
        {
            ForecastRow? reach = null; // the row reaching furthest so far
            foreach (var row in product.OrderBy(r => r.Start).ThenBy(r => r.Line))
            {
                if (reach is not null && row.Start < reach.End)
                {
                    errors.Add(new(row.Line, "period", $"{row.Period} of {product.Key} overlaps {reach.Period} on line {reach.Line}"));
                }

                if (reach is null || row.End > reach.End)
                {
                    reach = row;
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new ForecastFileException(fileName, [.. errors.OrderBy(e => e.Line).Take(MaxErrors)]);
        }

        if (rows.Count == 0)
        {
            throw new ForecastFileException(fileName, [new ForecastError(1, null, "the file has no forecast rows")]);
        }

        return rows;
    }
}
