using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Lines;

/// <summary>A manufacturer's factory: where its lines are, which decides their zone.</summary>
public sealed class Site : IPartyOwned
{
    private Site(Guid id, PartyId partyId, string name, string address, CountryCode country, string? region)
    {
        Id = id;
        PartyId = partyId;
        Name = name;
        Address = address;
        Country = country;
        Region = region;
    }

    public Guid Id { get; private set; }

    public PartyId PartyId { get; private set; }

    public string Name { get; private set; }

    public string Address { get; private set; }

    public CountryCode Country { get; private set; }

    /// <summary>Province or state, e.g. Guangdong, Pomorskie.</summary>
    public string? Region { get; private set; }

    public static Site Create(PartyId manufacturer, string name, string address, CountryCode country, string? region) =>
        new(Guid.CreateVersion7(), manufacturer, Guard.RequiredText(name, "Site name", 200), Guard.RequiredText(address, "Address", 500), country,
            string.IsNullOrWhiteSpace(region) ? null : Guard.RequiredText(region, "Region", 100));
}

/// <summary>A certification a line holds, stored per line and owned by the line's manufacturer.</summary>
public sealed class LineCertification : IPartyOwned
{
    private LineCertification(Guid id, Guid lineId, PartyId partyId, CertificationStandard standard, DateOnly expires)
    {
        Id = id;
        LineId = lineId;
        PartyId = partyId;
        Standard = standard;
        Expires = expires;
    }

    public Guid Id { get; private set; }

    public Guid LineId { get; private set; }

    public PartyId PartyId { get; private set; }

    public CertificationStandard Standard { get; private set; }

    public DateOnly Expires { get; private set; }

    internal static LineCertification For(ManufacturingLine line, Certification certification) =>
        new(Guid.CreateVersion7(), line.Id, line.PartyId, certification.Standard, certification.Expires);

    public Certification ToCertification() => new(Standard, Expires);
}

/// <summary>
/// A manufacturing line at a site: what it can build (<see cref="Capabilities"/>), how much
/// (<see cref="Capacity"/>) and its certifications. Its manufacturer's people keep the profile current.
/// </summary>
public sealed class ManufacturingLine : IPartyOwned
{
    private readonly List<LineCertification> _certifications = [];

    private ManufacturingLine(Guid id, PartyId partyId, Guid siteId, string name)
    {
        Id = id;
        PartyId = partyId;
        SiteId = siteId;
        Name = name;
    }

    public Guid Id { get; private set; }

    public PartyId PartyId { get; private set; }

    public Guid SiteId { get; private set; }

    public string Name { get; private set; }

    // Capabilities and capacity are stored as columns; the value objects are rebuilt (and so re-validated) on read.
    public PassiveSize SmallestPassive { get; private set; }

    public decimal FinestBgaPitchMm { get; private set; }

    public decimal MaxBoardLengthMm { get; private set; }

    public decimal MaxBoardWidthMm { get; private set; }

    public int MaxLayers { get; private set; }

    public TestTypes Tests { get; private set; }

    public Processes Processes { get; private set; }

    public int StandingUnitsPerWeek { get; private set; }

    public int TestedSurgeUnitsPerWeek { get; private set; }

    public DateOnly? SurgeTestedOn { get; private set; }

    public string? SurgeEvidence { get; private set; }

    public IReadOnlyList<LineCertification> Certifications => _certifications;

    public LineCapabilities Capabilities => new(SmallestPassive, FinestBgaPitchMm, new BoardSize(MaxBoardLengthMm, MaxBoardWidthMm), MaxLayers, Tests, Processes);

    public LineCapacity Capacity => new(StandingUnitsPerWeek, TestedSurgeUnitsPerWeek, SurgeTestedOn, SurgeEvidence);

    public static ManufacturingLine Create(Site site, string name, LineCapabilities capabilities, LineCapacity capacity, IEnumerable<Certification> certifications)
    {
        ArgumentNullException.ThrowIfNull(site);
        var line = new ManufacturingLine(Guid.CreateVersion7(), site.PartyId, site.Id, Guard.RequiredText(name, "Line name", 200));
        line.Update(capabilities, capacity, certifications);
        return line;
    }

    /// <summary>Replaces the profile; the caller records who changed what.</summary>
    public void Update(LineCapabilities capabilities, LineCapacity capacity, IEnumerable<Certification> certifications)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        ArgumentNullException.ThrowIfNull(capacity);
        ArgumentNullException.ThrowIfNull(certifications);
        SmallestPassive = capabilities.SmallestPassive;
        FinestBgaPitchMm = capabilities.FinestBgaPitchMm;
        MaxBoardLengthMm = capabilities.LargestBoard.LengthMm;
        MaxBoardWidthMm = capabilities.LargestBoard.WidthMm;
        MaxLayers = capabilities.MaxLayers;
        Tests = capabilities.Tests;
        Processes = capabilities.Processes;
        StandingUnitsPerWeek = capacity.StandingUnitsPerWeek;
        TestedSurgeUnitsPerWeek = capacity.TestedSurgeUnitsPerWeek;
        SurgeTestedOn = capacity.SurgeTestedOn;
        SurgeEvidence = capacity.SurgeEvidence;
        _certifications.Clear();
        _certifications.AddRange(certifications.Select(c => LineCertification.For(this, c)));
    }
}
