using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using SecondSource.Application.Lines;
using SecondSource.Application.Programs;
using SecondSource.Domain.Programs;
using SecondSource.Web.Tests.Infrastructure;

namespace SecondSource.Web.Tests.Pages;

/// <summary>The program page: the buyer compares candidates and decides; a manufacturer sees only its own part.</summary>
public sealed class ProgramPagesTests(SecondSourceWebFactory app) : IClassFixture<SecondSourceWebFactory>
{
    private Task<HttpClient> As(string role, string? party = null) => app.SignedInAsync(role, party);

    private Task<ProgramView> DemoProgram() => app.RunInSystemScopeAsync(async s => (await s.GetRequiredService<ProgramQueries>().ListAsync(CancellationToken.None)).First(p => p.Name == "VSM-200 second source"));

    /// <summary>A fresh program on the demo's lines with every candidate still undecided.</summary>
    private Task<ProgramView> UndecidedProgram() => app.RunInSystemScopeAsync(async s =>
    {
        var demo = (await s.GetRequiredService<ProgramQueries>().ListAsync(CancellationToken.None)).First(p => p.Name == "VSM-200 second source");
        var primary = demo.Lines.Single(l => l.Role == LineRole.Primary).LineId;
        var started = await s.GetRequiredService<StartProgramHandler>().HandleAsync(
            new StartProgramRequest(demo.ProductId, $"Trial {Guid.NewGuid():N}"[..14], 3000, primary, "test"), CancellationToken.None);
        foreach (var candidate in demo.Lines.Where(l => l.Role == LineRole.SecondSource))
        {
            await s.GetRequiredService<AddCandidateHandler>().HandleAsync(new AddCandidateRequest(started.Value!.Id, candidate.LineId, "test"), CancellationToken.None);
        }

        return (await s.GetRequiredService<ProgramQueries>().FindAsync(started.Value!.Id.ToString(), CancellationToken.None))!;
    });

    [Fact]
    public async Task The_buyer_sees_the_ranked_comparison_and_the_recorded_decision()
    {
        using var client = await As("Viewer");
        var program = await DemoProgram();

        var page = await client.GetDocumentAsync($"/Programs/Details?id={program.Id}");

        var rows = page.QuerySelectorAll("[data-testid=comparison] tbody tr").ToList();
        rows.Select(r => r.QuerySelector("td:nth-child(2) strong")!.TextContent).ShouldBe(
            ["SMT line 1 (Vistula EMS Sp. z o.o. (Gdańsk))", "Line A2 (Dongguan Allied EMS)", "Line 5 (Saigon Precision Assembly)"]);
        rows[2].QuerySelectorAll(".gaps li").Select(li => li.TextContent).ShouldContain("places 0402 at the smallest; the product needs 0201");
        page.QuerySelector("[data-testid=decision]")!.TextContent.ShouldContain("SMT line 1");
        page.QuerySelector("[data-testid=decide]").ShouldBeNull("a viewer cannot decide");
    }

    [Fact]
    public async Task Weights_re_rank_the_candidates_and_bad_weights_fall_back_to_the_defaults()
    {
        using var client = await As("Engineer");
        var program = await DemoProgram();

        var cheapest = await client.GetDocumentAsync($"/Programs/Details?id={program.Id}&zone=0&communication=0&ip=0&allocation=0&lead=10&cost=10&capacity=0");
        var bad = await client.GetDocumentAsync($"/Programs/Details?id={program.Id}&zone=-1");

        cheapest.QuerySelector("[data-testid=comparison] tbody tr td:nth-child(2) strong")!.TextContent.ShouldBe("Line A2 (Dongguan Allied EMS)");
        bad.QuerySelector(".alert.error")!.TextContent.ShouldBe("Criterion weights cannot be negative. The default weights are used.");
    }

