using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application;
using SecondSource.Application.Programs;
using SecondSource.Domain.Common;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Programs;

/// <summary>Adds a line to a program as a candidate second source, then returns to the program.</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class AddCandidateModel(AddCandidateHandler add) : PageModel
{
    public IActionResult OnGet(Guid id) => RedirectToPage("Details", new { id });

    public async Task<IActionResult> OnPostAsync(Guid id, Guid lineId, CancellationToken ct)
    {
        try
        {
            var result = await add.HandleAsync(new AddCandidateRequest(id, lineId, User.Identity?.Name ?? "unknown"), ct);
            if (result.Failure is { Kind: FailureKind.NotFound } && lineId == Guid.Empty)
            {
                TempData["Refusal"] = "Choose a line.";
            }
            else if (result.Failure is { Kind: FailureKind.NotFound })
            {
                return NotFound();
            }
            else
            {
                TempData["Notice"] = "The line is a candidate now. Record its assessment to rank it.";
            }
        }
        catch (DomainException ex)
        {
            TempData["Refusal"] = ex.Message;
        }

        return RedirectToPage("Details", new { id });
    }
}
