using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Planning;
using SecondSource.Application.Programs;
using SecondSource.Domain.Planning;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.Programs;

/// <summary>Sets the program's allocation policy (percentages in the form) and the lines' standing capacities and ramp limits (the buyer's editors).</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class SetAllocationPolicyModel(ProgramQueries programs, SetAllocationPolicyHandler set) : PageModel
{
    public IActionResult OnGet(Guid id) => RedirectToPage("Plan", new { id });

    public async Task<IActionResult> OnPostAsync(Guid id, double? launchMin, double? launchMax, double? steadyMin, double? steadyMax, double? target,
        int? launchQuarters, int? window, int? minWarm, Dictionary<Guid, int?>? capacity, Dictionary<Guid, int?>? ramp, CancellationToken ct)
    {
        var program = await programs.FindAsync(id.ToString(), ct);
        if (program is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid || launchMin is null || launchMax is null || steadyMin is null || steadyMax is null || target is null || launchQuarters is null || window is null || minWarm is null)
        {
            TempData["Refusal"] = "Give both bands, the target, the launch quarters, the warm window and the warm batch as numbers; capacities as whole units a week.";
            return RedirectToPage("Plan", new { id });
        }

        var policy = new SharePolicy(launchMin.Value / 100, launchMax.Value / 100, steadyMin.Value / 100, steadyMax.Value / 100, target.Value / 100, launchQuarters.Value, window.Value, minWarm.Value);
        var result = await set.HandleAsync(new SetAllocationPolicyRequest(program.ProductId, policy, capacity ?? [], ramp ?? []), ct);
        return VaultPost.Outcome(this, result, _ => "The policy and capacities are saved.", "Plan", new { id });
    }
}
