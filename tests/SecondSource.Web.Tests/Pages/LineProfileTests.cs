using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Lines;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Pages;

/// <summary>A manufacturer keeps its own line profiles current; the buyer sees what changed.</summary>
public sealed class LineProfileTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    private Task<HttpClient> As(string role, string? party = null) => app.SignedInAsync(role, party);

    private Task<LineView> Line(string name) =>
        app.RunInSystemScopeAsync(async s => (await s.GetRequiredService<LineQueries>().ListAsync(CancellationToken.None)).Single(l => l.Name == name));

    [Fact]
    public async Task A_member_updates_its_line_and_the_buyer_sees_the_change()
    {
        using var member = await As("Member", "Vistula");
        var line = await Line("SMT line 1");

        using var saved = await member.SubmitFormAsync($"/Lines/Edit?id={line.Id}", new Dictionary<string, string>
        {
            ["Profile.MaxLayers"] = "16",
            ["Profile.Expiry[As9100]"] = "2029-01-31",
        }, "[data-testid=line-form]");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await Line("SMT line 1");
        after.Capabilities.MaxLayers.ShouldBe(16);
        after.Certifications.Select(c => c.Standard.ToString()).ShouldContain("As9100");
        using var admin = await As("Admin");
        var page = await admin.GetDocumentAsync("/Lines");
        var change = page.QuerySelectorAll("[data-testid=changes] tr").First(r => r.TextContent.Contains("SMT line 1", StringComparison.Ordinal));
        change.TextContent.ShouldContain("layers 14 → 16");
        change.TextContent.ShouldContain("member@vistula-ems.example");
    }

    [Fact]
    public async Task A_member_cannot_open_another_manufacturers_line()
    {
        using var member = await As("Member", "Vistula");
        var other = await Line("SMT line 3");

        using var response = await member.GetAsync(new Uri($"/Lines/Edit?id={other.Id}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_impossible_value_is_refused_with_the_field_named_and_nothing_changes()
    {
        using var member = await As("Member", "Pearl River");
        var line = await Line("SMT line 3");

        using var refused = await member.SubmitFormAsync($"/Lines/Edit?id={line.Id}", new Dictionary<string, string> { ["Profile.FinestBgaPitchMm"] = "-1" }, "[data-testid=line-form]");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await WebSession.ParseAsync(refused)).QuerySelector(".alert.error")!.TextContent.ShouldBe("Finest BGA pitch (mm) must be more than 0 and at most 2.0, not -1.");
        (await Line("SMT line 3")).Capabilities.FinestBgaPitchMm.ShouldBe(0.4m);
    }

    [Fact]
    public async Task A_member_adds_a_line_at_a_new_site_for_its_own_organisation_only()
    {
        using var member = await As("Member", "Vistula");

        using var refused = await member.SubmitFormAsync("/Lines/New", new Dictionary<string, string> { ["Name"] = "SMT line 2", ["Country"] = "Poland", ["SiteName"] = "Pruszcz", ["Address"] = "ul. Grunwaldzka 1" }, "[data-testid=new-line-form]");
        (await WebSession.ParseAsync(refused)).QuerySelector(".alert.error")!.TextContent.ShouldBe("Country 'Poland' is not a two-letter ISO country code (e.g. CN, PL, US).");

        using var added = await member.SubmitFormAsync("/Lines/New", new Dictionary<string, string>
        {
            ["Name"] = "SMT line 2", ["SiteName"] = "Pruszcz plant", ["Address"] = "ul. Grunwaldzka 1, Pruszcz Gdański", ["Country"] = "pl",
            ["Profile.SmallestPassive"] = "Size0201", ["Profile.Tests"] = "Aoi",
        }, "[data-testid=new-line-form]");

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mine = await member.GetDocumentAsync("/Lines");
        mine.QuerySelectorAll("[data-testid=lines] tbody tr strong").Select(s => s.TextContent).ShouldBe(["SMT line 1", "SMT line 2"], ignoreOrder: true);
        var line = await Line("SMT line 2");
        line.Manufacturer.ShouldStartWith("Vistula");
        line.Zone.ShouldBe("EU");
    }
}
