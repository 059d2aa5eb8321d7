using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Demo;
using SecondSource.Application.Persistence;
using SecondSource.Application.TestData;
using SecondSource.Domain.Programs;
using SecondSource.Domain.Statistics;
using SecondSource.Domain.TestData;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.TestData;

/// <summary>
/// Line comparison from stored batch statistics and the pilot gate, on each provider: stored statistics give the same
/// verdicts as the raw files; the demo's gate is blocked, then passed by the buyer; manufacturers act on their own only.
/// </summary>
public sealed class PilotGateTests
{
    private static async Task<(TestDatabase Database, Guid Product)> DemoAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(PartyScope.Unrestricted);
        await using var scope = services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<SeedDemoHandler>().HandleAsync(CancellationToken.None)).Succeeded.ShouldBeTrue();
        var product = await scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>().Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id).SingleAsync();
        return (database, product);
    }

    private static async Task<T> AsAsync<T>(TestDatabase database, PartyScope scope, Func<IServiceProvider, Task<T>> act)
    {
        await using var services = database.BuildServices(scope);
        await using var serviceScope = services.CreateAsyncScope();
        return await act(serviceScope.ServiceProvider);
    }

    /// <summary>A long-CSV log: one run per unit (no retests), units alternating between the given batches.</summary>
    private static string Log(string prefix, int units, int seed, string[] batches, double idleShift)
    {
        var random = new Random(seed);
        double Noise() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var csv = new StringBuilder("serial,batch,station,run_start,run_result,measurement,value,unit,low,high,result\n");
        for (var u = 0; u < units; u++)
        {
            var start = new DateTimeOffset(2026, 11, 3, 8, 0, 0, TimeSpan.Zero).AddSeconds(u * 40).ToString("O", CultureInfo.InvariantCulture);
            var fails = u % 40 == 7;
            foreach (var (name, unit, value, low, high) in new[]
            {
                ("V_MAIN", "V", 3.3 + 0.01 * Noise(), 3.2, 3.4), ("I_IDLE", "mA", 42 + idleShift + 1.5 * Noise(), 35.0, 50.0), ("T_BOOT", "ms", 310 + 8 * Noise(), 250.0, 380.0),
            })
            {
                csv.Append(CultureInfo.InvariantCulture, $"{prefix}{u:D4},{batches[u % batches.Length]},FCT,{start},{(fails ? "Failed" : "Passed")},{name},{value.ToString("R", CultureInfo.InvariantCulture)},{unit},{low.ToString(CultureInfo.InvariantCulture)},{high.ToString(CultureInfo.InvariantCulture)},Passed\n");
            }
        }

        return csv.ToString();
    }

    [Theory, DatabaseProviders]
    public async Task Stored_batch_statistics_give_the_verdicts_of_the_raw_files(DatabaseProvider provider)
    {
        var (database, product) = await DemoAsync(provider);
        await using var _ = database;
        using var folder = new TempFolder("compare");
        var fileA = folder.File("primary.csv");
        var fileB = folder.File("pilot.csv");
        await File.WriteAllTextAsync(fileA, Log("PRM", 400, 1, ["CMP-A1", "CMP-A2"], 0));
        await File.WriteAllTextAsync(fileB, Log("PLT", 240, 2, ["CMP-B1", "CMP-B2", "CMP-B3"], 2.0));
        var ids = await AsAsync(database, PartyScope.Unrestricted, async s =>
        {
            var lines = await s.GetRequiredService<TestDataQueries>().LinesAsync(CancellationToken.None);
            var map = new Dictionary<string, Guid>();
            foreach (var (line, name) in new[] { ("Pearl", "CMP-A1"), ("Pearl", "CMP-A2"), ("Vistula", "CMP-B1"), ("Vistula", "CMP-B2"), ("Vistula", "CMP-B3") })
            {
                map[name] = (await s.GetRequiredService<CreateTestBatchHandler>().HandleAsync(new CreateTestBatchRequest(product, lines.Single(l => l.Name.StartsWith(line, StringComparison.Ordinal)).Id, name, BatchKind.Pilot, 500,
                    new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), null, "test"), CancellationToken.None)).Value;
            }

            foreach (var (file, line) in new[] { (fileA, "Pearl"), (fileB, "Vistula") })
            {
                (await s.GetRequiredService<ImportTestDataHandler>().HandleAsync(new ImportTestDataRequest(() => File.OpenRead(file), Path.GetFileName(file), lines.Single(l => l.Name.StartsWith(line, StringComparison.Ordinal)).Id, "test"), CancellationToken.None)).Failure.ShouldBeNull();
            }

            return map;
        });

        var stored = (await AsAsync(database, PartyScope.Unrestricted, s => s.GetRequiredService<CompareBatchesHandler>().HandleAsync(
            new CompareBatchesRequest(product, [ids["CMP-A1"], ids["CMP-A2"]], [ids["CMP-B1"], ids["CMP-B2"], ids["CMP-B3"]], new ComparisonPolicy(), Charts: 1), CancellationToken.None))).Value!;
        var raw = await new CompareTestLogFilesHandler().HandleAsync(new CompareTestLogFilesRequest(fileA, fileB, new ComparisonPolicy()), CancellationToken.None);

        stored.Measurements.Select(m => (m.Name, m.Verdict)).ShouldBe(raw.Measurements.Select(m => (m.Name, m.Verdict)));
        stored.Measurements.Single(m => m.Name == "I_IDLE").Verdict.ShouldBe(ComparisonVerdict.Different);
        stored.Measurements.Single(m => m.Name == "V_MAIN").Verdict.ShouldBe(ComparisonVerdict.Equivalent);
        for (var i = 0; i < raw.Measurements.Count; i++)
        {
            stored.Measurements[i].TostP!.Value.ShouldBe(raw.Measurements[i].TostP!.Value, 1e-9);
            stored.Measurements[i].AdjustedP!.Value.ShouldBe(raw.Measurements[i].AdjustedP!.Value, 1e-9);
            stored.Measurements[i].B!.Cpk!.Value.ShouldBe(raw.Measurements[i].B!.Cpk!.Value, 1e-9);
        }

        stored.Yield!.UnitsB.ShouldBe(240);
        stored.Yield.PassedB.ShouldBe(raw.Yield!.PassedB);
        stored.Yield.NonInferiorityP.ShouldBe(raw.Yield.NonInferiorityP, 1e-12);
        stored.Distributions.Keys.ShouldBe(["I_IDLE"], "one chart, for the worst measurement");
        stored.Distributions["I_IDLE"].B.Length.ShouldBe(99);
    }

    [Theory, DatabaseProviders]
    public async Task The_demo_gate_is_blocked_until_the_open_item_is_closed_then_the_buyer_moves_the_line_to_ramp(DatabaseProvider provider)
    {
        var (database, product) = await DemoAsync(provider);
        await using var _ = database;
        var (vistula, pearl, line) = await AsAsync(database, PartyScope.Unrestricted, async s =>
        {
            var db = s.GetRequiredService<SecondSourceDbContext>();
            var v = await db.Parties.Where(p => p.Name.StartsWith("Vistula")).Select(p => p.Id).SingleAsync();
            var p = await db.Parties.Where(x => x.Name.StartsWith("Pearl")).Select(x => x.Id).SingleAsync();
            return (v, p, await db.Lines.Where(l => l.PartyId == v).Select(l => l.Id).SingleAsync());
        });
        Task<Result<PilotGateDecision>> Decide(PartyScope scope) => AsAsync(database, scope, s => s.GetRequiredService<DecidePilotGateHandler>().HandleAsync(new DecidePilotGateRequest(product, line, "all explained", "buyer"), CancellationToken.None));

        var view = (await AsAsync(database, PartyScope.Unrestricted, s => s.GetRequiredService<PilotQueries>().ViewAsync(product, line, CancellationToken.None))).Value!;
        view.Gate.Passes.ShouldBeFalse();
        view.Pilot!.UnitsTested.ShouldBe(300);
        view.References.Select(r => r.Label).ShouldBe(["golden samples", "primary production"]);
        view.References[0].Report.Measurements.Where(m => m.Verdict == ComparisonVerdict.Different).Select(m => m.Name).ShouldBe(["ETH_LINK_TIME", "I_IDLE"]);
        view.Yield!.Decision.ShouldBe(YieldDecision.NonInferior);
        (await Decide(PartyScope.Unrestricted)).Failure!.Message.ShouldStartWith("The pilot gate does not pass: No measurement different without an accepted explanation — unexplained: I_IDLE");

        var open = view.Dfm.Single(d => d.Status == DfmStatus.Open).Id;
        (await AsAsync(database, PartyScope.For(pearl), s => s.GetRequiredService<SetDfmItemStatusHandler>().HandleAsync(new SetDfmItemStatusRequest(open, DfmStatus.Accepted, "x", null, "pearl"), CancellationToken.None)))
            .Failure!.Kind.ShouldBe(FailureKind.NotFound);
        (await AsAsync(database, PartyScope.For(vistula), s => s.GetRequiredService<SetDfmItemStatusHandler>().HandleAsync(new SetDfmItemStatusRequest(open, DfmStatus.Resolved, "U7 washed; idle current as the primary on 20 boards", null, "vistula"), CancellationToken.None)))
            .Value!.Status.ShouldBe(DfmStatus.Resolved);

        var decided = await Decide(PartyScope.Unrestricted);
        decided.Value!.Why.ShouldBe("all explained");
        var stage = await AsAsync(database, PartyScope.Unrestricted, s => s.GetRequiredService<SecondSourceDbContext>().ProgramLines.Where(l => l.LineId == line).Select(l => l.Stage).SingleAsync());
        stage.ShouldBe(LineStage.Ramp);
        (await Decide(PartyScope.Unrestricted)).Failure!.Message.ShouldContain("Only a second-source line in Pilot passes the pilot gate");
        (await AsAsync(database, PartyScope.For(vistula), s => s.GetRequiredService<SecondSourceDbContext>().PilotGateDecisions.CountAsync())).ShouldBe(1);
        (await AsAsync(database, PartyScope.For(pearl), s => s.GetRequiredService<SecondSourceDbContext>().PilotGateDecisions.CountAsync())).ShouldBe(0);
        (await AsAsync(database, PartyScope.For(pearl), s => s.GetRequiredService<SecondSourceDbContext>().DfmItems.CountAsync())).ShouldBe(0);
    }

    [Theory, DatabaseProviders]
    public async Task A_stored_margin_is_used_by_every_comparison_of_the_product_and_read_by_its_lines(DatabaseProvider provider)
    {
        var (database, product) = await DemoAsync(provider);
        await using var _ = database;
        var (vistula, line) = await AsAsync(database, PartyScope.Unrestricted, async s =>
        {
            var db = s.GetRequiredService<SecondSourceDbContext>();
            var v = await db.Parties.Where(p => p.Name.StartsWith("Vistula")).Select(p => p.Id).SingleAsync();
            return (v, await db.Lines.Where(l => l.PartyId == v).Select(l => l.Id).SingleAsync());
        });
        Task<Result<string>> Set(string name, double? fraction, double? absolute, string reason = "I_IDLE is not critical: 3 mA is harmless") =>
            AsAsync(database, PartyScope.Unrestricted, s => s.GetRequiredService<SetMeasurementMarginHandler>().HandleAsync(new SetMeasurementMarginRequest(product, name, fraction, absolute, reason, "buyer"), CancellationToken.None));
        async Task<ComparisonVerdict> Idle() => (await AsAsync(database, PartyScope.Unrestricted, s => s.GetRequiredService<PilotQueries>().ViewAsync(product, line, CancellationToken.None)))
            .Value!.References[0].Report.Measurements.Single(m => m.Name == "I_IDLE").Verdict;

        (await Idle()).ShouldBe(ComparisonVerdict.Different);
        (await Set("i_idle", null, 0.003)).Value.ShouldBe("i_idle: margin ±0.003 (absolute).");
        (await Idle()).ShouldBe(ComparisonVerdict.Equivalent);
        (await Set("I_IDLE", 0.5, 0.003)).Failure!.Message.ShouldContain("not both or neither");
        (await Set("I_IDLE", 0.05, null, "")).Failure!.Message.ShouldContain("Reason");
        (await AsAsync(database, PartyScope.For(vistula), s => s.GetRequiredService<PilotQueries>().MarginsAsync(product, CancellationToken.None))).Single().Absolute.ShouldBe(0.003);
        (await Set("I_IDLE", null, null)).Value.ShouldBe("i_idle uses the default margin again.");
        (await Idle()).ShouldBe(ComparisonVerdict.Different);
        (await Set("I_IDLE", null, null)).Failure!.Message.ShouldBe("I_IDLE has no margin of its own to remove.");
    }
}
