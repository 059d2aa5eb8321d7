using AngleSharp.Dom;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Programs;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Pages;

/// <summary>
/// The demo's pilot at the gate over HTTP: two measurements differ from the golden samples, one explained by an
/// accepted DFM item and one open; accepting the open one lets the buyer pass the gate and the line moves to Ramp.
/// </summary>
public sealed class PilotGatePagesTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    private Task<Guid> Product() => app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id).SingleAsync());

    private Task<LineStage> VistulaStage() => app.RunInSystemScopeAsync(async s =>
    {
        var db = s.GetRequiredService<SecondSourceDbContext>();
        return await (from pl in db.ProgramLines join l in db.Lines on pl.LineId equals l.Id where l.Name == "SMT line 1" select pl.Stage).SingleAsync();
    });

    [Fact]
    public async Task The_buyer_walks_the_gate_from_blocked_to_ramp()
    {
        var product = await Product();
        using var engineer = await app.SignedInAsync("Engineer");
        var pilotUrl = $"/TestData/Pilot?product={product}";

        var page = await engineer.GetDocumentAsync(pilotUrl);
        page.QuerySelector("[data-testid=gate-state]")!.TextContent.ShouldBe("does not pass");
        page.QuerySelector("[data-testid=line-stage]")!.TextContent.ShouldBe("Pilot");
        var golden = page.QuerySelector("[data-reference='golden samples']")!;
        golden.QuerySelectorAll("[data-verdict=Different]").Select(r => r.GetAttribute("data-measurement")).ShouldBe(["ETH_LINK_TIME", "I_IDLE"], ignoreOrder: true);
        golden.QuerySelectorAll("[data-verdict=Equivalent]").Length.ShouldBe(10);
        golden.QuerySelectorAll("svg[data-chart]").Length.ShouldBe(4);
        golden.QuerySelector("svg[data-chart=I_IDLE] polyline").ShouldNotBeNull();
        page.QuerySelector("[data-criterion='No measurement different without an accepted explanation']")!.TextContent.ShouldContain("unexplained: I_IDLE");
        page.QuerySelector("[data-criterion=\"First-pass yield non-inferior to the primary's\"]")!.GetAttribute("data-met").ShouldBe("True");
        page.QuerySelector("[data-testid=decide-form]").ShouldBeNull();

        // Deciding while the gate does not pass is refused, and nothing moves.
        using var early = await engineer.PostAsync(new Uri("/TestData/DecidePilotGate", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["product"] = product.ToString(), ["line"] = await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().Lines.Where(l => l.Name == "SMT line 1").Select(l => l.Id.ToString()).SingleAsync()), ["why"] = "early",
            ["__RequestVerificationToken"] = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value,
        }));
        early.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await engineer.GetDocumentAsync(pilotUrl)).QuerySelector("[data-testid=gate-refusal]")!.TextContent.ShouldStartWith("The pilot gate does not pass: No measurement different without an accepted explanation");
        (await VistulaStage()).ShouldBe(LineStage.Pilot);

        // The open item is accepted on the DFM page: the gate passes.
        var dfmUrl = $"/TestData/Dfm?product={product}";
        using var accepted = await engineer.SubmitFormAsync(dfmUrl, new Dictionary<string, string> { ["status"] = "Accepted", ["resolution"] = "U7 cleaned on 20 boards: idle current as the primary; wash step added" },
            "tr[data-item='Idle current higher on the pilot'] form");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await engineer.GetDocumentAsync(pilotUrl);
        page.QuerySelector("[data-testid=gate-state]")!.TextContent.ShouldBe("passes");

        using var decided = await engineer.SubmitFormAsync(pilotUrl, new Dictionary<string, string> { ["why"] = "Equivalent on every measurement once the two DFM items are explained; yield non-inferior." }, "[data-testid=decide-form]");
        decided.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await engineer.GetDocumentAsync(pilotUrl);
        page.QuerySelector("[data-testid=line-stage]")!.TextContent.ShouldBe("Ramp");
        page.QuerySelector("[data-testid=gate-decision]")!.TextContent.ShouldContain("engineer@aurora-medical.example: Equivalent on every measurement");
        (await VistulaStage()).ShouldBe(LineStage.Ramp);
    }

    [Fact]
    public async Task Batches_are_compared_from_their_statistics_and_another_partys_batch_is_not_found()
    {
        var product = await Product();
        var ids = await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().TestBatches.Where(b => b.Name == "PR-GOLDEN" || b.Name == "VE-PILOT").ToDictionaryAsync(b => b.Name, b => b.Id));
        using var viewer = await app.SignedInAsync("Viewer");

        var page = await viewer.GetDocumentAsync($"/TestData/Compare?product={product}&a={ids["PR-GOLDEN"]}&b={ids["VE-PILOT"]}");
        page.QuerySelector("tr[data-measurement=I_IDLE]")!.GetAttribute("data-verdict").ShouldBe("Different");
        page.QuerySelector("tr[data-measurement=VCC_3V3]")!.GetAttribute("data-verdict").ShouldBe("Equivalent");
        page.QuerySelector("[data-testid=yield]")!.TextContent.ShouldContain("of 300");
        page.QuerySelector("[data-testid=unshared]")!.TextContent.ShouldContain("Only on B: POWER.VCC_3V3, PULLUPS.R21");

        using var both = await viewer.GetAsync(new Uri($"/TestData/Compare?product={product}&a={ids["VE-PILOT"]}&b={ids["VE-PILOT"]}", UriKind.Relative));
        (await WebSession.ParseAsync(both)).QuerySelector("[data-testid=compare-refusal]")!.TextContent.ShouldBe("A batch cannot be on both sides of a comparison.");

        using var member = await app.SignedInAsync("Member", "Vistula");
        using var guessed = await member.GetAsync(new Uri($"/TestData/Compare?product={product}&a={ids["PR-GOLDEN"]}&b={ids["VE-PILOT"]}", UriKind.Relative));
        guessed.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_batches_to_compare_are_a_periods_and_a_chosen_batch_stays_listed_outside_it()
    {
        var product = await Product();
        var batches = await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().TestBatches
            .Where(b => b.ProductId == product && b.UnitsTested > 0).Select(b => new { b.Id, b.Name, b.StartedAt }).ToListAsync());
        var newest = DateOnly.FromDateTime(batches.Max(b => b.StartedAt).UtcDateTime);
        var from = newest.AddDays(-7 * 13 + 1);
        var inPeriod = batches.Where(b => DateOnly.FromDateTime(b.StartedAt.UtcDateTime) >= from).Select(b => b.Name).ToList();
        var oldest = batches.MinBy(b => b.StartedAt)!;
        inPeriod.Count.ShouldBeLessThan(batches.Count, "the demo's history is longer than the default period");
        using var viewer = await app.SignedInAsync("Viewer");

        // By default: the 13 weeks up to the newest tested batch.
        var page = await viewer.GetDocumentAsync($"/TestData/Compare?product={product}");
        page.QuerySelectorAll("[data-testid=compare-form] tr[data-batch]").Select(r => r.GetAttribute("data-batch")).ShouldBe(inPeriod, ignoreOrder: true);
        page.QuerySelector("[data-testid=period-count]")!.TextContent.ShouldStartWith($"{inPeriod.Count} of {batches.Count} tested batches listed");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#from")!.Value.ShouldBe(from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        page.QuerySelectorAll("[data-testid=quarters] a:not([data-testid=every-batch]) strong").Sum(c => int.Parse(c.TextContent, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(batches.Count, "the demo's batches fall in fewer than eight quarters, so the quarters' counts add up to all of them");

        // A batch already chosen stays listed (and ticked) when the period leaves it out; showing other dates compares nothing yet.
        var chosen = await viewer.GetDocumentAsync($"/TestData/Compare?product={product}&a={oldest.Id}&show=1");
        chosen.QuerySelector($"tr[data-batch='{oldest.Name}'] input[name=a]")!.HasAttribute("checked").ShouldBeTrue();
        chosen.QuerySelector("[data-testid=yield]").ShouldBeNull();

        // An address the page cannot use is named, and the page still shows a period.
        var bad = await viewer.GetDocumentAsync($"/TestData/Compare?product={product}&from=31-12-2026");
        bad.QuerySelector("[data-testid=period-message]")!.TextContent.ShouldContain("'31-12-2026' for from");
        bad.QuerySelectorAll("[data-testid=compare-form] tr[data-batch]").Length.ShouldBe(inPeriod.Count);
        var backwards = await viewer.GetDocumentAsync($"/TestData/Compare?product={product}&from=2026-12-01&to=2026-01-01");
        backwards.QuerySelector("[data-testid=period-message]")!.TextContent.ShouldBe("The period starts (2026-12-01) after it ends (2026-01-01): no batch started in it.");
        backwards.QuerySelectorAll("[data-testid=compare-form] tr[data-batch]").ShouldBeEmpty();

        // Every batch, on request.
        var all = await viewer.GetDocumentAsync(page.QuerySelector("[data-testid=every-batch]")!.GetAttribute("href")!.Replace("&amp;", "&", StringComparison.Ordinal));
        all.QuerySelectorAll("[data-testid=compare-form] tr[data-batch]").Length.ShouldBe(batches.Count);
    }
}

