using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Lines;
using SecondSource.Application.Parties;
using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Lines;

/// <summary>
/// Adds a line at an existing or new site. A manufacturer's member adds lines for its own organisation; the buyer's
/// admins and engineers choose the manufacturer.
/// </summary>
[Authorize(Policy = Policies.LineEditor)]
public sealed class NewModel(AddLineHandler add, SiteQueries sites, PartyQueries parties, Hosting.ScopedReadModel readModel) : PageModel
{
    [BindProperty]
    public string? ManufacturerId { get; set; }

    [BindProperty]
    public Guid? SiteId { get; set; }

    [BindProperty]
    public string? SiteName { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public string? Country { get; set; }

    [BindProperty]
    public string? Region { get; set; }

    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public LineProfileForm Profile { get; set; } = new();

    public IReadOnlyList<SiteView> Sites { get; private set; } = [];

    /// <summary>The manufacturers a buyer may choose from; empty for a manufacturer's member (its own organisation).</summary>
    public IReadOnlyList<PartyView> Manufacturers { get; private set; } = [];

    public string? Message { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => Load(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var manufacturer = User.IsBuyer()
                ? PartyId.TryParse(ManufacturerId, out var chosen) ? chosen : throw new DomainException("Choose the manufacturer.")
                : PartyId.TryParse(User.FindFirst(SecondSourceClaims.PartyId)?.Value, out var own) ? own : throw new DomainException("Your account has no organisation.");
            var (capabilities, capacity, certifications) = Profile.ToProfile();
            var result = await add.HandleAsync(new AddLineRequest(manufacturer, new SiteChoice(SiteId, SiteName, Address, Country, Region), Name, capabilities, capacity, certifications), ct);
            if (result.Failure is null)
            {
                TempData["Notice"] = $"{result.Value!.Name} was added.";
                return RedirectToPage("Index");
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

    private async Task Load(CancellationToken ct)
    {
        // The choices come from the read model (recomputed after a change); adding the line checks them afresh.
        Sites = await readModel.GetAsync("sites", sites.ListAsync, ct);
        if (User.IsBuyer())
        {
            Manufacturers = (await readModel.GetAsync("parties", parties.ListAsync, ct)).Where(p => p.Kind == PartyKind.Manufacturer).ToList();
        }
    }
}
