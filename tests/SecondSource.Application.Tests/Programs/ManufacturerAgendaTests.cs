using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecondSource.Application.Demo;
using SecondSource.Application.Persistence;
using SecondSource.Application.Programs;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Programs;

/// <summary>The second line's agenda as days pass: its NDA ending in 21 days, then over.</summary>
public sealed class ManufacturerAgendaTests
{
    [Fact]
    public async Task The_nda_is_on_the_agenda_before_it_ends_and_after()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var seeded = new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
        Domain.Parties.PartyId vistula;
        await using (var services = database.BuildServices(PartyScope.Unrestricted, new FakeTimeProvider(seeded)))
        await using (var scope = services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<SeedDemoHandler>().HandleAsync(CancellationToken.None)).Succeeded.ShouldBeTrue();
            vistula = await scope.ServiceProvider.GetRequiredService<SecondSourceDbContext>().Parties.Where(p => p.Name.StartsWith("Vistula")).Select(p => p.Id).SingleAsync();
        }

        async Task<IReadOnlyList<AgendaItem>> At(DateTimeOffset now)
        {
            await using var services = database.BuildServices(PartyScope.For(vistula), new FakeTimeProvider(now));
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ManufacturerAgenda>().ListAsync(CancellationToken.None);
        }

        (await At(seeded)).Single(i => i.Kind == "nda").Text.ShouldContain("21 days left");
        var after = (await At(seeded.AddDays(23))).Single(i => i.Kind == "nda");
        after.Text.ShouldContain("ended on");
        after.Urgent.ShouldBeTrue();
    }
}
