using System.Text;
using SecondSource.Formats.Planning;

namespace SecondSource.Formats.Tests.Planning;

public sealed class ForecastCsvTests
{
    private static IReadOnlyList<ForecastRow> Read(string text) => ForecastCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "forecast.csv");

    private static ForecastFileException Refused(string text) => Should.Throw<ForecastFileException>(() => Read(text));

    [Fact]
    public void Weeks_and_months_are_read_with_their_dates_in_any_column_order()
    {
        var rows = Read("quantity,period,product,comment\n4000,2027-W01,VSM-200,launch\n\"17,500\",2027-02,vsm-200,\n");

        rows.Count.ShouldBe(2);
        rows[0].ShouldBe(new ForecastRow(2, "VSM-200", "2027-W01", new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 11), 4000));
        rows[1].Quantity.ShouldBe(17_500);
        (rows[1].Start, rows[1].End).ShouldBe((new DateOnly(2027, 2, 1), new DateOnly(2027, 3, 1)));
    }

    [Fact]
    public void Every_bad_row_is_named_with_line_and_field()
    {
        var ex = Refused("product,period,quantity\nVSM-200,2027-W01,-5\nVSM-200,2027-W02,\nVSM-200,2027-14,100\n,2027-W04,100\nVSM-200,2027-W05,12.5\n");

        ex.Errors.Select(e => e.ToString()).ShouldBe(
        [
            "line 2, field quantity: the quantity -5 is negative",
            "line 3, field quantity: the quantity is missing",
            "line 4, field period: '2027-14' is neither an ISO week (2027-W05) nor a month (2027-03)",
            "line 5, field product: the product code is missing",
            "line 6, field quantity: '12.5' is not a whole number of units",
        ]);
        ex.Message.ShouldStartWith("forecast.csv: line 2, field quantity");
    }

    [Fact]
    public void Overlapping_periods_of_a_product_are_refused_naming_both_rows()
    {
        var ex = Refused("product,period,quantity\nVSM-200,2027-02,16000\nVSM-200,2027-W06,4000\nVSM-300,2027-W06,100\nVSM-200,2027-W10,4000\nVSM-200,2027-W10,4100\n");

        ex.Errors.Select(e => e.ToString()).ShouldBe(
        [
            "line 3, field period: 2027-W06 of VSM-200 overlaps 2027-02 on line 2",
            "line 6, field period: 2027-W10 of VSM-200 overlaps 2027-W10 on line 5",
        ]);
    }

    [Fact]
    public void A_header_without_the_required_columns_or_a_file_without_rows_is_refused()
    {
        Refused("product,week,units\nVSM-200,2027-W01,1\n").Errors.ShouldHaveSingleItem().ToString()
            .ShouldBe("line 1: the header lacks period, quantity (expected product, period, quantity)");
        Refused("product,period,quantity\n").Errors.ShouldHaveSingleItem().Reason.ShouldBe("the file has no forecast rows");
    }
}