    [Fact]
    public async Task An_engineer_records_the_decision_and_the_chosen_line_moves_to_transfer()
    {
        using var client = await As("Engineer");
        var program = await UndecidedProgram();
        var page = await client.GetDocumentAsync($"/Programs/Details?id={program.Id}");
        var form = page.QuerySelector<IHtmlFormElement>("[data-testid=decide]")!;
        form.QuerySelector<IHtmlOptionElement>("option[selected]").ShouldBeNull("no line is chosen for the person");
        var chosen = form.QuerySelectorAll<IHtmlOptionElement>("option").First(o => o.Value.Length > 0).Value;

        using var posted = await client.SubmitAsync(form, $"/Programs/Details?id={program.Id}", new Dictionary<string, string> { ["ChosenLineId"] = chosen, ["Reasons"] = "Best ranked; EU zone." });

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await client.GetDocumentAsync(posted.Headers.Location!.OriginalString);
        after.QuerySelector(".alert.success")!.TextContent.ShouldContain("moved to Transfer");
        after.QuerySelector("[data-testid=decision]")!.TextContent.ShouldContain("Best ranked; EU zone.");
        var stored = await app.RunInSystemScopeAsync(s => s.GetRequiredService<ProgramQueries>().FindAsync(program.Id.ToString(), CancellationToken.None));
        stored!.Lines.Single(l => l.LineId == Guid.Parse(chosen)).Stage.ShouldBe(LineStage.Transfer);
    }

    [Fact]
    public async Task A_decision_without_reasons_is_refused_on_the_page_and_changes_nothing()
    {
        using var client = await As("Admin");
        var program = await UndecidedProgram();
        var page = await client.GetDocumentAsync($"/Programs/Details?id={program.Id}");
        var form = page.QuerySelector<IHtmlFormElement>("[data-testid=decide]")!;

        using var posted = await client.SubmitAsync(form, $"/Programs/Details?id={program.Id}",
            new Dictionary<string, string> { ["ChosenLineId"] = form.QuerySelectorAll<IHtmlOptionElement>("option").First(o => o.Value.Length > 0).Value, ["Reasons"] = " " });

        var after = await client.GetDocumentAsync(posted.Headers.Location!.OriginalString);
        after.QuerySelector(".alert.error")!.TextContent.ShouldBe("Reasons is required.");
        after.QuerySelectorAll("[data-testid=stage]").Select(s => s.TextContent).ShouldBe(["Production", "Candidate", "Candidate", "Candidate"]);
    }

