using SecondSource.Domain.Common;

namespace SecondSource.Domain.Planning;

/// <summary>
/// A surge Run@Rate on the second line (GM GP-9 style): hours run, good and total units, and the surge hours a week the
/// line could run. Demonstrated weekly capacity = good units per hour × surge hours a week × (planned OEE ÷ OEE during
/// the test) (research note planning.md §2.6).
/// </summary>
public sealed record SurgeRun(DateOnly On, double Hours, int GoodUnits, int TotalUnits, double SurgeHoursPerWeek, double OeeRatio = 1)
{
    /// <summary>GP-9: never shorter than four hours.</summary>
    public const double MinimumHours = 4;

    public double FirstPassYield => TotalUnits == 0 ? 0 : (double)GoodUnits / TotalUnits;

    public double DemonstratedWeekly => Hours <= 0 ? 0 : GoodUnits / Hours * SurgeHoursPerWeek * OeeRatio;

    public SurgeRun Checked()
    {
        if (!(Hours > 0) || GoodUnits < 0 || TotalUnits < GoodUnits || !(SurgeHoursPerWeek > 0 && SurgeHoursPerWeek <= 168) || !(OeeRatio > 0))
        {
            throw new DomainException("A surge run has positive hours, good units not above total units, 0–168 surge hours a week and a positive OEE ratio.");
        }

        return this;
    }

    /// <summary>κ(age): full credit up to six months old, falling linearly to none at twelve months.</summary>
    public double Credit(DateOnly today)
    {
        var days = today.DayNumber - On.DayNumber;
        return days <= 182 ? 1 : days >= 365 ? 0 : (365.0 - days) / (365 - 182);
    }
}

/// <summary>The contract clause of an emergency shift: the share of demand the second line must reach, and how fast.</summary>
public sealed record ShiftClause(double TargetShare = 0.9, int WeeksToReach = 4)
{
    public ShiftClause Checked() => TargetShare is > 0 and <= 1 && WeeksToReach is >= 1 and <= 52
        ? this
        : throw new DomainException($"A clause's target share lies in (0, 1] and its weeks between 1 and 52 (were {TargetShare} and {WeeksToReach}).");
}

/// <summary>
/// What an emergency shift is judged on: the clause, mean weekly demand for the next 13 weeks D̄, the second line's
/// standing share, reserved surge capacity R_B and installed capacity (units a week), its latest surge run, its warmth,
/// the primary's recovery time (P90 weeks), finished-goods bridge inventory, BOM lines with no source usable on the
/// second line, and vault items the second line is behind on.
/// </summary>
public sealed record ShiftInputs(
    ShiftClause Clause, double WeeklyDemand, double StandingShare, double ReservedWeekly, double InstalledWeekly,
    SurgeRun? LatestSurge, WarmthAssessment Warmth, double PrimaryRecoveryWeeks, double BridgeInventory,
    int UncoveredBomLines, int RevisionItemsBehind);

/// <summary>One of the six pass criteria.</summary>
public sealed record ShiftCriterion(string Name, bool Met, string Detail);

/// <summary>
/// The emergency-shift assessment: test-age credit κ, demonstrated capacity, the emergency coverage ratio
/// ECR = min(κ·C_dem, R_B) / D̄, the weekly ramp envelope Ĉ_B(k) = min(κ·C_dem, R_B) · φ(k) · θ(k), T90, the time to
/// survive with the primary lost, the bridge inventory the ramp needs, and the six criteria; it passes when all hold.
/// </summary>
public sealed record ShiftAssessment(
    double Credit, double DemonstratedWeekly, double CoverageRatio, IReadOnlyList<double> Envelope, int? WeeksTo90,
    TimeToSurvive Survive, double BridgeNeeded, IReadOnlyList<ShiftCriterion> Criteria)
{
    /// <summary>
    /// "Ready": every one of the six criteria holds today. The one definition the program page's badge, the health
    /// scorecard's "emergency shift is tested" and the glossary use; a passed drill alone does not make a shift ready.
    /// </summary>
    public bool Passes => Criteria.All(c => c.Met);

    /// <summary>The criteria not met today, by name.</summary>
    public IReadOnlyList<string> Unmet => [.. Criteria.Where(c => !c.Met).Select(c => c.Name)];
}

/// <summary>
/// The emergency allocation shift test (research note planning.md §2.6, §3.3, §5.4; every default a judgement to
/// calibrate): ramp φ(k) = 1 − (1 − φ₀)·e^(−k/τ) from the standing share (τ = 2 weeks), warm-restart rate
/// θ(k) = 1 − (1 − θ₁)·e^(−(k−1)/1.5) with θ₁ from the line's warmth, over a 26-week horizon.
/// </summary>
public static class EmergencyShift
{
    public const double RampTimeConstantWeeks = 2;
    public const double RateRecoveryWeeks = 1.5;
    public const int HorizonWeeks = 26;
    public const double RequiredCoverage = 0.9;

