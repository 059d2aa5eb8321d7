using System.Globalization;
using SecondSource.Domain.Common;
using SecondSource.Domain.Lines;

namespace SecondSource.Domain.Programs;

/// <summary>What the buyer has learnt about a candidate line: assessments (0 to 5), its terms and its quote. Null is "not assessed".</summary>
public sealed record CandidateAssessment(
    int? CommunicationScore = null,
    int? IpDisciplineScore = null,
    decimal? MinimumStartingSharePercent = null,
    decimal? LeadTimeWeeks = null,
    decimal? QuotedUnitCost = null)
{
    public CandidateAssessment Validate()
    {
        Score(CommunicationScore, "Communication score");
        Score(IpDisciplineScore, "IP-discipline score");
        if (MinimumStartingSharePercent is < 0 or > 100)
        {
            throw new DomainException($"Minimum starting share must be between 0 and 100 %, not {MinimumStartingSharePercent}.");
        }

        if (LeadTimeWeeks is <= 0)
        {
            throw new DomainException($"Lead time must be more than 0 weeks, not {LeadTimeWeeks}.");
        }

        if (QuotedUnitCost is <= 0)
        {
            throw new DomainException($"Quoted unit cost must be more than 0, not {QuotedUnitCost}.");
        }

        return this;
    }

    private static void Score(int? value, string field)
    {
        if (value is < 0 or > 5)
        {
            throw new DomainException($"{field} must be between 0 and 5, not {value}.");
        }
    }
}

/// <summary>A line considered as the second source.</summary>
public sealed record CandidateProfile(
    Guid LineId,
    string Name,
    CountryCode Country,
    LineCapabilities Capabilities,
    LineCapacity Capacity,
    IReadOnlyList<Certification> Certifications,
    CandidateAssessment Assessment);

/// <summary>How much each criterion counts; non-negative, at least one above zero. The defaults follow the guide's order of concerns.</summary>
public sealed record EvaluationWeights(
    decimal ZoneDiversity = 3,
    decimal Communication = 2,
    decimal IpDiscipline = 2,
    decimal LowAllocation = 1,
    decimal LeadTime = 1,
    decimal UnitCost = 1,
    decimal CapacityHeadroom = 2)
{
    public EvaluationWeights Validate()
    {
        decimal[] all = [ZoneDiversity, Communication, IpDiscipline, LowAllocation, LeadTime, UnitCost, CapacityHeadroom];
        if (all.Any(w => w < 0))
        {
            throw new DomainException("Criterion weights cannot be negative.");
        }

        return all.Sum() > 0 ? this : throw new DomainException("At least one criterion weight must be above zero.");
    }
}

/// <summary>One criterion's score (0 to 1), its weight and why.</summary>
public sealed record CriterionScore(string Criterion, decimal Score, decimal Weight, string Explanation);

/// <summary>A candidate's evaluation: the requirements it misses (hard), its criteria, its weighted score (0 to 100), its rank (1 = best).</summary>
public sealed record CandidateResult(CandidateProfile Candidate, IReadOnlyList<string> Gaps, IReadOnlyList<CriterionScore> Criteria, decimal WeightedScore, int Rank)
{
    public bool MeetsAllRequirements => Gaps.Count == 0;
}

/// <summary>The situation the candidates are judged in.</summary>
public sealed record EvaluationContext(
    ProductRequirements Requirements,
    Zone PrimaryZone,
    IReadOnlyList<Zone> Zones,
    int FullDemandUnitsPerWeek,
    DateOnly Today,
    IReadOnlyCollection<Zone>? CriticalSingleSourceZones = null);