    [Fact]
    public async Task A_manufacturer_sees_its_own_line_in_the_program_and_nothing_of_the_evaluation()
    {
        using var client = await As("Member", "Vistula");
        var program = await DemoProgram();

        using var response = await client.GetAsync(new Uri($"/Programs/Details?id={program.Id}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var page = await WebSession.ParseAsync(response);

        page.QuerySelectorAll("[data-testid=program-lines] tbody tr").Length.ShouldBe(1);
        page.QuerySelector("[data-testid=comparison]").ShouldBeNull();
        html.ShouldNotContain("Dongguan");
        html.ShouldNotContain("Pearl River");
        html.ShouldNotContain("24.10");
    }

    [Fact]
    public async Task A_program_the_manufacturer_is_not_part_of_is_not_found()
    {
        var program = await UndecidedProgram();
        using var client = await As("Member", "Pearl River");
        var lines = await app.RunInSystemScopeAsync(s => s.GetRequiredService<LineQueries>().ListAsync(CancellationToken.None));
        lines.ShouldNotBeEmpty();

        using var own = await client.GetAsync(new Uri($"/Programs/Details?id={program.Id}", UriKind.Relative));
        using var unknown = await client.GetAsync(new Uri($"/Programs/Details?id={Guid.NewGuid()}", UriKind.Relative));

        own.StatusCode.ShouldBe(HttpStatusCode.OK, "Pearl River's line is the primary of the trial program");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_lines_page_shows_a_manufacturer_its_own_lines_only()
    {
        using var member = await As("Member", "Vistula");
        using var admin = await As("Admin");

        var mine = await member.GetDocumentAsync("/Lines");
        var all = await admin.GetDocumentAsync("/Lines");

        mine.QuerySelectorAll("[data-testid=lines] tbody tr").Select(r => r.QuerySelector("strong")!.TextContent).ShouldBe(["SMT line 1"]);
        all.QuerySelectorAll("[data-testid=lines] tbody tr").Length.ShouldBeGreaterThanOrEqualTo(4);
        all.QuerySelectorAll(".badge.bad").Select(b => b.TextContent).ShouldContain(t => t.StartsWith("ISO 13485", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_engineer_adds_a_product_from_a_bom_starts_a_program_adds_and_assesses_a_candidate()
    {
        using var client = await As("Engineer");
        var code = $"AUR-{Guid.NewGuid():N}"[..12];
        var form = (await client.GetDocumentAsync("/Products/New")).QuerySelector<IHtmlFormElement>("[data-testid=product-form]")!;
        using var upload = new MultipartFormDataContent();
        foreach (var hidden in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden"))
        {
            upload.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        upload.Add(new StringContent("Pump controller"), "Name");
        upload.Add(new StringContent(code), "Code");
        upload.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("Ref,Footprint,MPN,Manufacturer\nC1,C_0201_0603Metric,GRM033,Murata\nU1,BGA-256 P0.8mm,XC7A,AMD\n")), "Bom", "pump.csv");
        using var derived = await client.PostAsync(new Uri("/Products/New?handler=Derive", UriKind.Relative), upload);
        var page = await WebSession.ParseAsync(derived);
        page.QuerySelector(".alert.success")!.TextContent.ShouldBe("Read pump.csv: smallest chip 0201, finest BGA pitch 0.8 mm.");

        using var created = await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("[data-testid=product-form]")!, "/Products/New", new Dictionary<string, string>
        {
            ["Name"] = "Pump controller", ["Code"] = code, ["Needs.Layers"] = "6", ["Needs.Certifications"] = "Iso13485",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var products = await client.GetDocumentAsync("/Products");
        products.QuerySelectorAll("[data-testid=products] tr").Single(r => r.TextContent.Contains(code, StringComparison.Ordinal)).TextContent.ShouldContain("0201 chips; BGA 0.8 mm; 6 layers");

        var start = await client.GetDocumentAsync("/Programs/New");
        var startForm = start.QuerySelector<IHtmlFormElement>("[data-testid=program-form]")!;
        var productId = startForm.QuerySelectorAll<IHtmlOptionElement>("#ProductId option").Single(o => o.Text.Contains(code, StringComparison.Ordinal)).Value;
        var primary = startForm.QuerySelectorAll<IHtmlOptionElement>("#PrimaryLineId option").Single(o => o.Text.StartsWith("SMT line 3", StringComparison.Ordinal)).Value;
        using var started = await client.SubmitAsync(startForm, "/Programs/New", new Dictionary<string, string>
        {
            ["Name"] = "Pump controller second source", ["ProductId"] = productId, ["PrimaryLineId"] = primary, ["FullDemandUnitsPerWeek"] = "1200",
        });
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var programUrl = started.Headers.Location!.OriginalString;

        var details = await client.GetDocumentAsync(programUrl);
        var add = details.QuerySelector<IHtmlFormElement>("[data-testid=add-candidate]")!;
        var vistula = add.QuerySelectorAll<IHtmlOptionElement>("option").Single(o => o.Text.StartsWith("SMT line 1", StringComparison.Ordinal)).Value;
        using var added = await client.SubmitAsync(add, programUrl, new Dictionary<string, string> { ["lineId"] = vistula });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var withCandidate = await client.GetDocumentAsync(programUrl);
        var assessUrl = withCandidate.QuerySelector("[data-testid=comparison] a[href*='Assess']")!.GetAttribute("href")!;
        using var bad = await client.SubmitFormAsync(assessUrl, new Dictionary<string, string> { ["CommunicationScore"] = "7" }, "[data-testid=assess-form]");
        (await WebSession.ParseAsync(bad)).QuerySelector(".alert.error")!.TextContent.ShouldBe("Communication score must be between 0 and 5, not 7.");
        using var assessed = await client.SubmitFormAsync(assessUrl, new Dictionary<string, string>
        {
            ["CommunicationScore"] = "5", ["IpDisciplineScore"] = "4", ["MinimumStartingSharePercent"] = "10", ["LeadTimeWeeks"] = "5", ["QuotedUnitCost"] = "31.5", ["Evidence"] = "audit A-17",
        }, "[data-testid=assess-form]");
        assessed.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var ranked = await client.GetDocumentAsync(programUrl);
        var row = ranked.QuerySelector("[data-testid=comparison] tbody tr")!;
        row.TextContent.ShouldContain("meets all");
        row.TextContent.ShouldContain("assessed 5 of 5");
    }

    [Fact]
    public async Task An_engineer_moves_a_line_through_the_stages_and_the_history_keeps_each_step()
    {
        using var client = await As("Engineer");
        var program = await UndecidedProgram();
        var vistula = program.Lines.Single(l => l.LineName == "SMT line 1").LineId;
        await app.RunInSystemScopeAsync(s => s.GetRequiredService<DecideSecondSourceHandler>()
            .HandleAsync(new DecideSecondSourceRequest(program.Id, vistula, "best ranked", "test"), CancellationToken.None));
        var url = $"/Programs/Details?id={program.Id}";
        var page = await client.GetDocumentAsync(url);
        var row = page.QuerySelectorAll("[data-testid=program-lines] tbody tr").First(r => r.TextContent.Contains("SMT line 1", StringComparison.Ordinal));

        // The first post only shows what the move does; nothing changes until it is confirmed.
        using var asked = await client.SubmitAsync(row.QuerySelector<IHtmlFormElement>("form")!, url, new Dictionary<string, string> { ["to"] = "Pilot", ["note"] = "pilot of 300 units" });
        asked.StatusCode.ShouldBe(HttpStatusCode.OK);
        var confirmation = await WebSession.ParseAsync(asked);
        confirmation.QuerySelector("h1")!.TextContent.ShouldBe("Move SMT line 1 to pilot?");
        confirmation.QuerySelector("[data-testid=consequences]")!.TextContent.ShouldContain("recorded in the line's history");
        (await app.RunInSystemScopeAsync(s => s.GetRequiredService<ProgramQueries>().FindAsync(program.Id.ToString(), CancellationToken.None)))!
            .Lines.Single(l => l.LineName == "SMT line 1").Stage.ShouldBe(LineStage.Transfer);
        using var moved = await client.SubmitAsync(confirmation.QuerySelector<IHtmlFormElement>("[data-testid=stage-confirmation] form")!, url, new Dictionary<string, string>());

        moved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.RunInSystemScopeAsync(s => s.GetRequiredService<ProgramQueries>().FindAsync(program.Id.ToString(), CancellationToken.None));
        var line = stored!.Lines.Single(l => l.LineName == "SMT line 1");
        line.Stage.ShouldBe(LineStage.Pilot);
        line.History[^1].Note.ShouldBe("pilot of 300 units");
        using var same = await client.SubmitAsync(row.QuerySelector<IHtmlFormElement>("form")!, url, new Dictionary<string, string> { ["to"] = "Pilot" });
        (await client.GetDocumentAsync(same.Headers.Location!.OriginalString)).QuerySelector(".alert.error")!.TextContent.ShouldBe("The line is already in Pilot.");
        var candidateRow = (await client.GetDocumentAsync(url)).QuerySelectorAll("[data-testid=program-lines] tbody tr").First(r => r.TextContent.Contains("Line A2", StringComparison.Ordinal));
        candidateRow.QuerySelectorAll("select[name=to] option").Select(o => o.TextContent).ShouldBe(["Choose…", "Suspended"]);
        candidateRow.QuerySelector("select[name=to] option[selected]").ShouldBeNull("no stage is chosen for the person");
    }

    [Fact]
    public async Task Changing_a_products_requirements_re_ranks_the_candidates()
    {
        using var client = await As("Admin");
        var program = await UndecidedProgram();
        var products = await client.GetDocumentAsync("/Products");
        var edit = products.QuerySelectorAll("[data-testid=products] tr").First(r => r.TextContent.Contains("AUR-VSM200", StringComparison.Ordinal)).QuerySelector("a[href^='/Products/Edit']")!.GetAttribute("href")!;

        using var bad = await client.SubmitFormAsync(edit, new Dictionary<string, string> { ["Needs.Layers"] = "99" }, "[data-testid=requirements-form]");
        (await WebSession.ParseAsync(bad)).QuerySelector(".alert.error")!.TextContent.ShouldBe("Layer count must be between 1 and 64, not 99.");
        using var saved = await client.SubmitFormAsync(edit, new Dictionary<string, string> { ["Needs.SmallestPassive"] = "Size0402" }, "[data-testid=requirements-form]");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await client.GetDocumentAsync($"/Programs/Details?id={program.Id}");
        var saigon = page.QuerySelectorAll("[data-testid=comparison] tbody tr").Single(r => r.TextContent.Contains("Line 5", StringComparison.Ordinal));
        saigon.QuerySelectorAll(".gaps li").Select(li => li.TextContent).ShouldNotContain("places 0402 at the smallest; the product needs 0201");
        using var restore = await client.SubmitFormAsync(edit, new Dictionary<string, string> { ["Needs.SmallestPassive"] = "Size0201" }, "[data-testid=requirements-form]");
    }
}
