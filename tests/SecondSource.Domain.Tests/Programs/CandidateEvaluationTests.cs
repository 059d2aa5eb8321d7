using CsCheck;
using SecondSource.Domain.Common;
using SecondSource.Domain.Lines;
using SecondSource.Domain.Programs;

namespace SecondSource.Domain.Tests.Programs;

/// <summary>Hand-made cases for choosing the second source, and the invariant that hard constraints come before weights.</summary>
public sealed class CandidateEvaluationTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static readonly ProductRequirements Needs = new()
    {
        SmallestPassive = PassiveSize.Size0201,
        FinestBgaPitchMm = 0.5m,
        Board = new BoardSize(160, 100),
        Layers = 8,
        Tests = TestTypes.Aoi | TestTypes.Ict | TestTypes.Fct,
        Processes = Processes.DoubleSidedReflow | Processes.ConformalCoat,
        Certifications = new HashSet<CertificationStandard> { CertificationStandard.Iso13485 },
    };

    private static readonly EvaluationContext Context = new(Needs, Zone.Defaults.Single(z => z.Name == "Greater China"), Zone.Defaults, 5000, Today);

    private static CandidateProfile Line(string name, string country, CandidateAssessment? assessment = null, LineCapabilities? capabilities = null,
        LineCapacity? capacity = null, Certification[]? certifications = null) => new(
            Guid.NewGuid(),
            name,
            CountryCode.Parse(country),
            capabilities ?? new LineCapabilities(PassiveSize.Size0201, 0.4m, new BoardSize(400, 300), 16,
                TestTypes.Aoi | TestTypes.Axi | TestTypes.Ict | TestTypes.Fct, Processes.DoubleSidedReflow | Processes.ConformalCoat | Processes.BoxBuild),
            capacity ?? new LineCapacity(1500, 5000, new DateOnly(2026, 6, 1)),
            certifications ?? [new Certification(CertificationStandard.Iso13485, new DateOnly(2028, 1, 1))],
            assessment ?? new CandidateAssessment(4, 4, 10, 6, 20));

    [Fact]
    public void A_line_that_meets_every_requirement_has_no_gaps()
    {
        CandidateEvaluation.Gaps(Line("Gdańsk L1", "PL"), Context).ShouldBeEmpty();
    }

    [Fact]
    public void Every_missed_requirement_is_named()
    {
        var weak = Line("Weak", "PL",
            capabilities: new LineCapabilities(PassiveSize.Size0402, 0.8m, new BoardSize(150, 150), 6, TestTypes.Aoi, Processes.DoubleSidedReflow),
            certifications: [new Certification(CertificationStandard.Iso13485, new DateOnly(2026, 5, 1))]);

        CandidateEvaluation.Gaps(weak, Context).ShouldBe(
        [
            "places 0402 at the smallest; the product needs 0201",
            "finest BGA pitch 0.8 mm; the product needs 0.5 mm",
            "largest board 150 x 150 mm; the board is 160 x 100 mm",
            "at most 6 layers; the board has 8",
            "does not offer ICT, FCT",
            "does not run conformal coat",
            "ISO 13485 certification expired on 2026-05-01",
        ]);
        CandidateEvaluation.Gaps(Line("Uncertified", "PL", certifications: []), Context).ShouldBe(["ISO 13485 certification missing"]);
    }

    [Fact]
    public void A_line_in_another_zone_beats_an_equal_line_in_the_primarys_zone()
    {
        var results = CandidateEvaluation.Evaluate(Context, [Line("Dongguan L4", "CN"), Line("Gdańsk L1", "PL")], new EvaluationWeights());

        results[0].Candidate.Name.ShouldBe("Gdańsk L1");
        results[0].Criteria.Single(c => c.Criterion == "Zone").Explanation.ShouldBe("EU: a different zone from the primary's Greater China");
        results[1].Criteria.Single(c => c.Criterion == "Zone").Score.ShouldBe(0);
        results.Select(r => r.Rank).ShouldBe([1, 2]);
    }

    [Fact]
    public void A_zone_that_critical_single_source_makers_share_counts_half()
    {
        var context = Context with { CriticalSingleSourceZones = [Zone.Defaults.Single(z => z.Name == "North America")] };

        var result = CandidateEvaluation.Evaluate(context, [Line("Austin L2", "US")], new EvaluationWeights()).Single();

        result.Criteria.Single(c => c.Criterion == "Zone").Score.ShouldBe(0.5m);
    }

    [Theory]
    [InlineData(5.0, 1.0)]
    [InlineData(10.0, 1.0)]
    [InlineData(20.0, 0.75)]
    [InlineData(30.0, 0.5)]
    [InlineData(40.0, 0.0)]
    public void Willingness_to_start_low_follows_the_guides_10_to_30_percent_band(double minimumShare, double score)
    {
        var result = CandidateEvaluation.Evaluate(Context, [Line("L", "PL", new CandidateAssessment(4, 4, (decimal)minimumShare, 6, 20))], new EvaluationWeights()).Single();

        result.Criteria.Single(c => c.Criterion == "Low starting allocation").Score.ShouldBe((decimal)score);
    }

    [Fact]
    public void Lead_time_and_cost_score_relative_to_the_best_candidate_and_capacity_against_full_demand()
    {
        var fast = Line("Fast", "PL", new CandidateAssessment(4, 4, 10, 4, 25), capacity: new LineCapacity(1000, 2500, Today));
        var cheap = Line("Cheap", "HU", new CandidateAssessment(4, 4, 10, 8, 20), capacity: new LineCapacity(1000, 0));

        var results = CandidateEvaluation.Evaluate(Context, [fast, cheap], new EvaluationWeights());
        var f = results.Single(r => r.Candidate.Name == "Fast").Criteria.ToDictionary(c => c.Criterion, c => c.Score);
        var c = results.Single(r => r.Candidate.Name == "Cheap").Criteria.ToDictionary(x => x.Criterion, x => x.Score);

        f["Lead time"].ShouldBe(1);
        c["Lead time"].ShouldBe(0.5m);
        c["Unit cost"].ShouldBe(1);
        f["Unit cost"].ShouldBe(0.8m);
        f["Capacity headroom"].ShouldBe(0.5m);
        c["Capacity headroom"].ShouldBe(0);
    }

    [Fact]
    public void What_was_not_assessed_scores_nothing_and_says_so()
    {
        var result = CandidateEvaluation.Evaluate(Context, [Line("New", "PL", new CandidateAssessment())], new EvaluationWeights()).Single();

        result.Criteria.Where(c => c.Criterion is "Communication" or "IP discipline").ShouldAllBe(c => c.Score == 0 && c.Explanation == "not assessed");
        result.Criteria.Single(c => c.Criterion == "Lead time").Explanation.ShouldBe("not quoted");
    }

    [Fact]
    public void The_weighted_score_is_the_weighted_mean_on_a_0_to_100_scale()
    {
        var perfect = Line("Perfect", "PL", new CandidateAssessment(5, 5, 10, 6, 20));

        CandidateEvaluation.Evaluate(Context, [perfect], new EvaluationWeights()).Single().WeightedScore.ShouldBe(100);
        CandidateEvaluation.Evaluate(Context, [perfect], new EvaluationWeights(ZoneDiversity: 1, Communication: 0, IpDiscipline: 0, LowAllocation: 0, LeadTime: 0, UnitCost: 0, CapacityHeadroom: 0))
            .Single().WeightedScore.ShouldBe(100);
    }

    [Fact]
    public void A_candidate_missing_a_requirement_ranks_below_one_meeting_all_even_with_better_scores()
    {
        var brilliantButSmall = Line("Brilliant", "DE", new CandidateAssessment(5, 5, 5, 2, 10),
            capabilities: new LineCapabilities(PassiveSize.Size0402, 0.4m, new BoardSize(400, 300), 16, TestTypes.Aoi | TestTypes.Ict | TestTypes.Fct, Processes.DoubleSidedReflow | Processes.ConformalCoat));
        var adequate = Line("Adequate", "CN", new CandidateAssessment(1, 1, 50, 12, 40), capacity: new LineCapacity(100, 0));

        var results = CandidateEvaluation.Evaluate(Context, [brilliantButSmall, adequate], new EvaluationWeights());

        results[0].Candidate.Name.ShouldBe("Adequate");
        results[1].WeightedScore.ShouldBeGreaterThan(results[0].WeightedScore);
        results[1].MeetsAllRequirements.ShouldBeFalse();
    }

    [Fact]
    public void Whatever_the_weights_and_candidates_no_failing_candidate_outranks_a_passing_one()
    {
        var weight = Gen.Decimal[0, 10].Select(d => Math.Round(d, 2));
        var weights = Gen.Select(weight, weight, weight, weight, weight, weight, weight).Select(w => new EvaluationWeights(w.Item1, w.Item2, w.Item3, w.Item4, w.Item5, w.Item6, w.Item7 + 0.01m));
        var score = Gen.Int[0, 5].Nullable();
        var assessment = Gen.Select(score, score, Gen.Int[0, 60], Gen.Int[1, 20], Gen.Int[5, 80]).Select(a => new CandidateAssessment(a.Item1, a.Item2, a.Item3, a.Item4, a.Item5));
        var capabilities = Gen.Select(Gen.Enum<PassiveSize>(), Gen.Int[3, 10], Gen.Int[100, 400], Gen.Int[4, 20], Gen.Int[0, 127])
            .Select(c => new LineCapabilities(c.Item1, c.Item2 / 10m, new BoardSize(c.Item3, c.Item3), c.Item4, (TestTypes)c.Item5, Processes.DoubleSidedReflow | Processes.ConformalCoat));
        var candidate = Gen.Select(Gen.OneOf("PL", "CN", "US", "VN", "DE"), assessment, capabilities, Gen.Int[0, 9000])
            .Select(c => Line("L" + Guid.NewGuid().ToString("N")[..6], c.Item1, c.Item2, c.Item3, new LineCapacity(500, c.Item4, Today)));

        Gen.Select(weights, candidate.Array[1, 8]).Sample((w, candidates) =>
        {
            var results = CandidateEvaluation.Evaluate(Context, candidates, w);
            var lastPassing = results.LastOrDefault(r => r.MeetsAllRequirements)?.Rank ?? 0;
            var firstFailing = results.FirstOrDefault(r => !r.MeetsAllRequirements)?.Rank ?? int.MaxValue;
            lastPassing.ShouldBeLessThan(firstFailing);
            results.Select(r => r.Rank).ShouldBe(Enumerable.Range(1, candidates.Length));
        }, iter: 500);
    }

    [Fact]
    public void Bad_weights_bad_demand_and_bad_assessments_are_refused()
    {
        Should.Throw<DomainException>(() => CandidateEvaluation.Evaluate(Context, [], new EvaluationWeights(ZoneDiversity: -1))).Message.ShouldBe("Criterion weights cannot be negative.");
        Should.Throw<DomainException>(() => CandidateEvaluation.Evaluate(Context, [], new EvaluationWeights(0, 0, 0, 0, 0, 0, 0))).Message.ShouldBe("At least one criterion weight must be above zero.");
        Should.Throw<DomainException>(() => CandidateEvaluation.Evaluate(Context with { FullDemandUnitsPerWeek = 0 }, [], new EvaluationWeights())).Message.ShouldContain("Full demand");
        Should.Throw<DomainException>(() => new CandidateAssessment(CommunicationScore: 6).Validate()).Message.ShouldBe("Communication score must be between 0 and 5, not 6.");
        Should.Throw<DomainException>(() => new CandidateAssessment(MinimumStartingSharePercent: 120).Validate()).Message.ShouldContain("between 0 and 100 %");
    }
}

