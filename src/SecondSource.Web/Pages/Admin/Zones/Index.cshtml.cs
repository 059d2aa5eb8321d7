using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Lines;
using SecondSource.Domain.Common;

namespace SecondSource.Web.Pages.Admin.Zones;

/// <summary>The buyer's zones (the default set until saved), edited as text, replaced all at once.</summary>
public sealed class IndexModel(ZoneQueries zones, SaveZonesHandler save) : PageModel
{
    [BindProperty]
    public string Text { get; set; } = "";

    [TempData]
    public string? Notice { get; set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Text = await zones.AsTextAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var saved = await save.HandleAsync(Text, ct);
            Notice = $"{saved.Count} zones saved.";
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            Message = ex.Message + " Nothing was saved.";
            return Page();
        }
    }
}
