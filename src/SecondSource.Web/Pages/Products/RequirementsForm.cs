using SecondSource.Domain.Lines;
using SecondSource.Domain.Programs;

namespace SecondSource.Web.Pages.Products;

/// <summary>A product's requirements as a form binds them (used by the add and edit pages).</summary>
public sealed class RequirementsForm
{
    public PassiveSize? SmallestPassive { get; set; }

    public decimal? FinestBgaPitchMm { get; set; }

    public decimal? BoardLengthMm { get; set; }

    public decimal? BoardWidthMm { get; set; }

    public int? Layers { get; set; }

    public List<TestTypes> Tests { get; set; } = [];

    public List<Processes> Processes { get; set; } = [];

    public List<CertificationStandard> Certifications { get; set; } = [];

    public static RequirementsForm From(ProductRequirements r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new RequirementsForm
        {
            SmallestPassive = r.SmallestPassive,
            FinestBgaPitchMm = r.FinestBgaPitchMm,
            BoardLengthMm = r.Board?.LengthMm,
            BoardWidthMm = r.Board?.WidthMm,
            Layers = r.Layers,
            Tests = [.. Enum.GetValues<TestTypes>().Where(t => t != TestTypes.None && r.Tests.HasFlag(t))],
            Processes = [.. Enum.GetValues<Processes>().Where(p => p != Domain.Lines.Processes.None && r.Processes.HasFlag(p))],
            Certifications = [.. r.Certifications.Order()],
        };
    }

    /// <summary>The validated requirements; a <see cref="Domain.Common.DomainException"/> names the field that is wrong.</summary>
    public ProductRequirements ToRequirements() => new()
    {
        SmallestPassive = SmallestPassive,
        FinestBgaPitchMm = FinestBgaPitchMm,
        Board = BoardLengthMm is { } l && BoardWidthMm is { } w ? new BoardSize(l, w) : null,
        Layers = Layers is { } layers ? Domain.Programs.Requirements.Layers(layers) : null,
        Tests = Tests.Aggregate(TestTypes.None, (a, t) => a | t),
        Processes = Processes.Aggregate(Domain.Lines.Processes.None, (a, p) => a | p),
        Certifications = Certifications.ToHashSet(),
    };
}
