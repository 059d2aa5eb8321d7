using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Parties;

namespace SecondSource.Web.Pages.Account;

/// <summary>Ends the session. POST only does it (a link or image cannot sign someone out).</summary>
public sealed class LogoutModel(SignInManager<UserAccount> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
