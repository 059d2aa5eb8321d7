using Microsoft.AspNetCore.Identity;
using SecondSource.Application.Persistence;

namespace SecondSource.Application.Parties;

public sealed record ResetPasswordRequest(string Email, string NewPassword);

/// <summary>
/// An operator sets a person's password (from the CLI, e.g. when the only admin forgot theirs). Clears a
/// lockout and ends the person's open sessions.
/// </summary>
public sealed class ResetPasswordHandler(SecondSourceDbContext db, UserManager<UserAccount> users)
{
    public async Task<Result<UserAccount>> HandleAsync(ResetPasswordRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await users.FindByEmailAsync(request.Email.Trim());
        if (user is null)
        {
            return Fail.NotFound($"There is no user with the e-mail {request.Email}.");
        }

        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, request.NewPassword);
            errors.AddRange(check.Errors.Select(e => e.Description));
        }

        if (errors.Count > 0)
        {
            return Fail.Invalid(string.Join(" ", errors));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.PasswordHash = users.PasswordHasher.HashPassword(user, request.NewPassword);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded)
        {
            return Fail.Invalid(string.Join(" ", updated.Errors.Select(e => e.Description)));
        }

        await transaction.CommitAsync(ct);
        return Result.Ok(user);
    }
}
