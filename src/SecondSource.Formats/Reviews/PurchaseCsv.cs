using System.Globalization;
using nietras.SeparatedValues;
using SecondSource.Domain.Reviews;

namespace SecondSource.Formats.Reviews;

/// <summary>One row of a cost file as written; the product and line are resolved by the application.</summary>
public sealed record PurchaseRow(int Line, string Product, string LineName, PurchaseKind Kind, string Reference, DateOnly On, int Quantity,
    decimal UnitPrice, string Currency, int? QuotedLeadTimeDays, DateOnly? DeliveredOn);

/// <summary>A problem with one place in a cost file: the line (1 = header), the field and the cause.</summary>
public sealed record PurchaseError(int Line, string? Field, string Reason)
{
    public override string ToString() => $"line {Line}{(Field is null ? "" : $", field {Field}")}: {Reason}";
}

/// <summary>A cost file that cannot be taken as it stands; every error found is listed (up to <see cref="PurchaseCsv.MaxErrors"/>).</summary>
public sealed class PurchaseFileException(string file, IReadOnlyList<PurchaseError> errors)
    : Exception($"{file}: {string.Join("; ", errors)}")
{
    public IReadOnlyList<PurchaseError> Errors { get; } = errors;
}

/// <summary>
/// Quotes and purchase orders per line (docs/reviews.md): a header with <c>product, line, kind, reference, date,
/// quantity, unit_price, currency</c> and optionally <c>lead_time_days</c> (quoted) and <c>delivered</c> (an order's
/// delivery day), any order, other columns ignored. <c>kind</c> is <c>quote</c> or <c>order</c>; dates are ISO
/// (2026-07-14); prices use a dot for decimals. Every row is checked and all errors reported together; nothing is
/// returned unless the whole file is good.
/// </summary>
public static class PurchaseCsv
{
    public const int MaxErrors = 50;
    private static readonly string[] Named = ["product", "line", "reference"];

    public static readonly string[] Required = ["product", "line", "kind", "reference", "date", "quantity", "unit_price", "currency"];

    public static IReadOnlyList<PurchaseRow> Read(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = new List<PurchaseError>();
        var rows = new List<PurchaseRow>();
        using (var reader = Sep.New(',').Reader(o => o with { HasHeader = true, Unescape = true, Trim = SepTrim.All }).From(content))
        {
            var names = reader.Header.ColNames.Select(n => n.Trim().ToLowerInvariant()).ToList();
            var missing = Required.Where(r => !names.Contains(r)).ToList();
            if (missing.Count > 0)
            {
                throw new PurchaseFileException(fileName, [new PurchaseError(1, null, $"the header lacks {string.Join(", ", missing)} (expected {string.Join(", ", Required)})")]);
            }

            int Column(string name) => names.IndexOf(name);
            var needed = Required.Max(Column);
            var line = 1;
            foreach (var row in reader)
            {
                line++;
                if (errors.Count >= MaxErrors)
                {
                    break;
                }

                if (row.ColCount <= needed)
                {
                    errors.Add(new(line, null, $"the row has {row.ColCount} fields, fewer than the header"));
                    continue;
                }

                var cells = new string[names.Count];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = i < row.ColCount ? row[i].ToString() : "";
                }

                string Text(string name) => Column(name) is >= 0 and var c ? cells[c] : "";
                var before = errors.Count;
                void Error(string field, string reason) => errors.Add(new(line, field, reason));
                foreach (var field in Named.Where(f => Text(f).Length == 0))
                {
                    Error(field, $"the {field} is missing");
                }

                var kind = Text("kind").ToLowerInvariant() switch
                {
                    "quote" => PurchaseKind.Quote,
                    "order" or "po" => PurchaseKind.Order,
                    var other => (PurchaseKind)0,
                };
                if (kind == 0)
                {
                    Error("kind", $"'{Text("kind")}' is neither quote nor order");
                }

                var on = Day(Text("date"), "date", required: true, Error);
                var delivered = Day(Text("delivered"), "delivered", required: false, Error);
                var quantity = 0;
                if (!int.TryParse(Text("quantity"), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out quantity) || quantity <= 0)
                {
                    Error("quantity", $"'{Text("quantity")}' is not a whole number of units, 1 or more");
                }

                if (!decimal.TryParse(Text("unit_price"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price))
                {
                    Error("unit_price", $"'{Text("unit_price")}' is not a price (digits, a dot for decimals, no currency sign)");
                }

                var currency = Text("currency").ToUpperInvariant();
                if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
                {
                    Error("currency", $"'{Text("currency")}' is not a three-letter currency code (EUR, USD)");
                }

                int? leadTime = null;
                if (Text("lead_time_days") is { Length: > 0 } leadText)
                {
                    if (int.TryParse(leadText, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= 3650)
                    {
                        leadTime = days;
                    }
                    else
                    {
                        Error("lead_time_days", $"'{leadText}' is not a number of days from 0 to 3650");
                    }
                }

                if (kind == PurchaseKind.Quote && delivered is not null)
                {
                    Error("delivered", "a quote has no delivery day; record the order that followed it");
                }

                if (delivered is { } d && on is { } o && d < o)
                {
                    Error("delivered", $"{d:yyyy-MM-dd} is before the order date {o:yyyy-MM-dd}");
                }

                if (errors.Count == before)
                {
                    rows.Add(new(line, Text("product"), Text("line"), kind, Text("reference"), on!.Value, quantity, price, currency, leadTime, delivered));
                }
            }
        }

        foreach (var duplicate in rows.GroupBy(r => (r.Product.ToUpperInvariant(), r.LineName.ToUpperInvariant(), r.Kind, r.Reference)).Where(g => g.Count() > 1))
        {
            errors.AddRange(duplicate.Skip(1).Select(r => new PurchaseError(r.Line, "reference", $"{r.Reference} appears already on line {duplicate.First().Line}")));
        }

        if (errors.Count > 0)
        {
            throw new PurchaseFileException(fileName, [.. errors.OrderBy(e => e.Line).Take(MaxErrors)]);
        }

        return rows.Count == 0 ? throw new PurchaseFileException(fileName, [new PurchaseError(1, null, "the file has no quote or order rows")]) : rows;
    }

    private static DateOnly? Day(string text, string field, bool required, Action<string, string> error)
    {
        if (text.Length == 0)
        {
            if (required)
            {
                error(field, $"the {field} is missing");
            }

            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        error(field, $"'{text}' is not a date written 2026-07-14");
        return null;
    }
}
