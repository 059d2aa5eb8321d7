using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Reviews;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Reviews;

/// <summary>Generates a new version of a program's review of a quarter (the buyer's editors) and opens it.</summary>
[Authorize(Policy = Policies.BuyerEditor)]
public sealed class GenerateModel(GenerateReviewHandler generate) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Index");

    public async Task<IActionResult> OnPostAsync(Guid program, string? quarter, CancellationToken ct)
    {
        var result = await generate.HandleAsync(new GenerateReviewRequest(program.ToString(), quarter ?? "", User.Identity?.Name ?? "unknown"), ct);
        if (result.Failure is { } failure)
        {
            TempData["Refusal"] = failure.Message;
            return RedirectToPage("Index", new { program });
        }

        TempData["Notice"] = $"{result.Value!.Quarter} review generated (version {result.Value.Version}).";
        return RedirectToPage("Pack", new { id = result.Value.Id });
    }
}
