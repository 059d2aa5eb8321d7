using SecondSource.Domain.Common;
using SecondSource.Domain.Reviews;

namespace SecondSource.Domain.Tests.Reviews;

/// <summary>Quarters by the calendar and by fiscal years named after the calendar year they end in.</summary>
public sealed class QuarterTests
{
    [Theory]
    [InlineData("2026Q3", 2026, 3)]
    [InlineData(" 2026-q1 ", 2026, 1)]
    [InlineData("2027 Q4", 2027, 4)]
    public void Quarters_are_read_as_written(string text, int year, int number) => Quarter.Parse(text).ShouldBe(new Quarter(year, number));

    [Theory]
    [InlineData("2026Q5")]
    [InlineData("Q3 2026")]
    [InlineData("26Q3")]
    [InlineData("")]
    [InlineData("1999Q1")]
    public void Anything_else_is_refused_with_an_example(string text) =>
        Should.Throw<DomainException>(() => Quarter.Parse(text)).Message.ShouldContain(text.Length == 0 || text == "1999Q1" ? "'" : "e.g. 2026Q3");

    [Fact]
    public void Calendar_quarters_run_january_to_march_and_so_on()
    {
        new Quarter(2026, 3).Period(1).ShouldBe((new DateOnly(2026, 7, 1), new DateOnly(2026, 10, 1)));
        new Quarter(2026, 3).Months(1).ShouldBe("Jul–Sep 2026");
        Quarter.Containing(new DateOnly(2026, 12, 5), 1).ShouldBe(new Quarter(2026, 4));
        Quarter.Containing(new DateOnly(2026, 1, 1), 1).ShouldBe(new Quarter(2026, 1));
    }

    [Fact]
    public void A_fiscal_year_starting_in_october_is_named_after_the_year_it_ends_in()
    {
        // US federal fiscal year: FY2027 runs from 1 October 2026 to 30 September 2027.
        new Quarter(2027, 1).Period(10).ShouldBe((new DateOnly(2026, 10, 1), new DateOnly(2027, 1, 1)));
        new Quarter(2027, 4).Period(10).ShouldBe((new DateOnly(2027, 7, 1), new DateOnly(2027, 10, 1)));
        Quarter.Containing(new DateOnly(2026, 12, 5), 10).ShouldBe(new Quarter(2027, 1));
        Quarter.Containing(new DateOnly(2026, 9, 30), 10).ShouldBe(new Quarter(2026, 4));
        // A fiscal year from April (UK, Japan): FY2027 Q1 is April–June 2026.
        new Quarter(2027, 1).Months(4).ShouldBe("Apr–Jun 2026");
        Quarter.Containing(new DateOnly(2026, 3, 31), 4).ShouldBe(new Quarter(2026, 4));
    }

    [Fact]
    public void Every_day_falls_in_the_quarter_whose_period_holds_it()
    {
        for (var month = 1; month <= 12; month++)
        {
            for (var day = new DateOnly(2025, 1, 1); day < new DateOnly(2027, 1, 1); day = day.AddDays(5))
            {
                var (start, end) = Quarter.Containing(day, month).Period(month);
                (day >= start && day < end).ShouldBeTrue($"{day} with fiscal month {month}");
            }
        }
    }

    [Fact]
    public void Quarters_step_over_years_and_order()
    {
        new Quarter(2026, 1).Previous.ShouldBe(new Quarter(2025, 4));
        new Quarter(2025, 4).Next.ShouldBe(new Quarter(2026, 1));
        (new Quarter(2025, 4) < new Quarter(2026, 1)).ShouldBeTrue();
        new Quarter(2026, 3).ToString().ShouldBe("2026Q3");
        Should.Throw<DomainException>(() => new Quarter(2026, 1).Period(13));
    }
}
