using Microsoft.AspNetCore.Identity;

namespace SecondSource.Application.Parties;

public sealed record ChangePasswordRequest(Guid UserId, string CurrentPassword, string NewPassword);

/// <summary>A person changes their own password; the current one must be given.</summary>
public sealed class ChangePasswordHandler(UserManager<UserAccount> users)
{
    public async Task<Result<UserAccount>> HandleAsync(ChangePasswordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await users.FindByIdAsync(request.UserId.ToString());
        if (user is null)
        {
            return Fail.NotFound("Your account no longer exists.");
        }

        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        return changed.Succeeded
            ? Result.Ok(user)
            : Fail.Invalid(string.Join(" ", changed.Errors.Select(e => e.Description)));
    }
}
