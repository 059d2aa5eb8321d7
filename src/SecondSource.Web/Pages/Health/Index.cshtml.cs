using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Health;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Health;

/// <summary>The program health scorecard: the guide's "what good looks like" and "common pitfalls", each judged from the data with a link to the evidence. The buyer's.</summary>
[Authorize(Policy = Policies.BuyerPerson)]
public sealed class IndexModel(HealthQueries health) : PageModel
{
    public IReadOnlyList<ProgramScorecard> Scorecards { get; private set; } = [];

    public async Task OnGetAsync(string? program, CancellationToken ct) => Scorecards = await health.ScorecardsAsync(program, ct);
}
