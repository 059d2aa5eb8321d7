using SecondSource.Domain.Common;

namespace SecondSource.Domain.Statistics;

/// <summary>
/// The equivalence margin the buyer sets for one measurement of a product, instead of the default fraction of its
/// spec window: a fraction of the window, or an absolute value in the measurement's base unit, with the reason
/// (research note §1.2: margins are fixed before looking at the second line's data, and stored with the result).
/// </summary>
public sealed class MeasurementMargin
{
    private MeasurementMargin()
    {
        Name = Reason = SetBy = "";
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    /// <summary>The measurement's name as test logs give it.</summary>
    public string Name { get; private set; }

    public double? Fraction { get; private set; }

    public double? Absolute { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset SetAt { get; private set; }

    public string SetBy { get; private set; }

    public MarginRule Rule => Absolute is { } a ? MarginRule.OfAbsolute(a) : MarginRule.OfFraction(Fraction!.Value);

    public static MeasurementMargin Create(Guid productId, string name, double? fraction, double? absolute, string reason, DateTimeOffset at, string by)
    {
        var margin = new MeasurementMargin { Id = Guid.CreateVersion7(), ProductId = productId, Name = Guard.RequiredText(name, "Measurement", 200) };
        margin.Change(fraction, absolute, reason, at, by);
        return margin;
    }

    /// <summary>Sets the margin: exactly one of a fraction (between 0 and 1) or an absolute value (positive).</summary>
    public void Change(double? fraction, double? absolute, string reason, DateTimeOffset at, string by)
    {
        if ((fraction is null) == (absolute is null))
        {
            throw new DomainException("Give the margin either as a fraction of the spec window or as an absolute value, not both or neither.");
        }

        _ = fraction is { } f ? MarginRule.OfFraction(f) : MarginRule.OfAbsolute(absolute!.Value);
        Fraction = fraction;
        Absolute = absolute;
        Reason = Guard.RequiredText(reason, "Reason", 1000);
        SetAt = Guard.Utc(at, "Set at");
        SetBy = Guard.RequiredText(by, "Set by", 256);
    }
}
