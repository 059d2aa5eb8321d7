using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecondSource.Application.Demo;
using SecondSource.Application.Persistence;
using SecondSource.Application.Planning;
using SecondSource.Domain.Planning;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Planning;

/// <summary>The demo's forecast and plan on each provider: forecast import (replacing, refusing), optimising and adopting, the stress test; each party sees its own.</summary>
public sealed class AllocationPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero); // a Saturday of 2026-W49

    [Theory, DatabaseProviders]
    public async Task The_demo_plan_is_in_band_a_new_forecast_replaces_what_it_overlaps_and_the_optimiser_adopts_a_plan_for_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        async Task<T> As<T>(PartyScope scope, Func<IServiceProvider, Task<T>> act)
        {
            await using var services = database.BuildServices(scope, clock);
            await using var serviceScope = services.CreateAsyncScope();
            return await act(serviceScope.ServiceProvider);
        }

        (await As(PartyScope.Unrestricted, s => s.GetRequiredService<SeedDemoHandler>().HandleAsync(CancellationToken.None))).Succeeded.ShouldBeTrue();
        var (product, vistula, pearl) = await As(PartyScope.Unrestricted, async s =>
        {
            var db = s.GetRequiredService<SecondSourceDbContext>();
            return (await db.Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id).SingleAsync(),
                await db.Parties.Where(p => p.Name.StartsWith("Vistula")).Select(p => p.Id).SingleAsync(), await db.Parties.Where(p => p.Name.StartsWith("Pearl")).Select(p => p.Id).SingleAsync());
        });
        Task<AllocationView> View(PartyScope scope) => As(scope, async s => (await s.GetRequiredService<AllocationQueries>().OfProductAsync(product, CancellationToken.None))!);

        // The demo: 26 weeks from 2026-W49, in the launch band every quarter, warm every month.
        var demo = await View(PartyScope.Unrestricted);
        demo.Weeks.Count.ShouldBe(26);
        PlanWeeks.Label(demo.Weeks[0].Monday).ShouldBe("2026-W49");
        demo.Findings.ShouldBeEmpty(string.Join("; ", demo.Findings.Select(f => $"{f.Period} {f.Message}")));
        demo.Weeks[0].Demand.ShouldBe(4000);
        demo.LastSecondLineBatch.ShouldNotBeNull();

        // Each manufacturer sees only its own line's planned units and no forecast.
        var asVistula = await View(PartyScope.For(vistula));
        asVistula.Weeks.ShouldAllBe(w => w.Demand == 0 && w.Units.Keys.All(k => asVistula.Lines.Single().Line.Id == k));
        asVistula.Lines.ShouldHaveSingleItem().Line.Name.ShouldStartWith("Vistula");
        (await View(PartyScope.For(pearl))).Lines.ShouldHaveSingleItem().Line.Name.ShouldStartWith("Pearl");

        // A refused file changes nothing.
        Task<Result<ForecastImported>> Import(string csv) => As(PartyScope.Unrestricted, s => s.GetRequiredService<ImportForecastHandler>().HandleAsync(
            new ImportForecastRequest(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "q1.csv", "buyer"), CancellationToken.None));
        var stored = await As(PartyScope.Unrestricted, s => s.GetRequiredService<SecondSourceDbContext>().ForecastPeriods.CountAsync());
        (await Import("product,period,quantity\nAUR-VSM200,2027-01,20000\nAUR-VSM200,2027-W02,1\n")).Failure!.Message
            .ShouldBe("q1.csv: line 3, field period: 2027-W02 of AUR-VSM200 overlaps 2027-01 on line 2");
        (await As(PartyScope.Unrestricted, s => s.GetRequiredService<SecondSourceDbContext>().ForecastPeriods.CountAsync())).ShouldBe(stored);

        // A monthly re-forecast for January 2027 (5,000 a week) replaces the weeks it overlaps: 2026-W53 (28 Dec–3 Jan) to 2027-W05.
        var imported = await Import("product,period,quantity\naur-vsm200,2027-01,22143\n");
        imported.Value!.Replaced.ShouldBe(5);
        var reforecast = await View(PartyScope.Unrestricted);
        reforecast.Weeks.Single(w => PlanWeeks.Label(w.Monday) == "2027-W02").Demand.ShouldBe(22143 * 7 / 31.0, 1e-9);
        reforecast.Findings.ShouldContain(f => f.Rule == AllocationCheck.DemandRule, "the old plan no longer covers January");

        var proposal = await As(PartyScope.Unrestricted, s => s.GetRequiredService<OptimisePlanHandler>().HandleAsync(new OptimisePlanRequest(product, Adopt: true, By: "buyer"), CancellationToken.None));
        proposal.Value!.Solution.Status.ShouldBe(SolveStatus.Optimal);
        proposal.Value.Adopted.ShouldBeTrue();
        var after = await View(PartyScope.Unrestricted);
        after.Findings.ShouldBeEmpty(string.Join("; ", after.Findings.Select(f => $"{f.Period} {f.Message}")));
        after.Weeks.Sum(w => w.Total).ShouldBeGreaterThanOrEqualTo(after.Weeks.Sum(w => w.Demand) - 0.5);

        // A manufacturer cannot optimise the plan: the program's lines it cannot see are missing.
        (await As(PartyScope.For(vistula), s => s.GetRequiredService<OptimisePlanHandler>().HandleAsync(new OptimisePlanRequest(product, Adopt: true, By: "cm"), CancellationToken.None)))
            .Failure.ShouldNotBeNull();
    }

    [Theory, DatabaseProviders]
    public async Task Without_capacities_or_a_forecast_the_optimiser_says_what_is_missing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Now);
        await using var services = database.BuildServices(PartyScope.Unrestricted, clock);
        await using var scope = services.CreateAsyncScope();
        var s = scope.ServiceProvider;
        (await s.GetRequiredService<SeedDemoHandler>().HandleAsync(CancellationToken.None)).Succeeded.ShouldBeTrue();
        var db = s.GetRequiredService<SecondSourceDbContext>();
        var program = await db.Programs.Include(p => p.Lines).SingleAsync();
        program.Lines.Single(l => l.Role == Domain.Programs.LineRole.Primary).SetStandingCapacity(null);
        await db.SaveChangesAsync();

        var optimise = s.GetRequiredService<OptimisePlanHandler>();
        (await optimise.HandleAsync(new OptimisePlanRequest(program.ProductId), CancellationToken.None)).Failure!.Message
            .ShouldBe("Record the standing capacity of Pearl River Electronics Manufacturing (Shenzhen) / SMT line 3 first (units a week).");
        (await optimise.HandleAsync(new OptimisePlanRequest(program.ProductId, Weeks: 60), CancellationToken.None)).Failure!.Message.ShouldStartWith("Plan 4–52 weeks");

        program.Lines.Single(l => l.Role == Domain.Programs.LineRole.Primary).SetStandingCapacity(4800);
        await db.SaveChangesAsync();
        (await optimise.HandleAsync(new OptimisePlanRequest(program.ProductId, Weeks: 40), CancellationToken.None)).Failure!.Message
            .ShouldBe("The forecast covers 26 of the 40 weeks from 2026-W49; import a forecast that covers them.");

        // A forecast running past the stored 26-week plan lets a longer plan be made.
        var csv = "product,period,quantity\n" + string.Concat(Enumerable.Range(0, 14).Select(w => $"AUR-VSM200,{PlanWeeks.Label(new DateOnly(2027, 5, 31).AddDays(7 * w))},3500\n"));
        (await s.GetRequiredService<ImportForecastHandler>().HandleAsync(new ImportForecastRequest(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "more.csv", "buyer"), CancellationToken.None)).Succeeded.ShouldBeTrue();
        (await optimise.HandleAsync(new OptimisePlanRequest(program.ProductId, Weeks: 40, Adopt: true), CancellationToken.None)).Failure!.Message.ShouldContain("who adopts it");
        var longer = await optimise.HandleAsync(new OptimisePlanRequest(program.ProductId, Weeks: 40, Adopt: true, By: "buyer"), CancellationToken.None);
        longer.Value!.Weeks.Count.ShouldBe(40);
        longer.Value.Findings.ShouldBeEmpty(string.Join("; ", longer.Value.Findings.Select(f => $"{f.Period} {f.Message}")));
    }

    [Theory, DatabaseProviders]
    public async Task The_stress_test_runs_the_same_scenarios_for_each_cadence_and_warmer_is_never_worse(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(PartyScope.Unrestricted, new FakeTimeProvider(Now));
        await using var scope = services.CreateAsyncScope();
        var s = scope.ServiceProvider;
        (await s.GetRequiredService<SeedDemoHandler>().HandleAsync(CancellationToken.None)).Succeeded.ShouldBeTrue();
        var product = await s.GetRequiredService<SecondSourceDbContext>().Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id).SingleAsync();
        var stress = s.GetRequiredService<RunStressTestHandler>();

        var report = (await stress.HandleAsync(new RunStressTestRequest(product, 5000, 11), CancellationToken.None)).Value!;

        report.Inputs.WeeklyDemand.ShouldBe(4000);
        report.Inputs.FinishedGoods.ShouldBe(16000);
        (report.Inputs.ComponentKits, report.Inputs.ComponentLeadWeeks).ShouldBe((12_000, 6));
        report.Inputs.SurgeCeiling.ShouldBe(report.Assessment.Credit * report.Assessment.DemonstratedWeekly, 1e-9, "the stale surge run's credit is below the reservation");
        report.Inputs.StandingShare.ShouldBeInRange(0.10, 0.30);
        report.Survive.ShouldBe(report.Assessment.Survive, "the LP's binary search agrees with the greedy assessment");
        report.Policies.Select(p => p.Name).Skip(1).ShouldBe(["warm batch monthly", "warm batch quarterly"]);
        report.Policies[2].Summary.MeanLost.ShouldBeGreaterThanOrEqualTo(report.Policies[1].Summary.MeanLost);
        (await stress.HandleAsync(new RunStressTestRequest(product, 5000, 11), CancellationToken.None)).Value!.Policies[1].Summary.MeanLost
            .ShouldBe(report.Policies[1].Summary.MeanLost);
        (await stress.HandleAsync(new RunStressTestRequest(product, 10, 11), CancellationToken.None)).Failure!.Message.ShouldStartWith("Run between 100 and 1,000,000 scenarios");
    }
}
