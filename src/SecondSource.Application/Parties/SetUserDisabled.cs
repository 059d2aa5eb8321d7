using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;

namespace SecondSource.Application.Parties;

public sealed record SetUserDisabledRequest(Guid UserId, bool Disabled, Guid? ActingUserId);

/// <summary>
/// Disables or re-enables a person. Disabling changes the security stamp, so every open session ends at its
/// next request. Nobody disables themselves, and the last enabled admin stays enabled.
/// </summary>
public sealed class SetUserDisabledHandler(SecondSourceDbContext db, UserManager<UserAccount> users)
{
    public async Task<Result<UserAccount>> HandleAsync(SetUserDisabledRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == request.UserId, ct);
        if (user is null)
        {
            return Fail.NotFound($"There is no user {request.UserId}.");
        }

        if (request.Disabled)
        {
            if (request.UserId == request.ActingUserId)
            {
                return Fail.Invalid("You cannot disable your own account.");
            }

            if (user.Role == Role.Admin && !user.IsDisabled
                && !await db.Users.AnyAsync(u => u.Role == Role.Admin && !u.IsDisabled && u.Id != user.Id, ct))
            {
                return Fail.Conflict($"{user.Email} is the last enabled admin; add or enable another admin first.");
            }
        }

        if (user.IsDisabled == request.Disabled)
        {
            return Result.Ok(user);
        }

        user.IsDisabled = request.Disabled;
        await users.UpdateSecurityStampAsync(user);
        return Result.Ok(user);
    }
}
