using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Parties;
using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Web.Pages.Admin.Manufacturers;

/// <summary>Lists the manufacturers and adds new ones.</summary>
public sealed class IndexModel(AdminReadModel admin, CreateManufacturerHandler create) : PageModel
{
    [BindProperty]
    public string Name { get; set; } = "";

    [TempData]
    public string? Notice { get; set; }

    public string? Message { get; private set; }

    public IReadOnlyList<PartyView> Manufacturers { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => Load(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var result = await create.HandleAsync(new CreateManufacturerRequest(Name), ct);
            if (result.Failure is null)
            {
                Notice = $"{result.Value!.Name} was added. Next: add its people and its station API keys.";
                return RedirectToPage();
            }

            Message = result.Failure.Message;
        }
        catch (DomainException ex)
        {
            Message = ex.Message;
        }

        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct) =>
        Manufacturers = (await admin.PartiesAsync(ct)).Where(p => p.Kind == PartyKind.Manufacturer).ToList();
}
