using System.Text;
using SecondSource.Domain.Reviews;
using SecondSource.Formats.Reviews;

namespace SecondSource.Formats.Tests.Reviews;

/// <summary>The quotes-and-orders CSV: columns in any order, every bad row named with its field, nothing returned then.</summary>
public sealed class PurchaseCsvTests
{
    private static IReadOnlyList<PurchaseRow> Read(string csv) => PurchaseCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "costs.csv");

    [Fact]
    public void Quotes_and_orders_are_read_in_any_column_order()
    {
        var rows = Read("currency,unit_price,quantity,date,reference,kind,line,product,delivered,lead_time_days,note\n"
            + "usd,41.80,\"1,200\",2026-07-03,PO-1,order,SMT line 3,AUR-VSM200,2026-08-05,,first\n"
            + "EUR,48.4,180,2026-07-01,Q-1,Quote,\"Vistula EMS / SMT line 1\",AUR-VSM200,,49,\n");
        rows.Count.ShouldBe(2);
        rows[0].ShouldBe(new PurchaseRow(2, "AUR-VSM200", "SMT line 3", PurchaseKind.Order, "PO-1", new DateOnly(2026, 7, 3), 1200, 41.80m, "USD", null, new DateOnly(2026, 8, 5)));
        rows[1].Kind.ShouldBe(PurchaseKind.Quote);
        rows[1].QuotedLeadTimeDays.ShouldBe(49);
        rows[1].LineName.ShouldBe("Vistula EMS / SMT line 1");
    }

    [Fact]
    public void Every_bad_row_is_named_with_its_field()
    {
        var error = Should.Throw<PurchaseFileException>(() => Read("product,line,kind,reference,date,quantity,unit_price,currency,lead_time_days,delivered\n"
            + "AUR-VSM200,L,order,PO-1,03/07/2026,0,4,USD,,\n"
            + "AUR-VSM200,L,quote,Q-1,2026-07-01,10,4,US$,-3,2026-08-01\n"
            + "AUR-VSM200,L,order,PO-2,2026-07-03,10,4,USD,,2026-07-01\n"
            + "AUR-VSM200,L,order,PO-2,2026-07-03,10,4,USD,,\n"
            + ",,order,PO-3,2026-07-03,10,4,USD,,\n"
            + "AUR-VSM200,L,order,PO-2,2026-07-04,12,4,USD,,\n"));
        error.Message.ShouldBe("costs.csv: "
            + "line 2, field date: '03/07/2026' is not a date written 2026-07-14; line 2, field quantity: '0' is not a whole number of units, 1 or more; "
            + "line 3, field currency: 'US$' is not a three-letter currency code (EUR, USD); line 3, field lead_time_days: '-3' is not a number of days from 0 to 3650; "
            + "line 3, field delivered: a quote has no delivery day; record the order that followed it; "
            + "line 4, field delivered: 2026-07-01 is before the order date 2026-07-03; "
            + "line 6, field product: the product is missing; line 6, field line: the line is missing; "
            + "line 7, field reference: PO-2 appears already on line 5");
    }

    [Fact]
    public void A_file_without_the_columns_or_without_rows_is_refused()
    {
        Should.Throw<PurchaseFileException>(() => Read("product,line,price\n")).Message.ShouldStartWith("costs.csv: line 1: the header lacks kind, reference, date, quantity, unit_price, currency");
        Should.Throw<PurchaseFileException>(() => Read("product,line,kind,reference,date,quantity,unit_price,currency\n")).Message.ShouldBe("costs.csv: line 1: the file has no quote or order rows");
    }
}