/// <summary>DFM items by the second line's manufacturer (its own line only; the primary sees none), and the margins page.</summary>
public sealed class DfmPagesTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    [Fact]
    public async Task The_buyer_sets_a_margin_everyone_who_sees_the_product_reads_it_and_a_bad_one_is_refused()
    {
        var product = await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id).SingleAsync());
        var url = $"/TestData/Margins?product={product}";
        using var engineer = await app.SignedInAsync("Engineer");

        (await engineer.GetDocumentAsync(url)).QuerySelectorAll("#measurement-names option").Select(o => o.GetAttribute("value")).ShouldContain("T_BOOT");
        using var set = await engineer.SubmitFormAsync(url, new Dictionary<string, string> { ["measurement"] = "T_BOOT", ["fraction"] = "0.05", ["reason"] = "boot time is a critical characteristic" }, "[data-testid=margin-form]");
        set.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var both = await engineer.SubmitFormAsync(url, new Dictionary<string, string> { ["measurement"] = "I_IDLE", ["fraction"] = "0.05", ["absolute"] = "0.002", ["reason"] = "x" }, "[data-testid=margin-form]");
        (await engineer.GetDocumentAsync(url)).QuerySelector("[data-testid=margin-refusal]")!.TextContent.ShouldContain("not both or neither");

        using var member = await app.SignedInAsync("Member", "Vistula");
        var page = await member.GetDocumentAsync(url);
        page.QuerySelector("tr[data-measurement=T_BOOT]")!.TextContent.ShouldContain("0.05 × spec window");
        page.QuerySelector("[data-testid=margin-form]").ShouldBeNull();
    }

    [Fact]
    public async Task The_second_line_raises_and_resolves_its_items_and_the_primary_sees_none()
    {
        var product = await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().Products.Where(p => p.Code == "AUR-VSM200").Select(p => p.Id).SingleAsync());
        var url = $"/TestData/Dfm?product={product}";
        using var vistula = await app.SignedInAsync("Member", "Vistula");

        using var raised = await vistula.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["category"] = "Stencil", ["title"] = "Stencil thickness 100 µm against 120 µm", ["description"] = "Our stencil for the QFN is thinner; solder volume lower.", ["owner"] = "Vistula SMT",
        }, "[data-testid=dfm-form]");
        raised.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await vistula.GetDocumentAsync(url);
        page.QuerySelectorAll("[data-testid=dfm] tbody tr").Length.ShouldBe(3);

        using var refused = await vistula.SubmitFormAsync(url, new Dictionary<string, string> { ["status"] = "Resolved", ["resolution"] = "" }, "tr[data-item='Stencil thickness 100 µm against 120 µm'] form");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await vistula.GetDocumentAsync(url);
        page.QuerySelector("[data-testid=dfm-refusal]")!.TextContent.ShouldContain("How it was resolved");
        using var resolved = await vistula.SubmitFormAsync(url, new Dictionary<string, string> { ["status"] = "Resolved", ["resolution"] = "Stencil re-cut at 120 µm" }, "tr[data-item='Stencil thickness 100 µm against 120 µm'] form");
        page = await vistula.GetDocumentAsync(url);
        page.QuerySelector("tr[data-item='Stencil thickness 100 µm against 120 µm']")!.TextContent.ShouldContain("Resolved: Stencil re-cut at 120 µm");

        using var pearl = await app.SignedInAsync("Member", "Pearl River");
        var theirs = await pearl.GetDocumentAsync(url);
        theirs.QuerySelector("[data-testid=dfm]").ShouldBeNull();
        theirs.QuerySelector("[data-testid=dfm-form]").ShouldBeNull();
        var vistulaLine = await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().Lines.Where(l => l.Name == "SMT line 1").Select(l => l.Id).SingleAsync());
        var item = await app.RunInSystemScopeAsync(s => s.GetRequiredService<SecondSourceDbContext>().DfmItems.Select(d => d.Id).FirstAsync());
        var token = (await pearl.GetDocumentAsync(url)).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        {
            using var raise = await pearl.PostAsync(new Uri("/TestData/RaiseDfm", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["product"] = product.ToString(), ["line"] = vistulaLine.ToString(), ["category"] = "Other", ["title"] = "x", ["description"] = "x", ["owner"] = "x", ["__RequestVerificationToken"] = token,
            }));
            raise.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            using var status = await pearl.PostAsync(new Uri("/TestData/SetDfmStatus", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["product"] = product.ToString(), ["item"] = item.ToString(), ["status"] = "Accepted", ["resolution"] = "x", ["__RequestVerificationToken"] = token,
            }));
            status.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }
}
