using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using SecondSource.Web.Authorization;
using SecondSource.Web.Tests.Infrastructure;
using SecondSource.Web.Tests.Security;

namespace SecondSource.Web.Tests.Pages;

/// <summary>What an admin does in the web UI: manufacturers, people, API keys, end to end through real forms.</summary>
public sealed class AdministrationTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    private async Task<HttpClient> AdminAsync()
    {
        var client = app.CreateBrowserlessClient();
        var admin = DemoPerson.Of(app, "Admin");
        await client.SignInOrFailAsync(admin.Email, admin.Password);
        return client;
    }

    [Fact]
    public async Task An_admin_adds_a_manufacturer_and_a_duplicate_is_refused_with_its_name()
    {
        using var client = await AdminAsync();
        var name = $"Northwind EMS {Guid.NewGuid():N}"[..24];

        using var added = await client.SubmitFormAsync("/Admin/Manufacturers", new Dictionary<string, string> { ["Name"] = name });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await client.GetDocumentAsync("/Admin/Manufacturers");
        list.QuerySelectorAll("[data-testid=manufacturers] td:first-child").Select(td => td.TextContent).ShouldContain(name);
        list.QuerySelector(".alert.success")!.TextContent.ShouldContain(name);

        using var duplicate = await client.SubmitFormAsync("/Admin/Manufacturers", new Dictionary<string, string> { ["Name"] = name.ToUpperInvariant() });
        duplicate.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await WebSession.ParseAsync(duplicate)).QuerySelector(".alert.error")!.TextContent.ShouldBe($"A party named '{name.ToUpperInvariant()}' already exists.");
    }

    [Fact]
    public async Task An_admin_adds_a_manufacturers_member_who_then_signs_in_to_their_own_organisation()
    {
        using var client = await AdminAsync();
        var form = await client.GetDocumentAsync("/Admin/Users/Create");
        var vistula = form.QuerySelectorAll<IHtmlOptionElement>("select[name=Membership] option").Single(o => o.Text.Contains("Vistula", StringComparison.Ordinal));
        var email = $"new-{Guid.NewGuid():N}@vistula-ems.example";

        using var added = await client.SubmitFormAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["DisplayName"] = "Piotr (AOI programmer)",
            ["Membership"] = vistula.Value,
            ["Password"] = "a-good-long-password",
        });

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var people = await client.GetDocumentAsync("/Admin/Users");
        people.QuerySelectorAll("[data-testid=users] tr").Single(tr => tr.TextContent.Contains(email, StringComparison.Ordinal)).TextContent.ShouldContain("Member");
        using var member = app.CreateBrowserlessClient();
        await member.SignInOrFailAsync(email, "a-good-long-password");
        (await member.GetDocumentAsync("/")).QuerySelector("dl.facts dd")!.TextContent.ShouldContain("Vistula");
    }

    [Fact]
    public async Task A_weak_password_is_refused_on_the_form_and_nobody_is_added()
    {
        using var client = await AdminAsync();
        var email = $"weak-{Guid.NewGuid():N}@aurora-medical.example";

        using var refused = await client.SubmitFormAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Membership"] = "buyer:Viewer",
            ["Password"] = "short",
        });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await WebSession.ParseAsync(refused)).QuerySelector(".alert.error")!.TextContent.ShouldContain("at least 12 characters");
        (await client.GetDocumentAsync("/Admin/Users")).Body!.TextContent.ShouldNotContain(email);
    }

    [Fact]
    public async Task A_key_created_on_the_page_is_shown_once_works_and_stops_working_when_revoked()
    {
        using var client = await AdminAsync();
        var page = await client.GetDocumentAsync("/Admin/ApiKeys");
        var create = page.QuerySelector<IHtmlFormElement>("form[action*=Create]")!;
        var vistula = create.QuerySelectorAll<IHtmlOptionElement>("option").Single(o => o.Text.Contains("Vistula", StringComparison.Ordinal)).Value;
        var name = $"AOI {Guid.NewGuid():N}"[..12];

        using var created = await client.SubmitAsync(create, "/Admin/ApiKeys", new Dictionary<string, string> { ["PartyId"] = vistula, ["Name"] = name });

        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        created.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var shown = await WebSession.ParseAsync(created);
        var token = shown.QuerySelector("[data-testid=new-key] pre")!.TextContent.Trim();
        token.ShouldStartWith("ssk_");
        (await client.GetDocumentAsync("/Admin/ApiKeys")).Body!.TextContent.ShouldNotContain(token);

        using var station = app.CreateBrowserlessClient();
        station.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, token);
        var me = await station.GetFromJsonAsync<MeDto>("/api/v1/me");
        me!.Party.Name.ShouldContain("Vistula");

        var list = await client.GetDocumentAsync("/Admin/ApiKeys");
        var row = list.QuerySelectorAll("[data-testid=keys] tr").Single(tr => tr.TextContent.Contains(name, StringComparison.Ordinal));
        using var asked = await client.SubmitAsync(row.QuerySelector<IHtmlFormElement>("form")!, "/Admin/ApiKeys", new Dictionary<string, string>());
        var confirmation = await WebSession.ParseAsync(asked);
        confirmation.QuerySelector("[data-testid=consequences]")!.TextContent.ShouldContain("is refused from its next request");
        using var revoked = await client.SubmitAsync(confirmation.QuerySelector<IHtmlFormElement>("[data-testid=confirmation] form")!, "/Admin/ApiKeys", new Dictionary<string, string>());
        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await station.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_admin_disables_a_person_from_the_people_page()
    {
        using var client = await AdminAsync();
        var viewer = DemoPerson.Of(app, "Viewer");
        var email = $"temp-{Guid.NewGuid():N}@aurora-medical.example";
        using (var added = await client.SubmitFormAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Membership"] = "buyer:Engineer",
            ["Password"] = "a-good-long-password",
        }))
        {
            added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var people = await client.GetDocumentAsync("/Admin/Users");
        var row = people.QuerySelectorAll("[data-testid=users] tr").Single(tr => tr.TextContent.Contains(email, StringComparison.Ordinal));
        var form = row.QuerySelector<IHtmlFormElement>("form")!;
        using var disabled = await client.SubmitAsync(form, "/Admin/Users", new Dictionary<string, string>(), row.QuerySelector<IHtmlElement>("button"));

        disabled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetDocumentAsync("/Admin/Users")).QuerySelectorAll("[data-testid=users] tr")
            .Single(tr => tr.TextContent.Contains(email, StringComparison.Ordinal)).TextContent.ShouldContain("disabled");
        viewer.Email.ShouldNotBe(email);
    }

    private sealed record MeDto(string KeyId, string KeyName, PartyDto Party);

    private sealed record PartyDto(string Id, string Name, string Kind);
}
