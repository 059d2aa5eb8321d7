using SecondSource.Domain.Common;
using SecondSource.Domain.Statistics;

namespace SecondSource.Domain.Tests.Statistics;

public sealed class MeasurementMarginTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_margin_is_a_fraction_or_an_absolute_value_with_its_reason()
    {
        var margin = MeasurementMargin.Create(Guid.NewGuid(), "I_IDLE", null, 0.003, "not critical", Now, "buyer");
        margin.Rule.ShouldBe(new MarginRule(null, 0.003));
        margin.Change(0.05, null, "critical now", Now.AddDays(1), "buyer");
        margin.Rule.ShouldBe(new MarginRule(0.05, null));

        Should.Throw<DomainException>(() => margin.Change(0.05, 0.01, "x", Now, "b")).Message.ShouldContain("not both or neither");
        Should.Throw<DomainException>(() => margin.Change(null, null, "x", Now, "b"));
        Should.Throw<DomainException>(() => margin.Change(1.2, null, "x", Now, "b")).Message.ShouldContain("between 0 and 1");
        Should.Throw<DomainException>(() => margin.Change(null, -1, "x", Now, "b")).Message.ShouldContain("positive");
        Should.Throw<DomainException>(() => margin.Change(null, double.NaN, "x", Now, "b"));
        Should.Throw<DomainException>(() => margin.Change(0.1, null, " ", Now, "b")).Message.ShouldContain("Reason");
    }
}
