using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecondSource.Application.Parties;
using SecondSource.Web.Authorization;

namespace SecondSource.Web.Pages.Admin.Users;

/// <summary>Everyone who can sign in, of every party; admins disable and re-enable them here.</summary>
public sealed class IndexModel(UserQueries users, SetUserDisabledHandler setDisabled) : PageModel
{
    public IReadOnlyList<UserView> People { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => People = await users.ListAsync(ct);

    public Task<IActionResult> OnPostDisableAsync(Guid userId, CancellationToken ct) => SetDisabled(userId, true, ct);

    public Task<IActionResult> OnPostEnableAsync(Guid userId, CancellationToken ct) => SetDisabled(userId, false, ct);

    private async Task<IActionResult> SetDisabled(Guid userId, bool disabled, CancellationToken ct)
    {
        var result = await setDisabled.HandleAsync(new SetUserDisabledRequest(userId, disabled, User.UserId()), ct);
        if (result.Failure is { } failure)
        {
            Message = failure.Message;
            People = await users.ListAsync(ct);
            return Page();
        }

        Notice = $"{result.Value!.Email} is {(disabled ? "disabled; their sessions have ended" : "enabled again")}.";
        return RedirectToPage();
    }
}
