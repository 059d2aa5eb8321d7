using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Provisioning;

namespace SecondSource.Web.Pages.Provisioning;

/// <summary>Device certificates issued, newest first, a page at a time; a manufacturer sees the ones its lines obtained.</summary>
public sealed class CertificatesModel(ProvisioningQueries queries) : PageModel
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

    public CertificatePage Certificates { get; private set; } = new([], 0, 1, ProvisioningQueries.PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Certificates = await queries.CertificatesAsync(string.IsNullOrWhiteSpace(Serial) ? null : Serial.Trim(), null, PageNumber, ct);
        return Page();
    }
}
