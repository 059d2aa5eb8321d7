using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Avl;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Parts;

/// <summary>Sets a part's criticality with its reason, or hands it back to the audit policy (buyer admins and engineers).</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class CriticalityModel(SetPartCriticalityHandler set, PartReadModel parts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>"critical", "not-critical" or "policy".</summary>
    [BindProperty]
    public string? Verdict { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public PartView? Part { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Part = await parts.GetAsync(Id, ct);
        if (Part is null)
        {
            return NotFound();
        }

        Verdict = Part.Critical switch { true => "critical", false => "not-critical", null => "policy" };
        Reason = Part.CriticalityReason;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Part = await parts.GetAsync(Id, ct);
        if (Part is null)
        {
            return NotFound();
        }

        if (Verdict is not ("critical" or "not-critical" or "policy"))
        {
            ModelState.AddModelError(nameof(Verdict), "Choose critical, not critical, or the policy.");
            return Page();
        }

        bool? critical = Verdict switch { "critical" => true, "not-critical" => false, _ => null };
        var result = await set.HandleAsync(new SetPartCriticalityRequest(Id, critical, Reason, User.Identity?.Name ?? "unknown"), ct);
        if (result.Failure is { } failure)
        {
            FieldErrors.Add(ModelState, failure.Message, ("Reason", nameof(Reason)));
            return Page();
        }

        TempData["Notice"] = $"{Part.Number} is {(critical switch { true => "critical", false => "not critical", null => "left to the audit policy" })}.";
        return RedirectToPage("Part", new { id = Id });
    }
}
