using System.Buffers.Binary;
using System.Globalization;
using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.TestData;

/// <summary>What a batch is for.</summary>
public enum BatchKind
{
    Pilot = 1,
    Production = 2,

    /// <summary>A ramp drill: the second line proving its surge capacity.</summary>
    Drill = 3,

    /// <summary>The golden units' characterisation.</summary>
    Golden = 4,
}

/// <summary>The result of a test, a run or a unit, as IPC-CFX names them.</summary>
public enum TestResult : byte
{
    Passed = 1,
    Failed = 2,
    Error = 3,
    Aborted = 4,
    Skipped = 5,
}

/// <summary>A batch of one product built on one line. Owned by the line's manufacturer.</summary>
public sealed class TestBatch : IPartyOwned
{
    private TestBatch()
    {
        Name = CreatedBy = "";
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid LineId { get; private set; }

    public PartyId PartyId { get; private set; }

    public string Name { get; private set; }

    public BatchKind Kind { get; private set; }

    public int Quantity { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; }

    /// <summary>Units of the batch with at least one run: the batch's tally, kept by each import that touches the batch (never recomputed on read).</summary>
    public int UnitsTested { get; private set; }

    /// <summary>Units whose first run passed.</summary>
    public int FirstPassUnits { get; private set; }

    /// <summary>Units whose last run passed.</summary>
    public int FinalPassUnits { get; private set; }

    /// <summary>Runs recorded for the batch's units.</summary>
    public long RunsRecorded { get; private set; }

    public static TestBatch Create(Guid productId, Guid lineId, PartyId partyId, string name, BatchKind kind, int quantity, DateTimeOffset startedAt, DateTimeOffset? endedAt, DateTimeOffset at, string by)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException($"'{kind}' is not a batch kind.");
        }

        if (quantity is < 1 or > 10_000_000)
        {
            throw new DomainException($"A batch's quantity must be from 1 to 10,000,000 units; {quantity.ToString(CultureInfo.InvariantCulture)} is not.");
        }

        if (endedAt is { } end && end < startedAt)
        {
            throw new DomainException("A batch cannot end before it starts.");
        }

        return new TestBatch
        {
            Id = Guid.CreateVersion7(),
            ProductId = productId,
            LineId = lineId,
            PartyId = partyId,
            Name = Serials.Check(name, "Batch name"),
            Kind = kind,
            Quantity = quantity,
            StartedAt = Guard.Utc(startedAt, "Start"),
            EndedAt = endedAt is { } e ? Guard.Utc(e, "End") : null,
            CreatedAt = Guard.Utc(at, "Creation time"),
            CreatedBy = Guard.RequiredText(by, "Created by", 256),
        };
    }
}

/// <summary>
/// One unit (board) as a line tested it: serial number, batch, firmware, panel position, and the first and last run's
/// results (first-pass and final yield are counted from these).
/// </summary>
public sealed class TestUnit : IPartyOwned
{
    private TestUnit()
    {
        Serial = "";
    }

    public Guid Id { get; private set; }

    public Guid BatchId { get; private set; }

    public Guid LineId { get; private set; }

    public PartyId PartyId { get; private set; }

    public string Serial { get; private set; }

    public string? FirmwareVersion { get; private set; }

    public int? PanelPosition { get; private set; }

    public DateTimeOffset FirstRunAt { get; private set; }

    public TestResult FirstResult { get; private set; }

    public DateTimeOffset LastRunAt { get; private set; }

    public TestResult LastResult { get; private set; }

    public int Runs { get; private set; }

    public static TestUnit Create(TestBatch batch, string serial, string? firmware, int? panelPosition)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new TestUnit
        {
            Id = Guid.CreateVersion7(),
            BatchId = batch.Id,
            LineId = batch.LineId,
            PartyId = batch.PartyId,
            Serial = Serials.Check(serial, "Serial number"),
            FirmwareVersion = string.IsNullOrWhiteSpace(firmware) ? null : Guard.RequiredText(firmware, "Firmware version", 64),
            PanelPosition = panelPosition,
            FirstRunAt = DateTimeOffset.MaxValue,
            LastRunAt = DateTimeOffset.MinValue,
        };
    }

    /// <summary>Takes a run of this unit into its first and last results (runs may arrive in any order).</summary>
    public void Record(DateTimeOffset start, TestResult result, string? firmware)
    {
        if (start < FirstRunAt)
        {
            (FirstRunAt, FirstResult) = (start, result);
        }

        if (start >= LastRunAt)
        {
            (LastRunAt, LastResult) = (start, result);
            FirmwareVersion = string.IsNullOrWhiteSpace(firmware) ? FirmwareVersion : Guard.RequiredText(firmware, "Firmware version", 64);
        }

        Runs++;
    }
}

/// <summary>Checks serial numbers and batch names: required, at most 100 characters, no control characters (refused by name).</summary>
public static class Serials
{
    public static string Check(string? value, string field) => Guard.RequiredText(value, field, 100);
}

/// <summary>
/// The measurements a run made, in order, with unit and limits: a test program's shape. Stored once per party and
/// shape (by hash); runs refer to it and keep only their values.
/// </summary>
public sealed record MeasurementDefinition(string Name, string Unit, double? Low, double? High)
{
    public static MeasurementDefinition Of(string name, string unit, double? low, double? high)
    {
        if (low is { } l && high is { } h && l > h)
        {
            throw new DomainException($"The limits of {name} are reversed (low {l.ToString(CultureInfo.InvariantCulture)} above high {h.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (low is { } lo && !double.IsFinite(lo) || high is { } hi && !double.IsFinite(hi))
        {
            throw new DomainException($"The limits of {name} must be finite numbers.");
        }

        return new MeasurementDefinition(Guard.RequiredText(name, "Measurement", 200), unit, low, high);
    }
}

/// <summary>The compact form of a run's values: a version byte, the count, the values as little-endian doubles, one result byte each.</summary>
public static class RunValues
{
    private const byte Version = 1;

    public static byte[] Encode(ReadOnlySpan<double> values, ReadOnlySpan<TestResult> results)
    {
        if (values.Length != results.Length)
        {
            throw new ArgumentException("One result per value.", nameof(results));
        }

        var bytes = new byte[5 + values.Length * 9];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(1), values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(5 + i * 8), values[i]);
            bytes[5 + values.Length * 8 + i] = (byte)results[i];
        }

        return bytes;
    }

    public static (double[] Values, TestResult[] Results) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 5 || bytes[0] != Version)
        {
            throw new DomainException("The run's values are not in a known encoding.");
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[1..]);
        if (count < 0 || bytes.Length != 5 + (long)count * 9)
        {
            throw new DomainException("The run's values are truncated.");
        }

        var values = new double[count];
        var results = new TestResult[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes[(5 + i * 8)..]);
            results[i] = (TestResult)bytes[5 + count * 8 + i];
        }

        return (values, results);
    }
}
