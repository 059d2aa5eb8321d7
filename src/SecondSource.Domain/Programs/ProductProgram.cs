using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Programs;

/// <summary>The stages a line goes through in a program.</summary>
public enum LineStage
{
    Candidate = 1,
    Transfer = 2,
    Pilot = 3,
    Ramp = 4,
    Production = 5,
    Suspended = 6,
}

/// <summary>What a line is to a program.</summary>
public enum LineRole
{
    Primary = 1,
    SecondSource = 2,
}

/// <summary>A product the buyer ships, with what it needs from any line that builds it.</summary>
public sealed class Product
{
    private Product(Guid id, string name, string code)
    {
        Id = id;
        Name = name;
        Code = code;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The buyer's product code or top-level part number.</summary>
    public string Code { get; private set; }

    public Lines.PassiveSize? SmallestPassive { get; private set; }

    public decimal? FinestBgaPitchMm { get; private set; }

    public decimal? BoardLengthMm { get; private set; }

    public decimal? BoardWidthMm { get; private set; }

    public int? Layers { get; private set; }

    public Lines.TestTypes RequiredTests { get; private set; }

    public Lines.Processes RequiredProcesses { get; private set; }

    /// <summary>Required certifications, stored as a comma-separated list of standards.</summary>
    public string RequiredCertifications { get; private set; } = "";

    public static Product Create(string name, string code, ProductRequirements requirements)
    {
        var product = new Product(Guid.CreateVersion7(), Guard.RequiredText(name, "Product name", 200), Guard.RequiredText(code, "Product code", 100));
        product.SetRequirements(requirements);
        return product;
    }

    public ProductRequirements Requirements => new()
    {
        SmallestPassive = SmallestPassive,
        FinestBgaPitchMm = FinestBgaPitchMm,
        Board = BoardLengthMm is { } l && BoardWidthMm is { } w ? new Lines.BoardSize(l, w) : null,
        Layers = Layers,
        Tests = RequiredTests,
        Processes = RequiredProcesses,
        Certifications = RequiredCertifications.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Lines.CertificationStandard>).ToHashSet(),
    };

    public void SetRequirements(ProductRequirements requirements)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        SmallestPassive = requirements.SmallestPassive;
        FinestBgaPitchMm = requirements.FinestBgaPitchMm;
        BoardLengthMm = requirements.Board?.LengthMm;
        BoardWidthMm = requirements.Board?.WidthMm;
        Layers = requirements.Layers is { } layers ? Programs.Requirements.Layers(layers) : null;
        RequiredTests = requirements.Tests;
        RequiredProcesses = requirements.Processes;
        RequiredCertifications = string.Join(",", requirements.Certifications.Order());
    }
}

/// <summary>A change of a line's stage in a program: from, to, when, who and why.</summary>
public sealed class StageChange : IPartyOwned
{
    private StageChange(Guid id, Guid programLineId, PartyId partyId, LineStage? from, LineStage to, DateTimeOffset at, string by, string? note)
    {
        Id = id;
        ProgramLineId = programLineId;
        PartyId = partyId;
        From = from;
        To = to;
        At = at;
        By = by;
        Note = note;
    }

    public Guid Id { get; private set; }

    public Guid ProgramLineId { get; private set; }

    public PartyId PartyId { get; private set; }

    public LineStage? From { get; private set; }

    public LineStage To { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string By { get; private set; }

    public string? Note { get; private set; }

    internal static StageChange Of(ProgramLine line, LineStage? from, LineStage to, DateTimeOffset at, string by, string? note) =>
        new(Guid.CreateVersion7(), line.Id, line.PartyId, from, to, Guard.Utc(at, "Stage change time"), Guard.RequiredText(by, "Changed by", 256), note);
}

/// <summary>A line's place in a program: its role, its current stage and how it got there. Owned by the line's manufacturer.</summary>
public sealed class ProgramLine : IPartyOwned
{
    private readonly List<StageChange> _history = [];

    private ProgramLine(Guid id, Guid programId, Guid lineId, PartyId partyId, LineRole role, LineStage stage)
    {
        Id = id;
        ProgramId = programId;
        LineId = lineId;
        PartyId = partyId;
        Role = role;
        Stage = stage;
    }

    public Guid Id { get; private set; }

