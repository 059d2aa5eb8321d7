using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.TestData;

/// <summary>
/// One test run of a unit: station, test plan, start and end, overall result, and its measurements kept compactly —
/// the shape (names, units, limits) by reference to a <see cref="MeasurementSet"/>, the values and per-measurement
/// results as one <see cref="RunValues"/> blob. Written by the bulk path; read by traceability.
/// </summary>
public sealed class TestRun : IPartyOwned
{
    private TestRun()
    {
        Station = "";
        Values = [];
    }

    public Guid Id { get; private set; }

    public Guid UnitId { get; private set; }

    public Guid BatchId { get; private set; }

    public PartyId PartyId { get; private set; }

    public string Station { get; private set; }

    public string? TestPlan { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public TestResult Result { get; private set; }

    public Guid SetId { get; private set; }

    public byte[] Values { get; private set; }

    public string? Attributes { get; private set; }

    public static TestRun Create(TestUnit unit, string station, string? testPlan, DateTimeOffset start, DateTimeOffset? end, TestResult result, Guid setId, byte[] values, string? attributes)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new TestRun
        {
            Id = Guid.CreateVersion7(),
            UnitId = unit.Id,
            BatchId = unit.BatchId,
            PartyId = unit.PartyId,
            Station = station,
            TestPlan = testPlan,
            StartedAt = start,
            EndedAt = end,
            Result = result,
            SetId = setId,
            Values = values,
            Attributes = attributes,
        };
    }
}

/// <summary>The shape of a run's measurements (names, base units, limits, in order), stored once per party and shape.</summary>
public sealed class MeasurementSet : IPartyOwned
{
    private MeasurementSet()
    {
        Hash = Definition = "";
    }

    public Guid Id { get; private set; }

    public PartyId PartyId { get; private set; }

    public string Hash { get; private set; }

    public int Count { get; private set; }

    /// <summary>JSON: [{"n":name,"u":unit,"l":low,"h":high}, …].</summary>
    public string Definition { get; private set; }

    public static MeasurementSet Of(PartyId partyId, IReadOnlyList<MeasurementDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var json = JsonSerializer.Serialize(definitions.Select(d => new Entry(d.Name, d.Unit, d.Low, d.High)));
        return new MeasurementSet { Id = Guid.CreateVersion7(), PartyId = partyId, Hash = HashOf(json), Count = definitions.Count, Definition = json };
    }

    public static string HashOf(IReadOnlyList<MeasurementDefinition> definitions) =>
        HashOf(JsonSerializer.Serialize((definitions ?? []).Select(d => new Entry(d.Name, d.Unit, d.Low, d.High))));

    public IReadOnlyList<MeasurementDefinition> Definitions() =>
        (JsonSerializer.Deserialize<Entry[]>(Definition) ?? []).Select(e => new MeasurementDefinition(e.n, e.u, e.l, e.h)).ToList();

    private static string HashOf(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

#pragma warning disable SA1300, IDE1006 // short JSON names keep the stored shape small
    private sealed record Entry(string n, string u, double? l, double? h);
#pragma warning restore SA1300, IDE1006
}

/// <summary>
/// A batch's mergeable statistics of one measurement under one limit set (data hygiene: never pooled across a limit
/// change): the moment aggregate and the pass and fail counts.
/// </summary>
public sealed class BatchMeasurementStatistic : IPartyOwned
{
    private BatchMeasurementStatistic()
    {
        Name = Unit = LimitsKey = "";
    }

    public Guid Id { get; private set; }

    public Guid BatchId { get; private set; }

    public PartyId PartyId { get; private set; }

    public string Name { get; private set; }

    public string Unit { get; private set; }

    public double? Low { get; private set; }

    public double? High { get; private set; }

    /// <summary>The limits as text ("low|high", empty for none), so the unique key has no nulls.</summary>
    public string LimitsKey { get; private set; }

    public long Count { get; private set; }

    public double Mean { get; private set; }

    public double M2 { get; private set; }

    public double M3 { get; private set; }

    public double M4 { get; private set; }

    public double Min { get; private set; }

    public double Max { get; private set; }

    public long Passed { get; private set; }

