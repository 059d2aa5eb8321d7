using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Planning;
using SecondSource.Application.Programs;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Programs;

/// <summary>
/// A program's allocation plan. The buyer's people see the policy and standing capacities, the forecast by week, the
/// units planned per line and the check's findings; editors import a forecast, change the policy and run the
/// optimiser. A manufacturer's member sees only the units planned at its own line (the data layer gives it no other
/// line's weeks and no forecast), without findings, which need both lines and the forecast.
/// </summary>
[Authorize(Policy = Policies.Person)]
public sealed class PlanModel(ProgramReadModel program, AllocationQueries allocation, Hosting.ReadModelCache cache, Application.Persistence.IPartyContext partyContext) : PageModel
{
    public ProgramView? Program { get; private set; }

    public AllocationView? Plan { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Refusal { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Program = await program.FindAsync(id, ct);
        if (Program is null)
        {
            return NotFound();
        }

        // The plan view with its check depends on the product and the party scope only; served from the read model.
        var product = Program.ProductId;
        Plan = await cache.GetAsync($"plan|{product}|{partyContext.Scope}", c => allocation.OfProductAsync(product, c), ct);
        return Plan is null ? NotFound() : Page();
    }
}
