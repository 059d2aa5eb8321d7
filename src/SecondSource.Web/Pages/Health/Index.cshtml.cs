using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Health;
using SecondSource.Application.Persistence;
using SecondSource.Web.Authorization;
using SecondSource.Web.Hosting;

namespace SecondSource.Web.Pages.Health;

/// <summary>
/// The program health scorecard: the guide's "what good looks like" and "common pitfalls", each judged from the data with
/// a link to the evidence. The buyer's. Served from the read model like the dashboard (the scorecards gather facts from
/// every feature: 40–75 ms a request even alone), recomputed when the data changes.
/// </summary>
[Authorize(Policy = Policies.BuyerPerson)]
public sealed class IndexModel(HealthQueries health, ReadModelCache cache, IPartyContext partyContext) : PageModel
{
    public IReadOnlyList<ProgramScorecard> Scorecards { get; private set; } = [];

    public async Task OnGetAsync(string? program, CancellationToken ct)
    {
        // The scorecards depend on the party scope and the program asked for, nothing else.
        var wanted = program?.Trim() ?? "";
        Scorecards = await cache.GetAsync($"health|{partyContext.Scope}|{wanted}", c => health.ScorecardsAsync(wanted, c), ct);
    }
}
