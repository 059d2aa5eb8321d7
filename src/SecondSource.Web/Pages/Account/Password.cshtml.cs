using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Parties;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Account;

/// <summary>A signed-in person changes their own password; this session is renewed, the others end.</summary>
public sealed class PasswordModel(ChangePasswordHandler change, SignInManager<UserAccount> signIn) : PageModel
{
    [BindProperty]
    public string CurrentPassword { get; set; } = "";

    [BindProperty]
    public string NewPassword { get; set; } = "";

    [TempData]
    public bool Changed { get; set; }

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await change.HandleAsync(new ChangePasswordRequest(User.UserId() ?? Guid.Empty, CurrentPassword, NewPassword));
        if (result.Failure is { } failure)
        {
            Message = failure.Message;
            return Page();
        }

        await signIn.RefreshSignInAsync(result.Value!);
        Changed = true;
        return RedirectToPage();
    }
}