    public Guid ProgramId { get; private set; }

    public Guid LineId { get; private set; }

    public PartyId PartyId { get; private set; }

    public LineRole Role { get; private set; }

    public LineStage Stage { get; private set; }

    public IReadOnlyList<StageChange> History => _history;

    /// <summary>The line's standing capacity for the product, units a week, as the buyer records it (null when not recorded).</summary>
    public int? StandingWeeklyCapacity { get; private set; }

    /// <summary>The most the line's weekly volume for the product may change from one week to the next (units; null: no limit).</summary>
    public int? RampLimitWeekly { get; private set; }

    /// <summary>Records the line's standing capacity for the product (units a week), or clears it.</summary>
    public void SetStandingCapacity(int? unitsPerWeek)
    {
        if (unitsPerWeek is < 0)
        {
            throw new DomainException($"A standing capacity is at least 0 units a week (was {unitsPerWeek}).");
        }

        StandingWeeklyCapacity = unitsPerWeek;
    }

    /// <summary>Records how much the line's committed weekly volume may change week to week (units), or clears the limit.</summary>
    public void SetRampLimit(int? unitsPerWeek)
    {
        if (unitsPerWeek is < 0)
        {
            throw new DomainException($"A ramp limit is at least 0 units a week (was {unitsPerWeek}).");
        }

        RampLimitWeekly = unitsPerWeek;
    }

    internal static ProgramLine Start(Guid programId, Lines.ManufacturingLine line, LineRole role, LineStage stage, DateTimeOffset at, string by)
    {
        var programLine = new ProgramLine(Guid.CreateVersion7(), programId, line.Id, line.PartyId, role, stage);
        programLine._history.Add(StageChange.Of(programLine, null, stage, at, by, role == LineRole.Primary ? "primary line" : "candidate second source"));
        return programLine;
    }

    /// <summary>
    /// The stages the line may be moved to by hand: a candidate can only be dropped (Suspended) — it reaches Transfer
    /// through the recorded decision; a primary line is in production or suspended; a second source moves through
    /// transfer, pilot, ramp and production, or is suspended — but it leaves transfer and pilot for ramp or production
    /// only through the pilot gate (<see cref="PassPilotGate"/>).
    /// </summary>
    public IReadOnlyList<LineStage> AllowedMoves => (Role, Stage) switch
    {
        (_, LineStage.Candidate) => [LineStage.Suspended],
        (LineRole.Primary, _) => [.. new[] { LineStage.Production, LineStage.Suspended }.Where(s => s != Stage)],
        (_, LineStage.Transfer or LineStage.Pilot) => [.. new[] { LineStage.Transfer, LineStage.Pilot, LineStage.Suspended }.Where(s => s != Stage)],
        _ => [.. new[] { LineStage.Transfer, LineStage.Pilot, LineStage.Ramp, LineStage.Production, LineStage.Suspended }.Where(s => s != Stage)],
    };

    /// <summary>
    /// What moving the line to <paramref name="to"/> does, in the words the confirmation shows before it is done: the
    /// plan gives volume only to lines past candidate and not suspended, the dual-AVL coverage counts acceptances of
    /// those lines only, and warmth is tracked for a second source only while it is neither.
    /// </summary>
    public static IReadOnlyList<string> ConsequencesOf(LineRole role, LineStage from, LineStage to)
    {
        var consequences = new List<string>();
        if (from == LineStage.Candidate && to == LineStage.Suspended)
        {
            // A candidate never took volume and its acceptances never counted: dropping it changes only the choice.
            consequences.Add("The candidate is dropped from the choice of a second source; it took no volume and its acceptances did not count, so nothing else changes.");
        }
        else if (to == LineStage.Suspended)
        {
            consequences.Add("The plan gives the line no volume while it is suspended.");
            consequences.Add("Its acceptances of parts no longer count toward the product's dual-AVL coverage.");
            consequences.Add(role == LineRole.Primary
                ? "This is the primary line: until it is moved back to production, the product has no primary in production."
                : "Its warmth is no longer tracked; a suspended second source is not ready to take the primary's volume.");
        }
        else if (from == LineStage.Suspended)
        {
            consequences.Add("The line takes volume in the plan again and its acceptances count toward dual-AVL coverage.");
        }
        else if (to < from)
        {
            consequences.Add($"The line goes back from {from.ToString().ToLowerInvariant()} to {to.ToString().ToLowerInvariant()}.");
        }

        consequences.Add("The move is recorded in the line's history with your name and note.");
        return consequences;
    }

