using System.Net;
using SecondSource.Web.Tests.Infrastructure;
using SecondSource.Web.Tests.Security;

namespace SecondSource.Web.Tests.Pages;

public sealed class ZonesTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    [Fact]
    public async Task The_admin_redefines_zones_and_lines_and_rankings_follow()
    {
        using var admin = app.CreateBrowserlessClient();
        var who = DemoPerson.Of(app, "Admin");
        await admin.SignInOrFailAsync(who.Email, who.Password);
        (await admin.GetDocumentAsync("/Admin/Zones")).QuerySelector("textarea")!.TextContent.ShouldContain("EU: AT BE BG");

        using var refused = await admin.SubmitFormAsync("/Admin/Zones", new Dictionary<string, string> { ["Text"] = "Asia: CN VN\nEurope: PL CN" }, "[data-testid=zones-form]");
        (await WebSession.ParseAsync(refused)).QuerySelector(".alert.error")!.TextContent.ShouldBe("Line 2: CN is already in the zone 'Asia'; a country belongs to one zone. Nothing was saved.");

        using var saved = await admin.SubmitFormAsync("/Admin/Zones", new Dictionary<string, string> { ["Text"] = "Asia: CN VN\nEurope: PL DE" }, "[data-testid=zones-form]");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var lines = await admin.GetDocumentAsync("/Lines");
        lines.QuerySelectorAll("[data-testid=lines] tbody tr").Single(r => r.TextContent.Contains("Line 5", StringComparison.Ordinal)).TextContent.ShouldContain("Asia");
    }
}
