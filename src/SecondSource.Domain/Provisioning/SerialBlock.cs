using System.Globalization;
using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Provisioning;

/// <summary>
/// The serial numbers a line may provision for one batch: a prefix and a run of fixed-width numbers
/// ("VSM200-V" 000101 to 000600). The block is never larger than the batch: a line can obtain at most as many device
/// certificates as the units it was allocated. Owned by the line's manufacturer (it sees its own blocks).
/// </summary>
public sealed class SerialBlock : IPartyOwned
{
    private SerialBlock()
    {
        Prefix = CreatedBy = "";
    }

    public Guid Id { get; private set; }

    public Guid BatchId { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid LineId { get; private set; }

    public PartyId PartyId { get; private set; }

    public string Prefix { get; private set; }

    public long First { get; private set; }

    public long Last { get; private set; }

    /// <summary>Digits of the number, zero-padded.</summary>
    public int Width { get; private set; }

    /// <summary>Certificates issued from this block so far; a concurrency token, so two stations cannot both take the last serial's slot.</summary>
    public int Issued { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; }

    public long Count => Last - First + 1;

    public string FirstSerial => Format(First);

    public string LastSerial => Format(Last);

    public static SerialBlock Allocate(Guid batchId, Guid productId, Guid lineId, PartyId partyId, int unitsWithoutSerials, string prefix, long first, long last, int width, DateTimeOffset at, string by)
    {
        if (width is < 1 or > 18)
        {
            throw new DomainException("The serial number's width must be from 1 to 18 digits.");
        }

        if (first < 0 || last < first)
        {
            throw new DomainException($"The serial block {first.ToString(CultureInfo.InvariantCulture)}–{last.ToString(CultureInfo.InvariantCulture)} is empty or negative.");
        }

        if (last.ToString(CultureInfo.InvariantCulture).Length > width)
        {
            throw new DomainException($"{last.ToString(CultureInfo.InvariantCulture)} does not fit in {width.ToString(CultureInfo.InvariantCulture)} digits.");
        }

        if (last - first + 1 > unitsWithoutSerials)
        {
            throw new DomainException($"The block holds {(last - first + 1).ToString("N0", CultureInfo.InvariantCulture)} serials but only {unitsWithoutSerials.ToString("N0", CultureInfo.InvariantCulture)} units of the batch have none yet; a line is never allocated more serials than units.");
        }

        var text = prefix ?? "";
        if (text.Length > 50 || text.Any(char.IsControl) || text.Any(char.IsWhiteSpace) || text.IndexOfAny([',', '+', '=', '"', '\\', '<', '>', ';', '#']) >= 0)
        {
            throw new DomainException("The serial prefix must be at most 50 characters without spaces, control characters or any of , + = \" \\ < > ; # (they are special in a certificate's subject).");
        }

        return new SerialBlock
        {
            Id = Guid.CreateVersion7(),
            BatchId = batchId,
            ProductId = productId,
            LineId = lineId,
            PartyId = partyId,
            Prefix = text,
            First = first,
            Last = last,
            Width = width,
            CreatedAt = Guard.Utc(at, "Allocation time"),
            CreatedBy = Guard.RequiredText(by, "Allocated by", 256),
        };
    }

    /// <summary>Counts one certificate issued from the block; more than the block holds is refused.</summary>
    public void RecordIssue()
    {
        if (Issued >= Count)
        {
            throw new DomainException($"The serial block {FirstSerial}–{LastSerial} is used up.");
        }

        Issued++;
    }

    public string Format(long number) => Prefix + number.ToString(CultureInfo.InvariantCulture).PadLeft(Width, '0');

    /// <summary>True when <paramref name="serial"/> is one of this block's serial numbers (exact prefix, exact width, in range).</summary>
    public bool Contains(string serial)
    {
        ArgumentNullException.ThrowIfNull(serial);
        if (serial.Length != Prefix.Length + Width || !serial.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = serial.AsSpan(Prefix.Length);
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        var number = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return number >= First && number <= Last;
    }

    /// <summary>True when the two blocks share a serial number.</summary>
    public bool Overlaps(SerialBlock other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Prefix == Prefix && other.Width == Width && other.First <= Last && First <= other.Last;
    }
}
