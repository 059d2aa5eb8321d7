using Microsoft.AspNetCore.Identity;
using SecondSource.Application.Demo;
using SecondSource.Domain.Parties;

namespace SecondSource.Application.Parties;

/// <summary>
/// The demo's parties, as the guide describes the common pattern: a buyer shipping to the European market,
/// an offshore primary CM and an EU-based second source. One person per role and one station key per CM.
/// </summary>
public sealed class PartiesDemoSeeder(UserManager<UserAccount> users) : IDemoSeeder
{
    public int Order => 100;

    public string Feature => "Parties";

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Clock.GetUtcNow();
        var buyer = Party.CreateBuyer("Aurora Medical Instruments AB", now);
        var primary = Party.CreateManufacturer("Pearl River Electronics Manufacturing (Shenzhen)", now);
        var second = Party.CreateManufacturer("Vistula EMS Sp. z o.o. (Gdańsk)", now);
        context.Db.Parties.AddRange(buyer, primary, second);
        await context.Db.SaveChangesAsync(ct);
        context.Buyer = buyer;
        context.PrimaryManufacturer = primary;
        context.SecondSourceManufacturer = second;

        await AddPerson(context, buyer, Role.Admin, "admin@aurora-medical.example", "Astrid Lindqvist (program lead)", now);
        await AddPerson(context, buyer, Role.Engineer, "engineer@aurora-medical.example", "Jonas Berg (component engineer)", now);
        await AddPerson(context, buyer, Role.Viewer, "viewer@aurora-medical.example", "Maja Holm (quality auditor)", now);
        await AddPerson(context, primary, Role.Member, "member@pearlriver-ems.example", "Li Wei (NPI engineer)", now);
        await AddPerson(context, second, Role.Member, "member@vistula-ems.example", "Katarzyna Nowak (test engineer)", now);

        foreach (var (party, station) in new[] { (primary, "FCT station 1, SMT line 3"), (second, "FCT station A, line 1") })
        {
            var (key, token) = ApiKey.Issue(party.Id, station, "demo seed", now);
            context.Db.ApiKeys.Add(key);
            context.AddCredential(new DemoCredential("API key", party.Name, "Machine", station, token.Value));
        }

        context.Report("3 parties (buyer, offshore primary CM, EU second-source CM), 5 people, 2 station API keys");
    }

    private async Task AddPerson(DemoSeedContext context, Party party, Role role, string email, string name, DateTimeOffset now)
    {
        var password = DemoSeedContext.NewPassword();
        var user = new UserAccount
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            PartyId = party.Id,
            Role = role,
            CreatedAt = now,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {email} could not be created: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }

        context.AddCredential(new DemoCredential("Person", party.Name, role.ToString(), email, password));
    }
}
