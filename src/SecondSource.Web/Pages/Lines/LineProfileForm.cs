using SecondSource.Application.Lines;
using SecondSource.Domain.Lines;

namespace SecondSource.Web.Pages.Lines;

/// <summary>The fields of a line profile as a form binds them (used by the add and edit pages).</summary>
public sealed class LineProfileForm
{
    public PassiveSize SmallestPassive { get; set; } = PassiveSize.Size0402;

    public decimal FinestBgaPitchMm { get; set; } = 0.5m;

    public decimal MaxBoardLengthMm { get; set; } = 300;

    public decimal MaxBoardWidthMm { get; set; } = 250;

    public int MaxLayers { get; set; } = 8;

    public List<TestTypes> Tests { get; set; } = [];

    public List<Processes> Processes { get; set; } = [];

    public int StandingUnitsPerWeek { get; set; }

    public int TestedSurgeUnitsPerWeek { get; set; }

    public DateOnly? SurgeTestedOn { get; set; }

    public string? SurgeEvidence { get; set; }

    public Dictionary<CertificationStandard, DateOnly?> Expiry { get; set; } = [];

    public static LineProfileForm From(LineView line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var c = line.Capabilities;
        return new LineProfileForm
        {
            SmallestPassive = c.SmallestPassive,
            FinestBgaPitchMm = c.FinestBgaPitchMm,
            MaxBoardLengthMm = c.LargestBoard.LengthMm,
            MaxBoardWidthMm = c.LargestBoard.WidthMm,
            MaxLayers = c.MaxLayers,
            Tests = [.. Enum.GetValues<TestTypes>().Where(t => t != TestTypes.None && c.Tests.HasFlag(t))],
            Processes = [.. Enum.GetValues<Processes>().Where(p => p != Domain.Lines.Processes.None && c.Processes.HasFlag(p))],
            StandingUnitsPerWeek = line.Capacity.StandingUnitsPerWeek,
            TestedSurgeUnitsPerWeek = line.Capacity.TestedSurgeUnitsPerWeek,
            SurgeTestedOn = line.Capacity.SurgeTestedOn,
            SurgeEvidence = line.Capacity.SurgeEvidence,
            Expiry = line.Certifications.ToDictionary(x => x.Standard, x => (DateOnly?)x.Expires),
        };
    }

    /// <summary>The validated profile; a <see cref="Domain.Common.DomainException"/> names the field that is wrong.</summary>
    public (LineCapabilities Capabilities, LineCapacity Capacity, IReadOnlyList<Certification> Certifications) ToProfile() =>
        (new LineCapabilities(SmallestPassive, FinestBgaPitchMm, new BoardSize(MaxBoardLengthMm, MaxBoardWidthMm), MaxLayers,
            Tests.Aggregate(TestTypes.None, (a, t) => a | t), Processes.Aggregate(Domain.Lines.Processes.None, (a, p) => a | p)),
         new LineCapacity(StandingUnitsPerWeek, TestedSurgeUnitsPerWeek, SurgeTestedOn, string.IsNullOrWhiteSpace(SurgeEvidence) ? null : SurgeEvidence.Trim()),
         Expiry.Where(e => e.Value is not null).Select(e => new Certification(e.Key, e.Value!.Value)).ToList());
}
