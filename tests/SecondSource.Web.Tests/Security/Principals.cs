using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Parties;
using SecondSource.Domain.Parties;
using SecondSource.Web.Authorization;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Security;

/// <summary>One signed-in HTTP client per kind of caller the app knows, built on the demo installation.</summary>
public sealed class Principals : IAsyncDisposable
{
    public static readonly string[] Names = ["anon", "admin", "engineer", "viewer", "cm-a", "cm-b", "key-buyer", "key-cm", "key-revoked", "disabled"];

    private Principals(IReadOnlyDictionary<string, HttpClient> clients) => Clients = clients;

    public IReadOnlyDictionary<string, HttpClient> Clients { get; }

    public static async Task<Principals> CreateAsync(SecondSourceWebFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var clients = new Dictionary<string, HttpClient>();

        async Task<HttpClient> Person(DemoPerson who)
        {
            var client = app.CreateBrowserlessClient();
            await client.SignInOrFailAsync(who.Email, who.Password);
            return client;
        }

        HttpClient Key(string token)
        {
            var client = app.CreateBrowserlessClient();
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, token);
            return client;
        }

        clients["anon"] = app.CreateBrowserlessClient();
        clients["admin"] = await Person(DemoPerson.Of(app, "Admin"));
        clients["engineer"] = await Person(DemoPerson.Of(app, "Engineer"));
        clients["viewer"] = await Person(DemoPerson.Of(app, "Viewer"));
        clients["cm-a"] = await Person(DemoPerson.Of(app, "Member", "Pearl River"));
        clients["cm-b"] = await Person(DemoPerson.Of(app, "Member", "Vistula"));
        clients["key-cm"] = Key(app.Credential("Machine", "Pearl River").Secret);

        var (buyerKey, revokedKey, disabled) = await app.RunInSystemScopeAsync(async services =>
        {
            var parties = await services.GetRequiredService<PartyQueries>().ListAsync(CancellationToken.None);
            var buyer = parties.Single(p => p.Kind == PartyKind.Buyer);
            var primary = parties.Single(p => p.Name.Contains("Pearl River", StringComparison.Ordinal));
            var create = services.GetRequiredService<CreateApiKeyHandler>();
            var buyerKey = (await create.HandleAsync(new CreateApiKeyRequest(buyer.Id, "CI audit job", "matrix"), CancellationToken.None)).Value!;
            var revoked = (await create.HandleAsync(new CreateApiKeyRequest(primary.Id, "Retired station", "matrix"), CancellationToken.None)).Value!;
            await services.GetRequiredService<RevokeApiKeyHandler>().HandleAsync(new RevokeApiKeyRequest(revoked.Id.ToString(), "matrix"), CancellationToken.None);
            var email = $"leaver-{Guid.NewGuid():N}@pearlriver-ems.example";
            var added = await services.GetRequiredService<AddUserHandler>().HandleAsync(
                new AddUserRequest(email, "Leaver", Role.Member, "leaver-password-123", primary.Id), CancellationToken.None);
            return (buyerKey.Token, revoked.Token, new DemoPerson(email, "leaver-password-123", added.Value!.Id));
        });
        clients["key-buyer"] = Key(buyerKey);
        clients["key-revoked"] = Key(revokedKey);
        clients["disabled"] = await Person(disabled);
        await app.RunInSystemScopeAsync(services => services.GetRequiredService<SetUserDisabledHandler>()
            .HandleAsync(new SetUserDisabledRequest(disabled.Id!.Value, true, null), CancellationToken.None));

        return new Principals(clients);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var client in Clients.Values)
        {
            client.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>A person's sign-in.</summary>
public sealed record DemoPerson(string Email, string Password, Guid? Id = null)
{
    public static DemoPerson Of(SecondSourceWebFactory app, string role, string? party = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var credential = app.Credential(role, party);
        return new DemoPerson(credential.Login, credential.Secret);
    }
}