    /// <summary>Moves the line to <paramref name="to"/>, one of <see cref="AllowedMoves"/>.</summary>
    public void MoveTo(LineStage to, DateTimeOffset at, string by, string? note)
    {
        if (!Enum.IsDefined(to))
        {
            throw new DomainException($"'{to}' is not a stage.");
        }

        if (to == Stage)
        {
            throw new DomainException($"The line is already in {Stage}.");
        }

        if (!AllowedMoves.Contains(to))
        {
            throw new DomainException(Stage == LineStage.Candidate
                ? "A candidate reaches Transfer through the recorded decision; by hand it can only be suspended."
                : Role == LineRole.SecondSource && Stage is LineStage.Transfer or LineStage.Pilot && to is LineStage.Ramp or LineStage.Production
                    ? $"A second-source line in {Stage} reaches {to} through the pilot gate (Test data → the product → Pilot gate)."
                    : $"A {(Role == LineRole.Primary ? "primary" : "second-source")} line in {Stage} cannot move to {to}.");
        }

        Record(to, at, by, note);
    }

    /// <summary>The pilot gate's decision: a second-source line in Pilot moves to Ramp.</summary>
    public void PassPilotGate(DateTimeOffset at, string by, string why)
    {
        if (Role != LineRole.SecondSource || Stage != LineStage.Pilot)
        {
            throw new DomainException($"Only a second-source line in Pilot passes the pilot gate; this line is {(Role == LineRole.Primary ? "the primary" : "a second source")} in {Stage}.");
        }

        Record(LineStage.Ramp, at, by, $"pilot gate passed: {Guard.RequiredText(why, "Why", 2000)}");
    }

    /// <summary>The decision's move from Candidate to Transfer.</summary>
    internal void Choose(DateTimeOffset at, string by) => Record(LineStage.Transfer, at, by, "chosen as the second source");

    private void Record(LineStage to, DateTimeOffset at, string by, string? note)
    {
        _history.Add(StageChange.Of(this, Stage, to, at, by, note));
        Stage = to;
    }

    internal void BecomeSecondSource() => Role = LineRole.SecondSource;
}

/// <summary>
/// A second-source program: one product, its primary line and the lines considered or used as second sources,
/// each with a stage. The decision that picks the second source is recorded here.
/// </summary>
public sealed class ProductProgram
{
    private readonly List<ProgramLine> _lines = [];

