using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Vault;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Vault;

/// <summary>Marks the manufacturer's vault notifications read.</summary>
[Authorize(Policy = Policies.ManufacturerMember)]
public sealed class MarkReadModel(MarkNotificationsReadHandler mark) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        TempData["Notice"] = $"{await mark.HandleAsync(ct)} notifications marked read.";
        return RedirectToPage("Index");
    }
}
