using SecondSource.Domain.Boms;

namespace SecondSource.Domain.Tests.Boms;

public sealed class UnverifiedMakersTests
{
    private static BomLine Line(int row, params string[] makers) =>
        new() { Row = row, Designators = [$"U{row}"], Sources = [.. makers.Select((m, i) => new BomSource(m, null, $"P{row}-{i}"))] };

    [Fact]
    public void Each_name_is_listed_once_whatever_its_case_with_its_first_rows_in_order()
    {
        var tally = UnverifiedMakers.Of([Line(2, "Lanke"), Line(3, "LANKE", "Qingda"), .. Enumerable.Range(4, 10).Select(r => Line(r, "lanke"))]);

        var list = tally.List();
        list.Select(m => m.Name).ShouldBe(["Lanke", "Qingda"]);
        list[0].Rows.ShouldBe([2, 3, 4, 5, 6, 7], "the first six rows");
        list[1].Rows.ShouldBe([3]);
    }

    [Fact]
    public void Past_its_bound_names_are_counted_not_listed()
    {
        var tally = UnverifiedMakers.Of(Enumerable.Range(1, UnverifiedMakers.MaxNames + 5).Select(r => Line(r, $"Maker {r}")));

        tally.Count.ShouldBe(UnverifiedMakers.MaxNames);
        tally.NotListed.ShouldBe(5);
    }

    [Fact]
    public void Recognised_makers_are_not_listed()
    {
        var line = new BomLine { Row = 2, Sources = [new BomSource("TI", "texas instruments", "LM358DR")] };

        UnverifiedMakers.Of([line]).List().ShouldBeEmpty();
    }
}
