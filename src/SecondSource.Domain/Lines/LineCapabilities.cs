using System.Globalization;
using SecondSource.Domain.Common;

namespace SecondSource.Domain.Lines;

/// <summary>Imperial chip sizes, smallest first: a line that places 0201 also places 0402.</summary>
public enum PassiveSize
{
    Size01005 = 1,
    Size0201 = 2,
    Size0402 = 3,
    Size0603 = 4,
    Size0805 = 5,
    Size1206 = 6,
}

/// <summary>Test types a line offers or a product's test plan requires.</summary>
[Flags]
public enum TestTypes
{
    None = 0,
    Aoi = 1,
    Axi = 2,
    Ict = 4,
    FlyingProbe = 8,
    Fct = 16,
    BoundaryScan = 32,
    BurnIn = 64,
}

/// <summary>Assembly processes a line runs or a product needs.</summary>
[Flags]
public enum Processes
{
    None = 0,
    DoubleSidedReflow = 1,
    SelectiveSolder = 2,
    ConformalCoat = 4,
    BoxBuild = 8,
}

/// <summary>Quality-system certifications that markets require.</summary>
public enum CertificationStandard
{
    Iso9001 = 1,
    Iso13485 = 2,
    Iatf16949 = 3,
    As9100 = 4,
}

/// <summary>A certification held until <see cref="Expires"/>.</summary>
public sealed record Certification(CertificationStandard Standard, DateOnly Expires)
{
    public bool IsValidOn(DateOnly day) => day <= Expires;
}

/// <summary>Board dimensions in millimetres; a board fits if it fits either way round.</summary>
public sealed record BoardSize
{
    public BoardSize(decimal lengthMm, decimal widthMm)
    {
        LengthMm = Positive(lengthMm, "Board length (mm)", 2000);
        WidthMm = Positive(widthMm, "Board width (mm)", 2000);
    }

    public decimal LengthMm { get; }

    public decimal WidthMm { get; }

    public bool Fits(BoardSize board)
    {
        ArgumentNullException.ThrowIfNull(board);
        return (board.LengthMm <= LengthMm && board.WidthMm <= WidthMm) || (board.LengthMm <= WidthMm && board.WidthMm <= LengthMm);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{LengthMm:0.###} x {WidthMm:0.###} mm");

    internal static decimal Positive(decimal value, string field, decimal max) =>
        value > 0 && value <= max ? value : throw new DomainException(string.Create(CultureInfo.InvariantCulture, $"{field} must be more than 0 and at most {max}, not {value}."));
}

/// <summary>
/// What a manufacturing line can build: the smallest passive it places, the finest BGA pitch, the largest board,
/// the most layers, and the tests and processes it offers. Values are checked where they are made.
/// </summary>
public sealed record LineCapabilities
{
    public LineCapabilities(PassiveSize smallestPassive, decimal finestBgaPitchMm, BoardSize largestBoard, int maxLayers, TestTypes tests, Processes processes)
    {
        if (!Enum.IsDefined(smallestPassive))
        {
            throw new DomainException($"Smallest passive '{smallestPassive}' is not a chip size.");
        }

        SmallestPassive = smallestPassive;
        FinestBgaPitchMm = BoardSize.Positive(finestBgaPitchMm, "Finest BGA pitch (mm)", 2.0m);
        LargestBoard = largestBoard ?? throw new DomainException("Largest board is required.");
        MaxLayers = maxLayers is >= 1 and <= 64 ? maxLayers : throw new DomainException($"Maximum layer count must be between 1 and 64, not {maxLayers}.");
        Tests = tests;
        Processes = processes;
    }

    public PassiveSize SmallestPassive { get; }

    public decimal FinestBgaPitchMm { get; }

    public BoardSize LargestBoard { get; }

    public int MaxLayers { get; }

    public TestTypes Tests { get; }

    public Processes Processes { get; }
}

/// <summary>What a line can make a week: its standing capacity, and the surge it has shown in a test (when, with what evidence).</summary>
public sealed record LineCapacity
{
    public LineCapacity(int standingUnitsPerWeek, int testedSurgeUnitsPerWeek, DateOnly? surgeTestedOn = null, string? surgeEvidence = null)
    {
        StandingUnitsPerWeek = standingUnitsPerWeek >= 0 ? standingUnitsPerWeek : throw new DomainException($"Standing capacity cannot be negative ({standingUnitsPerWeek} units a week).");
        TestedSurgeUnitsPerWeek = testedSurgeUnitsPerWeek >= 0 ? testedSurgeUnitsPerWeek : throw new DomainException($"Tested surge capacity cannot be negative ({testedSurgeUnitsPerWeek} units a week).");
        if (testedSurgeUnitsPerWeek > 0 && surgeTestedOn is null)
        {
            throw new DomainException("A tested surge capacity needs the date of the test.");
        }

        SurgeTestedOn = surgeTestedOn;
        SurgeEvidence = surgeEvidence;
    }

    public int StandingUnitsPerWeek { get; }

    public int TestedSurgeUnitsPerWeek { get; }

    public DateOnly? SurgeTestedOn { get; }

    public string? SurgeEvidence { get; }
}
