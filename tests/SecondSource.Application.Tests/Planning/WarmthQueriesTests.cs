using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecondSource.Application.Demo;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Planning;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Planning;

/// <summary>The demo's second line warms and cools with the calendar, and its decay signals come from the vault.</summary>
public sealed class WarmthQueriesTests
{
    [Theory, DatabaseProviders]
    public async Task The_demo_second_line_is_warm_then_cooling_then_cold_as_weeks_pass_without_a_batch(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seeded = new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
        Guid product;
        await using (var services = database.BuildServices(PartyScope.Unrestricted, new FakeTimeProvider(seeded)))
        await using (var scope = services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<SeedDemoHandler>().HandleAsync(CancellationToken.None)).Succeeded.ShouldBeTrue();
            product = await scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>().Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id).SingleAsync();
        }

        async Task<WarmthAssessment> At(DateTimeOffset now)
        {
            await using var services = database.BuildServices(PartyScope.Unrestricted, new FakeTimeProvider(now));
            await using var scope = services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<Application.Programs.ProgramFacts>().WarmthAsync(product, CancellationToken.None)).Single().Warmth;
        }

        var today = await At(seeded);
        today.State.ShouldBe(WarmthState.Warm);
        today.LastQualifying!.Value.Name.ShouldBe("VE-2026-11");
        today.LongestGapWeeks.ShouldBe(11, 0.01, "the demo's 11 weeks without a batch after month 6");
        today.Signals.ShouldContain(s => s.StartsWith("fixture ", StringComparison.Ordinal) && s.EndsWith("documented only, no physical copy", StringComparison.Ordinal));
        today.Signals.ShouldContain(s => s.StartsWith("BOM and AVL: on rev 1", StringComparison.Ordinal));

        var later = await At(seeded.AddDays(16 * 7));
        later.State.ShouldBe(WarmthState.Cooling);
        later.FirstArticleOnRestart.ShouldBeTrue();
        later.ColdOn.ShouldBe(today.ColdOn);

        (await At(seeded.AddDays(30 * 7))).State.ShouldBe(WarmthState.Cold);
    }
}
