using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecondSource.Application.Demo;
using SecondSource.Application.Persistence;
using SecondSource.Application.Reviews;
using SecondSource.Domain.Reviews;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Reviews;

/// <summary>
/// A review's life on the demo program, on each database: frozen numbers that corrected data does not move, a re-run as
/// a new version, the calendar locked by reviews, the cost import's refusals, and each manufacturer's own side only.
/// </summary>
public sealed class ReviewLifecycleTests
{
    [Theory, DatabaseProviders]
    public async Task A_review_keeps_its_numbers_a_rerun_is_a_new_version_and_each_manufacturer_sees_its_own_side(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        async Task<T> As<T>(PartyScope scope, Func<IServiceProvider, Task<T>> act)
        {
            await using var services = database.BuildServices(scope, clock);
            await using var s = services.CreateAsyncScope();
            return await act(s.ServiceProvider);
        }

        Task<T> Buyer<T>(Func<IServiceProvider, Task<T>> act) => As(PartyScope.Unrestricted, act);
        (await Buyer(s => s.GetRequiredService<SeedDemoHandler>().HandleAsync(CancellationToken.None))).Succeeded.ShouldBeTrue();
        var q3 = (await Buyer(s => s.GetRequiredService<ReviewQueries>().ListAsync(null, CancellationToken.None))).First(r => r.Quarter == "2026Q3");

        // Purchasing corrects Vistula's July order: the frozen review keeps its numbers; a re-run is version 2 with the new ones.
        var line = (await Buyer(s => s.GetRequiredService<ReviewQueries>().PackAsync(q3.Id, CancellationToken.None)))!.Report.Pairs.Single().SecondLine;
        var correction = $"product,line,kind,reference,date,quantity,unit_price,currency,delivered\nAUR-VSM200,{line},order,PO-2607-V,2026-07-03,60,41.00,USD,2026-08-22\n";
        var imported = await Buyer(s => s.GetRequiredService<ImportPurchasesHandler>().HandleAsync(new ImportPurchasesRequest(new MemoryStream(Encoding.UTF8.GetBytes(correction)), "fix.csv", "buyer"), CancellationToken.None));
        imported.Value.ShouldBe(new PurchasesImported(0, 1));
        var frozen = (await Buyer(s => s.GetRequiredService<ReviewQueries>().PackAsync(q3.Id, CancellationToken.None)))!;
        frozen.Report.Pairs.Single().Item(ReviewArea.UnitCost).Finding.ShouldContain("48.00 on Vistula");
        var rerun = await Buyer(s => s.GetRequiredService<GenerateReviewHandler>().HandleAsync(new GenerateReviewRequest("aur-vsm200", "2026Q3", "buyer"), CancellationToken.None));
        rerun.Value!.Version.ShouldBe(2);
        rerun.Value.Frozen.ShouldBeFalse();
        var second = (await Buyer(s => s.GetRequiredService<ReviewQueries>().PackAsync(rerun.Value.Id, CancellationToken.None)))!;
        second.Report.Pairs.Single().Item(ReviewArea.UnitCost).Finding.ShouldContain("45.67 on Vistula");
        second.Versions.Select(v => (v.Version, v.Latest)).ShouldBe([(2, true), (1, false)]);

        // The meeting of version 2 cannot be frozen without the second line's manufacturer.
        var meeting = await Buyer(s => s.GetRequiredService<RecordReviewMeetingHandler>().HandleAsync(new RecordReviewMeetingRequest(rerun.Value.Id,
            RecordReviewMeetingHandler.ParseAttendees("Ingrid Halvorsen, Aurora Medical Instruments AB\nWei Chen, Pearl River Electronics Manufacturing (Shenzhen)"), "Re-run after the PO correction.",
            new DateOnly(2026, 12, 4), "buyer"), CancellationToken.None));
        meeting.Failure.ShouldBeNull();
        var refused = await Buyer(s => s.GetRequiredService<FreezeReviewHandler>().HandleAsync(new FreezeReviewRequest(rerun.Value.Id, "buyer"), CancellationToken.None));
        refused.Failure!.Message.ShouldBe("A review is held with both lines: no attendee from Vistula EMS Sp. z o.o. (Gdańsk) is recorded.");
        Should.Throw<Domain.Common.DomainException>(() => RecordReviewMeetingHandler.ParseAttendees("Ingrid Halvorsen")).Message.ShouldContain("line 1");
        (await Buyer(s => s.GetRequiredService<GenerateReviewHandler>().HandleAsync(new GenerateReviewRequest("aur-vsm200", "2027Q1", "buyer"), CancellationToken.None)))
            .Failure!.Message.ShouldBe("2027Q1 (Jan–Mar 2027) has not begun; a review looks back on a quarter that has.");
        (await Buyer(s => s.GetRequiredService<GenerateReviewHandler>().HandleAsync(new GenerateReviewRequest("nope", "2026Q3", "buyer"), CancellationToken.None)))
            .Failure!.Kind.ShouldBe(FailureKind.NotFound);

        // The calendar is locked once reviews exist.
        (await Buyer(s => s.GetRequiredService<SetReviewCalendarHandler>().HandleAsync(new SetReviewCalendarRequest("AUR-VSM200", 10, "buyer"), CancellationToken.None)))
            .Failure!.Kind.ShouldBe(FailureKind.Conflict);

        // A bad cost file names every place and stores nothing.
        var bad = "product,line,kind,reference,date,quantity,unit_price,currency\nAUR-VSM200,SMT line 3,order,PO-X,2026-13-01,300,41.80,USD\nAUR-VSM200,Line 9,quote,Q-X,2026-10-01,10,$4,USD\n";
        var refusedImport = await Buyer(s => s.GetRequiredService<ImportPurchasesHandler>().HandleAsync(new ImportPurchasesRequest(new MemoryStream(Encoding.UTF8.GetBytes(bad)), "bad.csv", "buyer"), CancellationToken.None));
        refusedImport.Failure!.Message.ShouldBe("bad.csv: line 2, field date: '2026-13-01' is not a date written 2026-07-14; line 3, field unit_price: '$4' is not a price (digits, a dot for decimals, no currency sign)");
        var unknownLine = "product,line,kind,reference,date,quantity,unit_price,currency\nAUR-VSM200,Line 9,quote,Q-X,2026-10-01,10,4,USD\n";
        (await Buyer(s => s.GetRequiredService<ImportPurchasesHandler>().HandleAsync(new ImportPurchasesRequest(new MemoryStream(Encoding.UTF8.GetBytes(unknownLine)), "bad.csv", "buyer"), CancellationToken.None)))
            .Failure!.Message.ShouldStartWith("bad.csv: line 2, field line: 'Line 9' is not a line of AUR-VSM200");
        (await Buyer(s => s.GetRequiredService<SecondSourceDbContext>().PurchaseRecords.CountAsync())).ShouldBe(24);

        // Vistula's member: its own numbers of the frozen review, the findings on its line, nothing of Pearl River.
        var vistula = await Buyer(s => s.GetRequiredService<SecondSourceDbContext>().Parties.Where(p => p.Name.StartsWith("Vistula")).Select(p => p.Id).SingleAsync());
        var view = (await As(PartyScope.For(vistula), s => s.GetRequiredService<ReviewQueries>().LineViewAsync(q3.Id, CancellationToken.None)))!;
        view.Sections.Single().Line.ShouldStartWith("Vistula");
        view.Sections.Single().Facts.UnitCost.ShouldBe(48.0m);
        view.Findings.Select(f => f.Area).ShouldBe([ReviewArea.LeadTime, ReviewArea.UnitCost, ReviewArea.AvlAlignment], ignoreOrder: true);
        var json = ReviewJson.Write(view);
        // Canaries: Pearl River's unit cost (41.60) and its unit count in the quarter (900) appear nowhere.
        json.ShouldNotContain("41.6");
        json.ShouldNotContain("\"units\":900");
        json.ShouldContain("\"units\":120");
        (await As(PartyScope.For(vistula), s => s.GetRequiredService<ReviewQueries>().ListAsync(null, CancellationToken.None))).ShouldBeEmpty();
        (await As(PartyScope.For(vistula), s => s.GetRequiredService<ReviewQueries>().PackAsync(q3.Id, CancellationToken.None))).ShouldBeNull();
        (await As(PartyScope.For(vistula), s => s.GetRequiredService<ReviewQueries>().LineSectionsAsync(CancellationToken.None))).Select(s => s.Section.Quarter)
            .ShouldBe(["2026Q3", "2026Q2", "2026Q1"]);
        (await As(PartyScope.For(vistula), s => s.GetRequiredService<SecondSourceDbContext>().PurchaseRecords.CountAsync())).ShouldBe(12);
    }
}
