using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Planning;
using SecondSource.Application.Programs;
using SecondSource.Domain.Planning;
using SecondSource.Web.Authorization;
using SecondSource.Web.Pages.Vault;

namespace SecondSource.Web.Pages.Programs;

/// <summary>Runs the optimiser over the stored forecast and adopts its plan (the buyer's editors); the notice says how it solved and what gave.</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class OptimisePlanModel(ProgramQueries programs, OptimisePlanHandler optimise) : PageModel
{
    public IActionResult OnGet(Guid id) => RedirectToPage("Plan", new { id });

    public async Task<IActionResult> OnPostAsync(Guid id, int? weeks, double? premium, CancellationToken ct)
    {
        var program = await programs.FindAsync(id.ToString(), ct);
        if (program is null)
        {
            return NotFound();
        }

        var result = await optimise.HandleAsync(new OptimisePlanRequest(program.ProductId, weeks ?? 26, SecondLinePremium: (premium ?? 3) / 100, Adopt: true, By: User.Identity?.Name ?? "unknown"), ct);
        return VaultPost.Outcome(this, result, p =>
        {
            var s = p.Solution;
            var head = s.Status == SolveStatus.NoSolution
                ? $"No plan: {s.SolverNote}."
                : string.Create(CultureInfo.InvariantCulture, $"Plan adopted: {s.Solver} {s.Status.ToString().ToLowerInvariant()}{(s.HitTimeLimit ? " at the time limit" : "")} in {s.Seconds:0.0} s, gap {s.Gap:P1}.");
            var gave = s.Slacks.Select(k => string.Create(CultureInfo.InvariantCulture, $" {k.Constraint} gave in {k.Period}: {k.Amount:N0} ({k.Explanation})."));
            return head + string.Concat(gave) + (s.SolverNote is not null && s.Status != SolveStatus.NoSolution ? $" {s.SolverNote}." : "");
        }, "Plan", new { id });
    }
}
