using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Provisioning;

namespace SecondSource.Web.Pages.Provisioning;

/// <summary>Device certificates issued, newest first, by serial prefix and revoked or not, a page at a time; a manufacturer sees the ones its lines obtained.</summary>
public sealed class CertificatesModel(ProvisioningQueries queries, Hosting.ReadModelCache cache, Application.Persistence.IPartyContext partyContext) : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Refusal { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Serial { get; set; }

    // From the query only: the route value "page" (the page's own path) would win over a bound name.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Only revoked (true) or only unrevoked (false) certificates; every one when absent.</summary>
    [BindProperty(SupportsGet = true)]
    public bool? Revoked { get; set; }

    /// <summary>A filter value in the address the list does not know (it then shows the default there).</summary>
    public string? Message { get; private set; }

    public CertificatePage Certificates { get; private set; } = new([], 0, 1, ProvisioningQueries.PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Message = Shared.ListAddress.Unknown(ModelState);
        // A page of the list from the read model, per filter and party scope (recomputed after any change).
        var serial = string.IsNullOrWhiteSpace(Serial) ? null : Serial.Trim();
        Certificates = await cache.GetAsync($"certificates|{partyContext.Scope}|{PageNumber}|{Revoked}|{serial?.Length}:{serial}",
            c => queries.CertificatesAsync(serial, null, PageNumber, c, Revoked), ct);
        return Page();
    }

    /// <summary>This list's address on another page, the filters kept.</summary>
    public string Href(int page) =>
        Shared.ListAddress.Build("/Provisioning/Certificates", ("serial", Serial?.Trim()), ("revoked", Revoked is { } r ? (r ? "true" : "false") : null), ("page", Shared.ListAddress.Page(page)));
}
