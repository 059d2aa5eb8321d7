using SecondSource.Domain.TestData;

namespace SecondSource.Formats.TestData;

/// <summary>
/// One test run as a reader found it, values and limits already in base units: the unit, its batch, the station and
/// test plan, start and end, the overall result, and the measurements in order (definitions, values, results).
/// Consecutive runs with the same measurement shape share one <see cref="Definitions"/> array.
/// </summary>
public sealed record TestRunRecord(
    int Line,
    string Serial,
    string Batch,
    string Station,
    string? TestPlan,
    DateTimeOffset Start,
    DateTimeOffset? End,
    TestResult Result,
    string? Firmware,
    int? PanelPosition,
    IReadOnlyDictionary<string, string>? Attributes,
    MeasurementDefinition[] Definitions,
    double[] Values,
    TestResult[] Results)
{
    /// <summary>Defects and symptoms the tester reported for the unit in this run (CFX); none from the long CSV.</summary>
    public IReadOnlyList<DefectRecord> Defects { get; init; } = [];
}

/// <summary>A defect or symptom: its category, code, the designator concerned and a description.</summary>
public sealed record DefectRecord(string Category, string? Code, string? Designator, string? Description);

/// <summary>A test log that cannot be read as it stands: where (file, line or message, field) and why.</summary>
public sealed class TestLogException(string file, string where, string? field, string reason)
    : Exception($"{file}, {where}{(field is null ? "" : $", field {field}")}: {reason}")
{
    public string File { get; } = file;

    public string Where { get; } = where;

    public string? Field { get; } = field;

    public string Reason { get; } = reason;
}