/// <summary>
/// Chooses the second source: hard constraints first (every requirement met, or each gap named), then weighted
/// criteria: a zone different from the primary's (and from the zones of critical single-source components' makers),
/// communication and IP discipline, willingness to start at 10-30 % of volume, lead time and unit cost relative to
/// the best candidate, and tested capacity against the full demand. A candidate that misses a requirement is never
/// ranked above one that meets them all, whatever the weights.
/// </summary>
public static class CandidateEvaluation
{
    public static IReadOnlyList<CandidateResult> Evaluate(EvaluationContext context, IReadOnlyList<CandidateProfile> candidates, EvaluationWeights weights)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(weights);
        weights.Validate();
        if (context.FullDemandUnitsPerWeek <= 0)
        {
            throw new DomainException($"Full demand must be more than 0 units a week, not {context.FullDemandUnitsPerWeek}.");
        }

        var bestLead = candidates.Select(c => c.Assessment.LeadTimeWeeks).Where(l => l is > 0).Min();
        var bestCost = candidates.Select(c => c.Assessment.QuotedUnitCost).Where(c => c is > 0).Min();
        var totalWeight = weights.ZoneDiversity + weights.Communication + weights.IpDiscipline + weights.LowAllocation + weights.LeadTime + weights.UnitCost + weights.CapacityHeadroom;

        var scored = candidates.Select(candidate =>
        {
            var criteria = new List<CriterionScore>
            {
                Zone(candidate, context, weights.ZoneDiversity),
                Assessed("Communication", candidate.Assessment.CommunicationScore, weights.Communication),
                Assessed("IP discipline", candidate.Assessment.IpDisciplineScore, weights.IpDiscipline),
                LowAllocation(candidate.Assessment.MinimumStartingSharePercent, weights.LowAllocation),
                Relative("Lead time", candidate.Assessment.LeadTimeWeeks, bestLead, weights.LeadTime, "weeks"),
                Relative("Unit cost", candidate.Assessment.QuotedUnitCost, bestCost, weights.UnitCost, "a unit"),
                Capacity(candidate.Capacity, context.FullDemandUnitsPerWeek, weights.CapacityHeadroom),
            };
            var score = Math.Round(100m * criteria.Sum(c => c.Score * c.Weight) / totalWeight, 1);
            return (Candidate: candidate, Gaps: Gaps(candidate, context), Criteria: criteria, Score: score);
        }).ToList();

