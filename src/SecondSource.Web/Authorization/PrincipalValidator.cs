using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecondSource.Application.Persistence;

namespace SecondSource.Web.Authorization;

/// <summary>
/// Checks a session cookie on every request against the stored account: the person still exists, is not
/// disabled, and has the same security stamp, party and role as when they signed in. Disabling a person,
/// resetting their password or changing their role therefore ends their sessions at once (ASVS 8.3.2), at
/// the cost of one primary-key read per request.
/// </summary>
public static class PrincipalValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.Principal;
        var userId = principal?.UserId();
        if (principal is null || userId is null)
        {
            await Reject(context);
            return;
        }

        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var db = services.GetRequiredService<SecondSourceDbContext>();

        // Runs before the request has a principal, so it looks across parties on purpose (allow-listed).
        var account = await db.Users.IgnoreQueryFilters([SecondSourceDbContext.PartyFilter]).AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.IsDisabled, u.PartyId, u.Role })
            .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (account is null
            || account.IsDisabled
            || account.SecurityStamp != principal.FindFirstValue(stampClaim)
            || account.PartyId.ToString() != principal.FindFirstValue(SecondSourceClaims.PartyId)
            || !principal.IsInRole(account.Role.ToString()))
        {
            await Reject(context);
        }
    }

    private static async Task Reject(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
