using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecondSource.Application.Parties;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;
using SecondSource.Testing;

namespace SecondSource.Application.Tests.Parties;

public sealed class AuthenticateApiKeyTests
{
    [Theory, DatabaseProviders]
    public async Task A_valid_key_acts_for_its_party_and_its_use_is_recorded(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(PartyBuilder.Now.AddDays(1));
        Party apex;
        ApiKeyToken token;
        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            apex = await db.AddManufacturerAsync();
            (_, token) = await db.AddApiKeyAsync(apex);
        }

        // Authentication runs before anyone is known: the caller's scope is "nobody".
        await using var services = database.BuildServices(PartyScope.Nobody, clock);
        await using var scope = services.CreateAsyncScope();
        var identity = await scope.ServiceProvider.GetRequiredService<AuthenticateApiKeyHandler>().HandleAsync(token.Value, CancellationToken.None);

        identity.ShouldNotBeNull();
        identity.PartyId.ShouldBe(apex.Id);
        identity.PartyKind.ShouldBe(PartyKind.Manufacturer);
        await using var check = database.CreateContext(PartyScope.Unrestricted);
        (await check.ApiKeys.SingleAsync()).LastUsedAt.ShouldBe(clock.GetUtcNow());
    }

    [Fact]
    public async Task Revoked_expired_forged_and_malformed_keys_authenticate_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(PartyBuilder.Now);
        ApiKeyToken revoked, expiring, valid;
        await using (var db = database.CreateContext(PartyScope.Unrestricted))
        {
            var apex = await db.AddManufacturerAsync();
            (var key, revoked) = await db.AddApiKeyAsync(apex, "revoked");
            key.Revoke("admin", PartyBuilder.Now);
            var issued = ApiKey.Issue(apex.Id, "expiring", "admin", PartyBuilder.Now, PartyBuilder.Now.AddDays(1));
            expiring = issued.Token;
            db.ApiKeys.Add(issued.Key);
            (_, valid) = await db.AddApiKeyAsync(apex, "valid");
            await db.SaveChangesAsync();
        }

        await using var services = database.BuildServices(PartyScope.Nobody, clock);
        await using var scope = services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<AuthenticateApiKeyHandler>();

        (await handler.HandleAsync(revoked.Value, CancellationToken.None)).ShouldBeNull();
        (await handler.HandleAsync(expiring.Value, CancellationToken.None)).ShouldNotBeNull();
        clock.Advance(TimeSpan.FromDays(1));
        (await handler.HandleAsync(expiring.Value, CancellationToken.None)).ShouldBeNull();
        (await handler.HandleAsync((valid with { Secret = ApiKeyToken.Generate().Secret }).Value, CancellationToken.None)).ShouldBeNull();
        (await handler.HandleAsync("garbage", CancellationToken.None)).ShouldBeNull();
        (await handler.HandleAsync(null, CancellationToken.None)).ShouldBeNull();
        (await handler.HandleAsync(valid.Value, CancellationToken.None)).ShouldNotBeNull();
    }
}
