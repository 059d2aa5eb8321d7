using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Reviews;
using SecondSource.Domain.Reviews;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Reviews;

/// <summary>A program's quarterly reviews (the buyer, who generates them) or a manufacturer's reviews of its own lines.</summary>
[Authorize(Policy = Policies.Person)]
public sealed class IndexModel(ReviewQueries reviews, Application.Programs.ProgramQueries programs, TimeProvider clock,
    Hosting.ReadModelCache cache, Application.Persistence.IPartyContext partyContext) : PageModel
{
    public IReadOnlyList<ReviewSummary> Reviews { get; private set; } = [];

    public IReadOnlyList<(Guid ReviewId, LineSectionReport Section)> Sections { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Code, string Name, int Calendar)> Programs { get; private set; } = [];

    public Guid? Program { get; private set; }

    /// <summary>The quarter that ended last under the first program's calendar: what to generate by default.</summary>
    public string DefaultQuarter { get; private set; } = "";

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Refusal { get; set; }

    public async Task OnGetAsync(Guid? program, CancellationToken ct)
    {
        if (!User.IsBuyer())
        {
            Sections = await reviews.LineSectionsAsync(ct);
            return;
        }

        Program = program;
        // The list and each program's calendar depend on the party scope and the program asked for: served from the read model.
        (Programs, Reviews) = await cache.GetAsync($"reviews|{partyContext.Scope}|{program}", async c =>
        {
            var list = new List<(Guid, string, string, int)>();
            foreach (var p in (await programs.ListAsync(c)).Where(p => program is null || p.Id == program))
            {
                list.Add((p.Id, p.ProductCode, p.Product, await reviews.CalendarAsync(p.Id, c)));
            }

            return ((IReadOnlyList<(Guid, string, string, int)>)list, await reviews.ListAsync(program, c));
        }, ct);
        var list = Programs;
        var calendar = list.Count > 0 ? list[0].Item4 : 1;
        DefaultQuarter = Quarter.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), calendar).Previous.ToString();
    }
}