        return scored
            .OrderBy(s => s.Gaps.Count == 0 ? 0 : 1)
            .ThenByDescending(s => s.Score)
            .ThenBy(s => s.Gaps.Count)
            .ThenBy(s => s.Candidate.Name, StringComparer.OrdinalIgnoreCase)
            .Select((s, i) => new CandidateResult(s.Candidate, s.Gaps, s.Criteria, s.Score, i + 1))
            .ToList();
    }

    /// <summary>Every requirement the line does not meet, in words; empty when it meets them all.</summary>
    public static IReadOnlyList<string> Gaps(CandidateProfile candidate, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(context);
        var need = context.Requirements;
        var can = candidate.Capabilities;
        var gaps = new List<string>();
        if (need.SmallestPassive is { } passive && can.SmallestPassive > passive)
        {
            gaps.Add($"places {Size(can.SmallestPassive)} at the smallest; the product needs {Size(passive)}");
        }

        if (need.FinestBgaPitchMm is { } pitch && can.FinestBgaPitchMm > pitch)
        {
            gaps.Add(string.Create(CultureInfo.InvariantCulture, $"finest BGA pitch {can.FinestBgaPitchMm:0.###} mm; the product needs {pitch:0.###} mm"));
        }

        if (need.Board is { } board && !can.LargestBoard.Fits(board))
        {
            gaps.Add($"largest board {can.LargestBoard}; the board is {board}");
        }

        if (need.Layers is { } layers && can.MaxLayers < layers)
        {
            gaps.Add($"at most {can.MaxLayers} layers; the board has {layers}");
        }

        var missingTests = need.Tests & ~can.Tests;
        if (missingTests != TestTypes.None)
        {
            gaps.Add($"does not offer {Names(missingTests)}");
        }

        var missingProcesses = need.Processes & ~can.Processes;
        if (missingProcesses != Processes.None)
        {
            gaps.Add($"does not run {Names(missingProcesses)}");
        }

        foreach (var standard in need.Certifications.Order())
        {
            var held = candidate.Certifications.Where(c => c.Standard == standard).OrderByDescending(c => c.Expires).FirstOrDefault();
            if (held is null)
            {
                gaps.Add($"{Name(standard)} certification missing");
            }
            else if (!held.IsValidOn(context.Today))
            {
                gaps.Add($"{Name(standard)} certification expired on {held.Expires:yyyy-MM-dd}");
            }
        }

        return gaps;
    }

    private static CriterionScore Zone(CandidateProfile candidate, EvaluationContext context, decimal weight)
    {
        var zone = Lines.Zone.For(candidate.Country, context.Zones);
        if (zone.Name == context.PrimaryZone.Name)
        {
            return new CriterionScore("Zone", 0, weight, $"{zone.Name}, the primary's zone: one disruption can stop both lines");
        }

        return context.CriticalSingleSourceZones?.Any(z => z.Name == zone.Name) == true
            ? new CriterionScore("Zone", 0.5m, weight, $"{zone.Name}: differs from the primary's, but single-source critical components come from there")
            : new CriterionScore("Zone", 1, weight, $"{zone.Name}: a different zone from the primary's {context.PrimaryZone.Name}");
    }

    private static CriterionScore Assessed(string criterion, int? score, decimal weight) => score is { } s
        ? new CriterionScore(criterion, s / 5m, weight, $"assessed {s} of 5")
        : new CriterionScore(criterion, 0, weight, "not assessed");

    private static CriterionScore LowAllocation(decimal? minimumShare, decimal weight) => minimumShare switch
    {
        null => new CriterionScore("Low starting allocation", 0, weight, "not stated"),
        <= 10 => new CriterionScore("Low starting allocation", 1, weight, string.Create(CultureInfo.InvariantCulture, $"will start at {minimumShare:0.##} % of volume")),
        <= 30 => new CriterionScore("Low starting allocation", 1 - ((minimumShare.Value - 10) / 40), weight, string.Create(CultureInfo.InvariantCulture, $"needs at least {minimumShare:0.##} % of volume")),
        _ => new CriterionScore("Low starting allocation", 0, weight, string.Create(CultureInfo.InvariantCulture, $"needs at least {minimumShare:0.##} %, above the 10-30 % a second source starts at")),
    };

    private static CriterionScore Relative(string criterion, decimal? value, decimal? best, decimal weight, string unit) => value is > 0 && best is > 0
        ? new CriterionScore(criterion, Math.Round(best.Value / value.Value, 3), weight, string.Create(CultureInfo.InvariantCulture, $"{value:0.##} {unit}; the best candidate offers {best:0.##}"))
        : new CriterionScore(criterion, 0, weight, "not quoted");

    private static CriterionScore Capacity(LineCapacity capacity, int demand, decimal weight)
    {
        if (capacity.TestedSurgeUnitsPerWeek == 0)
        {
            return new CriterionScore("Capacity headroom", 0, weight, $"no tested surge capacity; full demand is {demand} units a week");
        }

        var ratio = Math.Min(1m, (decimal)capacity.TestedSurgeUnitsPerWeek / demand);
        return new CriterionScore("Capacity headroom", Math.Round(ratio, 3), weight,
            $"tested {capacity.TestedSurgeUnitsPerWeek} units a week on {capacity.SurgeTestedOn:yyyy-MM-dd} against a full demand of {demand}");
    }

    private static string Size(PassiveSize size) => Labels.Of(size);

    private static string Name(CertificationStandard standard) => Labels.Of(standard);

    private static string Names(TestTypes tests) => Labels.Of(tests);

    private static string Names(Processes processes) => Labels.Of(processes);
}
