using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecondSource.Application.Parties;
using SecondSource.Application.Persistence;

namespace SecondSource.Web.Authorization;

/// <summary>Adds the person's party, party kind, role and display name to the claims Identity puts in the cookie.</summary>
public sealed class SecondSourceClaimsFactory(UserManager<UserAccount> userManager, IOptions<IdentityOptions> optionsAccessor, SecondSourceDbContext db)
    : UserClaimsPrincipalFactory<UserAccount>(userManager, optionsAccessor)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        var party = await db.Parties.IgnoreQueryFilters([SecondSourceDbContext.PartyFilter]).AsNoTracking()
            .SingleAsync(p => p.Id == user.PartyId);
        identity.AddClaim(new Claim(SecondSourceClaims.PartyId, party.Id.ToString()));
        identity.AddClaim(new Claim(SecondSourceClaims.PartyKind, party.Kind.ToString()));
        identity.AddClaim(new Claim(SecondSourceClaims.PartyName, party.Name));
        identity.AddClaim(new Claim(SecondSourceClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        return identity;
    }
}
