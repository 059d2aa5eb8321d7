using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application;
using SecondSource.Application.Programs;
using SecondSource.Domain.Common;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Programs;

/// <summary>
/// Records the choice of a program's second source (buyer admins and engineers), then returns to the program page:
/// with a notice when it is recorded, with the reason when it is refused.
/// </summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class DecideModel(DecideSecondSourceHandler decide) : PageModel
{
    public IActionResult OnGet(Guid id) => RedirectToPage("Details", new { id });

    public async Task<IActionResult> OnPostAsync(Guid id, Guid chosenLineId, string? reasons, CancellationToken ct)
    {
        string? refusal;
        try
        {
            var result = await decide.HandleAsync(new DecideSecondSourceRequest(id, chosenLineId, reasons ?? "", User.Identity?.Name ?? "unknown"), ct);
            if (result.Failure is { Kind: FailureKind.NotFound })
            {
                return NotFound();
            }

            refusal = result.Failure?.Message;
        }
        catch (DomainException ex)
        {
            refusal = ex.Message;
        }

        if (refusal is null)
        {
            TempData["Notice"] = "The decision is recorded and the chosen line has moved to Transfer.";
        }
        else
        {
            TempData["Refusal"] = refusal;
        }

        return RedirectToPage("Details", new { id });
    }
}
