using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SecondSource.Web.Pages.Account;

/// <summary>Where a signed-in person lands when a page is not for their role.</summary>
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
