using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Parties;
using SecondSource.Application.Persistence;

namespace SecondSource.Web.Pages.Account;

/// <summary>
/// Password sign-in with lockout. The answer to a wrong password, an unknown e-mail and a disabled account is
/// the same sentence, so the page does not tell who has an account.
/// </summary>
public sealed class LoginModel(SignInManager<UserAccount> signIn, IPartyContext partyContext, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Microsoft.AspNetCore.Identity.SignInResult result;

        // Nobody is known yet: finding the account has to look across parties (allow-listed call site).
        using (partyContext.BeginSystemScope())
        {
            result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        }

        if (result.Succeeded)
        {
            logger.LogInformation("Sign-in succeeded for {Email}", Email);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        logger.LogWarning("Sign-in refused for {Email}: {Reason}", Email, result.IsLockedOut ? "locked out" : "failed");
        Message = result.IsLockedOut
            ? $"This account is locked after {IdentityRules.MaxFailedSignIns} failed sign-ins. Try again in {IdentityRules.LockoutDuration.TotalMinutes:0} minutes, or ask an administrator."
            : "The e-mail or the password is wrong, or the account is disabled.";
        Password = "";
        return Page();
    }
}
