using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application;
using SecondSource.Application.Programs;
using SecondSource.Domain.Common;
using SecondSource.Domain.Programs;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Programs;

/// <summary>Moves a program's line to another stage (buyer admins and engineers), then returns to the program.</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class StageModel(ChangeStageHandler change) : PageModel
{
    public IActionResult OnGet(Guid id) => RedirectToPage("Details", new { id });

    public async Task<IActionResult> OnPostAsync(Guid id, Guid lineId, LineStage? to, string? note, CancellationToken ct)
    {
        try
        {
            if (to is not { } stage)
            {
                throw new DomainException("Choose the stage to move the line to.");
            }

            var result = await change.HandleAsync(new ChangeStageRequest(id, lineId, stage, note, User.Identity?.Name ?? "unknown"), ct);
            if (result.Failure is { Kind: FailureKind.NotFound })
            {
                return NotFound();
            }

            TempData["Notice"] = $"The line is in {stage} now.";
        }
        catch (DomainException ex)
        {
            TempData["Refusal"] = ex.Message;
        }

        return RedirectToPage("Details", new { id });
    }
}