    public long Failed { get; private set; }

    /// <summary>The values' KLL quantile sketch (<see cref="KllSketch.Serialize"/>), merged like the moments.</summary>
    public byte[]? Sketch { get; private set; }

    public static BatchMeasurementStatistic Create(Guid batchId, PartyId partyId, MeasurementDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new BatchMeasurementStatistic
        {
            Id = Guid.CreateVersion7(),
            BatchId = batchId,
            PartyId = partyId,
            Name = definition.Name,
            Unit = definition.Unit,
            Low = definition.Low,
            High = definition.High,
            LimitsKey = KeyOf(definition.Low, definition.High),
            Min = double.PositiveInfinity,
            Max = double.NegativeInfinity,
        };
    }

    public static string KeyOf(double? low, double? high) =>
        low is null && high is null ? "" : $"{low?.ToString("R", CultureInfo.InvariantCulture)}|{high?.ToString("R", CultureInfo.InvariantCulture)}";

    public MomentAggregate Moments => MomentAggregate.From(Count, Mean, M2, M3, M4, Min, Max);

    /// <summary>The quantile sketch, or null for statistics stored without one.</summary>
    public KllSketch? Quantiles() => Sketch is null ? null : KllSketch.Deserialize(Sketch);

    /// <summary>Merges a partition's statistics (from one import) into the stored ones.</summary>
    public void Merge(MomentAggregate moments, KllSketch sketch, long passed, long failed)
    {
        ArgumentNullException.ThrowIfNull(sketch);
        var quantiles = Quantiles() ?? new KllSketch(sketch.K);
        quantiles.Merge(sketch);
        Sketch = quantiles.Serialize();
        var merged = Moments;
        merged.Merge(moments);
        (Count, Mean, M2, M3, M4, Min, Max) = (merged.Count, merged.Mean, merged.M2, merged.M3, merged.M4, merged.Min, merged.Max);
        Passed += passed;
        Failed += failed;
    }
}

/// <summary>One imported file: its hash (the same file twice changes nothing), what it held, who brought it.</summary>
public sealed class TestDataImport : IPartyOwned
{
    private TestDataImport()
    {
        Sha256 = FileName = Format = ImportedBy = "";
    }

    public Guid Id { get; private set; }

    public PartyId PartyId { get; private set; }

    public Guid LineId { get; private set; }

    public string Sha256 { get; private set; }

    public string FileName { get; private set; }

    public string Format { get; private set; }

    public int Runs { get; private set; }

    public int Units { get; private set; }

    public long Measurements { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    public string ImportedBy { get; private set; }

    public static TestDataImport Record(PartyId partyId, Guid lineId, string sha256, string fileName, string format, int runs, int units, long measurements, DateTimeOffset at, string by) => new()
    {
        Id = Guid.CreateVersion7(),
        PartyId = partyId,
        LineId = lineId,
        Sha256 = sha256,
        FileName = Path.GetFileName(fileName.Replace('\\', '/')) is { Length: > 0 and <= 200 } name ? name : "upload",
        Format = format,
        Runs = runs,
        Units = units,
        Measurements = measurements,
        ImportedAt = at,
        ImportedBy = by,
    };
}

/// <summary>A defect or symptom a tester reported for a unit in a run: category, code, designator, description.</summary>
public sealed class TestDefect : IPartyOwned
{
    private TestDefect()
    {
        Category = "";
    }

    public Guid Id { get; private set; }

    public Guid UnitId { get; private set; }

    public Guid RunId { get; private set; }

    public Guid BatchId { get; private set; }

    public PartyId PartyId { get; private set; }

    public string Category { get; private set; }

    public string? Code { get; private set; }

    public string? Designator { get; private set; }

    public string? Description { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static TestDefect Of(TestRun run, string category, string? code, string? designator, string? description)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new TestDefect
        {
            Id = Guid.CreateVersion7(),
            UnitId = run.UnitId,
            RunId = run.Id,
            BatchId = run.BatchId,
            PartyId = run.PartyId,
            Category = category,
            Code = code,
            Designator = designator,
            Description = description,
            At = run.StartedAt,
        };
    }
}