    private ProductProgram(Guid id, Guid productId, string name, int fullDemandUnitsPerWeek, DateTimeOffset createdAt)
    {
        Id = id;
        ProductId = productId;
        Name = name;
        FullDemandUnitsPerWeek = fullDemandUnitsPerWeek;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    public string Name { get; private set; }

    /// <summary>Units a week the product needs in total; a second line must be able to ramp to it.</summary>
    public int FullDemandUnitsPerWeek { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<ProgramLine> Lines => _lines;

    /// <summary>The program's own allocation policy, when it departs from the guide's defaults.</summary>
    public Planning.SharePolicy? AllocationPolicy { get; private set; }

    /// <summary>The allocation policy in force: the program's own or the guide's defaults.</summary>
    public Planning.SharePolicy Policy => AllocationPolicy ?? new Planning.SharePolicy();

    /// <summary>Sets the program's allocation policy (bands, target, launch quarters, warm window and batch).</summary>
    public void SetAllocationPolicy(Planning.SharePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        AllocationPolicy = policy.Checked();
    }

    public static ProductProgram Start(Product product, string name, int fullDemandUnitsPerWeek, Lines.ManufacturingLine primary, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(primary);
        if (fullDemandUnitsPerWeek <= 0)
        {
            throw new DomainException($"Full demand must be more than 0 units a week, not {fullDemandUnitsPerWeek}.");
        }

        var program = new ProductProgram(Guid.CreateVersion7(), product.Id, Guard.RequiredText(name, "Program name", 200), fullDemandUnitsPerWeek, Guard.Utc(at, "Creation time"));
        program._lines.Add(ProgramLine.Start(program.Id, primary, LineRole.Primary, LineStage.Production, at, by));
        return program;
    }

    /// <summary>Adds a line to consider as the second source.</summary>
    public ProgramLine AddCandidate(Lines.ManufacturingLine line, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (_lines.Any(l => l.LineId == line.Id))
        {
            throw new DomainException($"{line.Name} is already in the program.");
        }

        var candidate = ProgramLine.Start(Id, line, LineRole.SecondSource, LineStage.Candidate, at, by);
        _lines.Add(candidate);
        return candidate;
    }

    /// <summary>Records the choice of the second source: the chosen candidate moves to Transfer.</summary>
    public SelectionDecision Decide(Guid chosenLineId, string reasons, DateTimeOffset at, string by)
    {
        var chosen = _lines.SingleOrDefault(l => l.LineId == chosenLineId && l.Role == LineRole.SecondSource)
            ?? throw new DomainException("The chosen line is not a candidate of this program.");
        if (chosen.Stage != LineStage.Candidate)
        {
            throw new DomainException($"The chosen line is in {chosen.Stage}, not a candidate any more.");
        }

        var decision = SelectionDecision.Record(Id, chosenLineId, reasons, at, by);
        chosen.Choose(at, by);
        return decision;
    }
}

/// <summary>The recorded choice of a second source: which line, why, who and when. Seen by the buyer only.</summary>
public sealed class SelectionDecision : IBuyerOnly
{
    private SelectionDecision(Guid id, Guid programId, Guid chosenLineId, string reasons, DateTimeOffset decidedAt, string decidedBy)
    {
        Id = id;
        ProgramId = programId;
        ChosenLineId = chosenLineId;
        Reasons = reasons;
        DecidedAt = decidedAt;
        DecidedBy = decidedBy;
    }

    public Guid Id { get; private set; }

    public Guid ProgramId { get; private set; }

    public Guid ChosenLineId { get; private set; }

    public string Reasons { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    public string DecidedBy { get; private set; }

    internal static SelectionDecision Record(Guid programId, Guid chosenLineId, string reasons, DateTimeOffset at, string by) =>
        new(Guid.CreateVersion7(), programId, chosenLineId, Guard.RequiredText(reasons, "Reasons", 4000), Guard.Utc(at, "Decision time"), Guard.RequiredText(by, "Decided by", 256));
}

/// <summary>The buyer's assessment of a candidate line in a program (scores, terms, quote). Seen by the buyer only.</summary>
public sealed class CandidateAssessmentRecord : IBuyerOnly
{
    private CandidateAssessmentRecord(Guid id, Guid programId, Guid lineId)
    {
        Id = id;
        ProgramId = programId;
        LineId = lineId;
    }

    public Guid Id { get; private set; }

    public Guid ProgramId { get; private set; }

    public Guid LineId { get; private set; }

    public int? CommunicationScore { get; private set; }

    public int? IpDisciplineScore { get; private set; }

    public decimal? MinimumStartingSharePercent { get; private set; }

    public decimal? LeadTimeWeeks { get; private set; }

    public decimal? QuotedUnitCost { get; private set; }

    public string? Evidence { get; private set; }

    public DateTimeOffset AssessedAt { get; private set; }

    public string AssessedBy { get; private set; } = "";

    public CandidateAssessment Assessment => new(CommunicationScore, IpDisciplineScore, MinimumStartingSharePercent, LeadTimeWeeks, QuotedUnitCost);

    public static CandidateAssessmentRecord Create(Guid programId, Guid lineId) => new(Guid.CreateVersion7(), programId, lineId);

    public void Record(CandidateAssessment assessment, string? evidence, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        assessment.Validate();
        CommunicationScore = assessment.CommunicationScore;
        IpDisciplineScore = assessment.IpDisciplineScore;
        MinimumStartingSharePercent = assessment.MinimumStartingSharePercent;
        LeadTimeWeeks = assessment.LeadTimeWeeks;
        QuotedUnitCost = assessment.QuotedUnitCost;
        Evidence = string.IsNullOrWhiteSpace(evidence) ? null : Guard.RequiredText(evidence, "Evidence", 2000);
        AssessedAt = Guard.Utc(at, "Assessment time");
        AssessedBy = Guard.RequiredText(by, "Assessed by", 256);
    }
}
