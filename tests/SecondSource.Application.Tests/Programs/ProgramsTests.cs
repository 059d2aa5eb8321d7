using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Demo;
using SecondSource.Application.Persistence;
using SecondSource.Application.Programs;
using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;
using SecondSource.Domain.Programs;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Programs;

/// <summary>Programs and lines on each provider: what each party sees, and the selection flow.</summary>
public sealed class ProgramsTests
{
    private static async Task<(TestDatabase Database, SeedDemoResult Demo)> DemoAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();
        var demo = await scope.ServiceProvider.GetRequiredService<SeedDemoHandler>().HandleAsync(CancellationToken.None);
        return (database, demo.Value!);
    }

    private static async Task<PartyId> PartyNamed(TestDatabase database, string prefix)
    {
        await using var db = database.CreateContext(PartyScope.Unrestricted);
        return (await db.Parties.ToListAsync()).Single(p => p.Name.StartsWith(prefix, StringComparison.Ordinal)).Id;
    }

    [Theory, DatabaseProviders]
    public async Task A_manufacturer_sees_its_own_lines_and_its_part_in_programs_but_no_evaluation(DatabaseProvider provider)
    {
        var (database, _) = await DemoAsync(provider);
        await using var _d = database;
        var vistula = await PartyNamed(database, "Vistula");
        await using var services = database.BuildServices(PartyScope.For(vistula));
        await using var scope = services.CreateAsyncScope();

        var lines = await scope.ServiceProvider.GetRequiredService<SecondSource.Application.Lines.LineQueries>().ListAsync(CancellationToken.None);
        var programs = await scope.ServiceProvider.GetRequiredService<ProgramQueries>().ListAsync(CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>();

        lines.Select(l => l.Name).ShouldBe(["SMT line 1"]);
        programs.Single().Lines.Select(l => l.LineName).ShouldBe(["SMT line 1"]);
        programs.Single().Product.ShouldBe("VitalSign bedside monitor VSM-200");
        (await db.Assessments.CountAsync()).ShouldBe(0);
        (await db.Decisions.CountAsync()).ShouldBe(0);
        (await db.Sites.CountAsync()).ShouldBe(1);
    }

    [Theory, DatabaseProviders]
    public async Task A_manufacturer_outside_every_program_sees_no_program_and_no_product(DatabaseProvider provider)
    {
        var (database, _) = await DemoAsync(provider);
        await using var _d = database;
        PartyId outsider;
        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            outsider = (await db.AddManufacturerAsync("Outsider EMS")).Id;
        }

        await using var restricted = database.CreateContext(PartyScope.For(outsider));

        (await restricted.Programs.CountAsync()).ShouldBe(0);
        (await restricted.Products.CountAsync()).ShouldBe(0);
        (await restricted.Lines.CountAsync()).ShouldBe(0);
        (await restricted.ProgramLines.CountAsync()).ShouldBe(0);
    }

    [Theory, DatabaseProviders]
    public async Task A_manufacturer_cannot_write_assessments_decisions_or_programs(DatabaseProvider provider)
    {
        var (database, _) = await DemoAsync(provider);
        await using var _d = database;
        var vistula = await PartyNamed(database, "Vistula");
        await using var db = database.CreateContext(PartyScope.For(vistula));
        var program = await db.Programs.SingleAsync();
        var line = await db.Lines.SingleAsync();

        var record = CandidateAssessmentRecord.Create(program.Id, line.Id);
        record.Record(new CandidateAssessment(5, 5, 0, 1, 1), "self-assessed", PartyBuilder.Now, "member");
        db.Assessments.Add(record);

        (await Should.ThrowAsync<PartyIsolationException>(() => db.SaveChangesAsync())).Message.ShouldContain("only the buyer changes rows");
    }

    [Theory, DatabaseProviders]
    public async Task The_buyer_sees_the_whole_demo_program_and_its_ranking(DatabaseProvider provider)
    {
        var (database, _) = await DemoAsync(provider);
        await using var _d = database;
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();
        var program = (await scope.ServiceProvider.GetRequiredService<ProgramQueries>().ListAsync(CancellationToken.None)).Single();

        var comparison = (await scope.ServiceProvider.GetRequiredService<EvaluateCandidatesHandler>().HandleAsync(program.Id, new EvaluationWeights(), CancellationToken.None)).Value!;

        comparison.PrimaryZone.ShouldBe("Greater China");
        comparison.Results.Select(r => r.Candidate.Name).ShouldBe(
            ["SMT line 1 (Vistula EMS Sp. z o.o. (Gdańsk))", "Line A2 (Dongguan Allied EMS)", "Line 5 (Saigon Precision Assembly)"]);
        comparison.Results[2].Gaps.ShouldContain("places 0402 at the smallest; the product needs 0201");
        comparison.Decision!.ChosenLineId.ShouldBe(comparison.Results[0].Candidate.LineId);
        comparison.DecidedLineName.ShouldBe("SMT line 1");
    }

    [Fact]
    public async Task Deciding_moves_the_chosen_candidate_to_transfer_and_records_who_and_why()
    {
        var (database, _) = await DemoAsync(DatabaseProvider.Sqlite);
        await using var _d = database;
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var program = (await sp.GetRequiredService<ProgramQueries>().ListAsync(CancellationToken.None)).Single();
        var dongguan = program.Lines.Single(l => l.Manufacturer == "Dongguan Allied EMS").LineId;

        var decided = await sp.GetRequiredService<DecideSecondSourceHandler>().HandleAsync(new DecideSecondSourceRequest(program.Id, dongguan, "Surge capacity for a second product", "eng@aurora.example"), CancellationToken.None);
        var again = sp.GetRequiredService<DecideSecondSourceHandler>().HandleAsync(new DecideSecondSourceRequest(program.Id, dongguan, "again", "eng@aurora.example"), CancellationToken.None);
        var primary = sp.GetRequiredService<DecideSecondSourceHandler>().HandleAsync(new DecideSecondSourceRequest(program.Id, program.Lines.Single(l => l.Role == LineRole.Primary).LineId, "x", "eng"), CancellationToken.None);

        decided.Succeeded.ShouldBeTrue();
        (await Should.ThrowAsync<DomainException>(() => again)).Message.ShouldBe("The chosen line is in Transfer, not a candidate any more.");
        (await Should.ThrowAsync<DomainException>(() => primary)).Message.ShouldBe("The chosen line is not a candidate of this program.");
        var after = (await sp.GetRequiredService<ProgramQueries>().FindAsync(program.Id.ToString(), CancellationToken.None))!;
        var line = after.Lines.Single(l => l.LineId == dongguan);
        line.Stage.ShouldBe(LineStage.Transfer);
        var last = line.History[^1];
        last.ShouldBe(new StageChangeView(LineStage.Candidate, LineStage.Transfer, last.At, "eng@aurora.example", "chosen as the second source"));
    }

    [Fact]
    public async Task Assessments_are_validated_and_only_for_candidates()
    {
        var (database, _) = await DemoAsync(DatabaseProvider.Sqlite);
        await using var _d = database;
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var program = (await sp.GetRequiredService<ProgramQueries>().ListAsync(CancellationToken.None)).Single();
        var record = sp.GetRequiredService<RecordAssessmentHandler>();

        var primaryLine = program.Lines.Single(l => l.Role == LineRole.Primary).LineId;
        (await record.HandleAsync(new RecordAssessmentRequest(program.Id, primaryLine, new CandidateAssessment(3), null, "eng"), CancellationToken.None))
            .Failure!.Message.ShouldBe("That line is not a candidate of that program.");
        var saigon = program.Lines.Single(l => l.Manufacturer == "Saigon Precision Assembly").LineId;
        await Should.ThrowAsync<DomainException>(() => record.HandleAsync(new RecordAssessmentRequest(program.Id, saigon, new CandidateAssessment(9), null, "eng"), CancellationToken.None));
        (await record.HandleAsync(new RecordAssessmentRequest(program.Id, saigon, new CandidateAssessment(5, 5, 10, 2, 10), "re-audit", "eng"), CancellationToken.None)).Succeeded.ShouldBeTrue();
    }
}
