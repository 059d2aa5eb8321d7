using System.Security.Claims;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Parties;

namespace SecondSource.Web.Authorization;

/// <summary>The claims a signed-in person or machine carries, and how the party scope is read from them.</summary>
public static class SecondSourceClaims
{
    public const string PartyId = "ss:party";
    public const string PartyKind = "ss:party_kind";
    public const string PartyName = "ss:party_name";
    public const string DisplayName = "ss:display_name";
    public const string ApiKeyId = "ss:api_key";

    /// <summary>The line a station's key is bound to, when it is.</summary>
    public const string LineId = "ss:line";

    /// <summary>The role machines hold; people hold one of <see cref="Role"/>.</summary>
    public const string MachineRole = "Machine";

    /// <summary>
    /// Buyer → unrestricted; manufacturer → its own party; anonymous, or claims that do not parse → no party
    /// at all (fail closed).
    /// </summary>
    public static PartyScope ScopeOf(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return PartyScope.Nobody;
        }

        var kind = user.FindFirstValue(PartyKind);
        if (!Domain.Parties.PartyId.TryParse(user.FindFirstValue(PartyId), out var party))
        {
            return PartyScope.Nobody;
        }

        return kind switch
        {
            nameof(Domain.Parties.PartyKind.Buyer) => PartyScope.Unrestricted,
            nameof(Domain.Parties.PartyKind.Manufacturer) => PartyScope.For(party),
            _ => PartyScope.Nobody,
        };
    }

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static bool IsBuyerAdmin(this ClaimsPrincipal user) =>
        user.HasClaim(PartyKind, nameof(Domain.Parties.PartyKind.Buyer)) && user.IsInRole(nameof(Role.Admin));

    /// <summary>A buyer's admin or engineer: may change program data (viewers only read).</summary>
    public static bool IsBuyerEditor(this ClaimsPrincipal user) =>
        user.HasClaim(PartyKind, nameof(Domain.Parties.PartyKind.Buyer)) && (user.IsInRole(nameof(Role.Admin)) || user.IsInRole(nameof(Role.Engineer)));

    /// <summary>May edit line profiles: a buyer editor, or a manufacturer's member (its own lines).</summary>
    public static bool IsLineEditor(this ClaimsPrincipal user) => user.IsBuyerEditor() || user.IsInRole(nameof(Role.Member));

    /// <summary>A manufacturer's member: records its own line's acceptance of sources.</summary>
    public static bool IsManufacturerMember(this ClaimsPrincipal user) =>
        user.HasClaim(PartyKind, nameof(Domain.Parties.PartyKind.Manufacturer)) && user.IsInRole(nameof(Role.Member));

    public static bool IsBuyer(this ClaimsPrincipal user) =>
        user.HasClaim(PartyKind, nameof(Domain.Parties.PartyKind.Buyer));
}
