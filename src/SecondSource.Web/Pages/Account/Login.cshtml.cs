using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Parties;
using SecondSource.Application.Persistence;

namespace SecondSource.Web.Pages.Account;

/// <summary>
/// Password sign-in with lockout. The answer to a wrong password, an unknown e-mail, a disabled and a locked account
/// is the same sentence, at the same cost, so the page does not tell who has an account.
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

    /// <summary>The answer to every refused sign-in.</summary>
    public static readonly string RefusedMessage =
        $"The e-mail or the password is wrong, or the account is disabled, or it is locked for {IdentityRules.LockoutDuration.TotalMinutes:0} minutes after {IdentityRules.MaxFailedSignIns} failed sign-ins. An administrator can help.";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
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
        // One sentence for every cause (wrong password, unknown e-mail, disabled, locked), at one cost (the sign-in
        // manager): the page tells nobody who has an account. Administrators see a lockout on the people page.
        Message = RefusedMessage;
        Password = "";
        // The last difference in time between the causes is the wrong password's write of the failure count: every
        // refusal answers no sooner than the floor, so all take the same time (and guessing is slower too).
        var left = IdentityRules.RefusalFloor - System.Diagnostics.Stopwatch.GetElapsedTime(started);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left, HttpContext.RequestAborted);
        }

        return Page();
    }
}