public sealed class ProgramStageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static (ProductProgram Program, Guid Primary, Guid Candidate) Program()
    {
        var product = Product.Create("Monitor", "M-1", new ProductRequirements());
        var capabilities = new LineCapabilities(PassiveSize.Size0201, 0.5m, new BoardSize(300, 200), 10, TestTypes.Aoi, Processes.DoubleSidedReflow);
        var primary = ManufacturingLine.Create(Site.Create(SecondSource.Domain.Parties.PartyId.New(), "A", "addr", CountryCode.Parse("CN"), null), "L1", capabilities, new LineCapacity(100, 0), []);
        var candidate = ManufacturingLine.Create(Site.Create(SecondSource.Domain.Parties.PartyId.New(), "B", "addr", CountryCode.Parse("PL"), null), "L2", capabilities, new LineCapacity(100, 0), []);
        var program = ProductProgram.Start(product, "P", 1000, primary, Now, "buyer");
        program.AddCandidate(candidate, Now, "buyer");
        return (program, primary.Id, candidate.Id);
    }

    [Fact]
    public void A_candidate_reaches_transfer_only_through_the_decision()
    {
        var (program, _, candidate) = Program();
        var line = program.Lines.Single(l => l.LineId == candidate);

        line.AllowedMoves.ShouldBe([LineStage.Suspended]);
        Should.Throw<SecondSource.Domain.Common.DomainException>(() => line.MoveTo(LineStage.Pilot, Now, "buyer", null))
            .Message.ShouldBe("A candidate reaches Transfer through the recorded decision; by hand it can only be suspended.");
        program.Decide(candidate, "best", Now, "buyer");
        line.Stage.ShouldBe(LineStage.Transfer);
        line.MoveTo(LineStage.Pilot, Now, "buyer", "300 units");
        line.History.Select(h => h.To).ShouldBe([LineStage.Candidate, LineStage.Transfer, LineStage.Pilot]);
    }

    [Fact]
    public void A_primary_line_is_in_production_or_suspended()
    {
        var (program, primary, _) = Program();
        var line = program.Lines.Single(l => l.LineId == primary);

        line.AllowedMoves.ShouldBe([LineStage.Suspended]);
        Should.Throw<SecondSource.Domain.Common.DomainException>(() => line.MoveTo(LineStage.Ramp, Now, "buyer", null)).Message.ShouldBe("A primary line in Production cannot move to Ramp.");
    }

    [Fact]
    public void A_second_source_leaves_the_pilot_for_the_ramp_only_through_the_gate()
    {
        var (program, _, candidate) = Program();
        var line = program.Lines.Single(l => l.LineId == candidate);
        program.Decide(candidate, "best", Now, "buyer");
        line.MoveTo(LineStage.Pilot, Now, "buyer", null);

        line.AllowedMoves.ShouldBe([LineStage.Transfer, LineStage.Suspended]);
        Should.Throw<SecondSource.Domain.Common.DomainException>(() => line.MoveTo(LineStage.Ramp, Now, "buyer", null))
            .Message.ShouldBe("A second-source line in Pilot reaches Ramp through the pilot gate (Test data → the product → Pilot gate).");
        line.PassPilotGate(Now, "buyer", "all equivalent");
        line.Stage.ShouldBe(LineStage.Ramp);
        line.History[^1].Note.ShouldBe("pilot gate passed: all equivalent");
        Should.Throw<SecondSource.Domain.Common.DomainException>(() => line.PassPilotGate(Now, "buyer", "again"));
        line.AllowedMoves.ShouldContain(LineStage.Production);
    }
}
