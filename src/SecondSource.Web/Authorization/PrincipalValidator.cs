using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecondSource.Application.Persistence;
using SecondSource.Web.Hosting;

namespace SecondSource.Web.Authorization;

/// <summary>
/// Checks a session cookie on every request against the stored account: the person still exists, is not
/// disabled, and has the same security stamp, party and role as when they signed in. Disabling a person,
/// resetting their password or changing their role therefore ends their sessions at once (ASVS 8.3.2) on this
/// instance, and within the read-model cache's maximum age (5 s) on the others; the account is read once per change.
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

        // Runs before the request has a principal, so it looks across parties on purpose (allow-listed). Kept in the
        // read-model cache: a change to the account in this process (disable, reset, role) moves the data version and
        // is seen on the next request; one made by another instance within the cache's maximum age (5 s).
        var account = await services.GetRequiredService<ReadModelCache>().GetAsync($"session|{userId}", ct => db.Users.IgnoreQueryFilters([SecondSourceDbContext.PartyFilter]).AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new SessionAccount(u.SecurityStamp, u.IsDisabled, u.PartyId, u.Role))
            .SingleOrDefaultAsync(ct), context.HttpContext.RequestAborted);
        if (account is null
            || account.IsDisabled
            || account.SecurityStamp != principal.FindFirstValue(stampClaim)
            || account.PartyId.ToString() != principal.FindFirstValue(SecondSourceClaims.PartyId)
            || !principal.IsInRole(account.Role.ToString()))
        {
            await Reject(context);
        }
    }

    private sealed record SessionAccount(string? SecurityStamp, bool IsDisabled, Domain.Parties.PartyId PartyId, Domain.Parties.Role Role);

    private static async Task Reject(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