    public static ShiftAssessment Assess(ShiftInputs inputs, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var clause = inputs.Clause.Checked();
        if (!(inputs.WeeklyDemand > 0) || inputs.StandingShare is < 0 or > 1 || inputs.ReservedWeekly < 0 || inputs.InstalledWeekly < 0 || inputs.BridgeInventory < 0 || inputs.PrimaryRecoveryWeeks < 0)
        {
            throw new DomainException("Demand is positive; shares lie in [0, 1]; capacities, inventory and recovery time are not negative.");
        }

        var surge = inputs.LatestSurge?.Checked();
        var credit = surge?.Credit(today) ?? 0;
        var demonstrated = Math.Min(surge?.DemonstratedWeekly ?? 0, inputs.InstalledWeekly > 0 ? inputs.InstalledWeekly : double.PositiveInfinity);
        var ceiling = Math.Min(credit * demonstrated, inputs.ReservedWeekly);
        var coverage = ceiling / inputs.WeeklyDemand;

        var start = ceiling <= 0 ? 0 : Math.Clamp(inputs.StandingShare * inputs.WeeklyDemand / ceiling, 0, 1);
        var envelope = Enumerable.Range(1, HorizonWeeks).Select(k =>
        {
            var phi = 1 - (1 - start) * Math.Exp(-k / RampTimeConstantWeeks);
            var theta = 1 - (1 - inputs.Warmth.FirstWeekRate) * Math.Exp(-(k - 1) / RateRecoveryWeeks);
            return ceiling * phi * theta;
        }).ToList();
        var t90Index = envelope.FindIndex(c => c >= clause.TargetShare * inputs.WeeklyDemand);
        int? t90 = t90Index < 0 ? null : t90Index + 1;
        var survive = StressTest.TimeIndexed(inputs.BridgeInventory, [inputs.WeeklyDemand], envelope, HorizonWeeks);
        var bridge = StressTest.BridgeInventory([inputs.WeeklyDemand], envelope, HorizonWeeks);
        var inv = System.Globalization.CultureInfo.InvariantCulture;

        List<ShiftCriterion> criteria =
        [
            new("Emergency coverage ratio ≥ 0.90", coverage >= RequiredCoverage,
                string.Create(inv, $"ECR {coverage:0.00}: min(κ {credit:0.00} × demonstrated {demonstrated:N0}, reserved {inputs.ReservedWeekly:N0}) ÷ demand {inputs.WeeklyDemand:N0} a week")),
            new($"{clause.TargetShare:P0} of demand within {clause.WeeksToReach} weeks (T90)", t90 is { } w && w <= clause.WeeksToReach,
                t90 is { } weeks ? $"reached in week {weeks}" : $"not reached within {HorizonWeeks} weeks"),
            new("Time to survive ≥ the primary's recovery time, or bridge inventory ≥ what the ramp needs",
                survive.AtLeastHorizon || survive.Weeks >= inputs.PrimaryRecoveryWeeks || inputs.BridgeInventory >= bridge,
                string.Create(inv, $"survives {(survive.AtLeastHorizon ? $"≥ {HorizonWeeks}" : survive.Weeks.ToString("0", inv))} weeks against a {inputs.PrimaryRecoveryWeeks:0.#}-week recovery; bridge inventory {inputs.BridgeInventory:N0} of {bridge:N0} needed")),
            new("Every BOM line has a source usable on the second line", inputs.UncoveredBomLines == 0,
                inputs.UncoveredBomLines == 0 ? "all covered" : $"{inputs.UncoveredBomLines} BOM line(s) with no source qualified and accepted there"),
            new("Revision parity with the primary", inputs.RevisionItemsBehind == 0,
                inputs.RevisionItemsBehind == 0 ? "current on every item" : $"{inputs.RevisionItemsBehind} package item(s) behind"),
            new("A recent surge run at rate", surge is not null && surge.Hours >= SurgeRun.MinimumHours && credit >= 1 && surge.DemonstratedWeekly >= RequiredCoverage * inputs.WeeklyDemand,
                surge is null ? "no surge run recorded"
                    : string.Create(inv, $"{surge.On:yyyy-MM-dd}: {surge.Hours:0.#} h, {surge.DemonstratedWeekly:N0} a week demonstrated, FPY {surge.FirstPassYield:P1}, credit {credit:0.00}")),
        ];
        return new ShiftAssessment(credit, demonstrated, coverage, envelope, t90, survive, bridge, criteria);
    }
}
