using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using SecondSource.Domain.Parties;

namespace SecondSource.Web.Authorization;

/// <summary>
/// Who may reach what. People use the cookie scheme, machines the API-key scheme, and neither scheme is
/// accepted where the other belongs (a cookie never authorizes an API call, so the JSON API needs no
/// antiforgery token). Anything without its own policy falls back to "a signed-in person".
/// </summary>
public static class Policies
{
    /// <summary>A signed-in person of any party (the fallback policy).</summary>
    public const string Person = "Person";

    /// <summary>Any of the buyer's people (admin, engineer or viewer): what no manufacturer may see.</summary>
    public const string BuyerPerson = "BuyerPerson";

    /// <summary>A buyer's administrator.</summary>
    public const string BuyerAdmin = "BuyerAdmin";

    /// <summary>A buyer's admin or engineer: changes program data.</summary>
    public const string BuyerEditor = "BuyerEditor";

    /// <summary>Keeps line profiles current: a buyer's admin or engineer, or a manufacturer's member (own lines only, by the party filter).</summary>
    public const string LineEditor = "LineEditor";

    /// <summary>A manufacturer's member: records its own line's statements (acceptance of a source), which the buyer only reads.</summary>
    public const string ManufacturerMember = "ManufacturerMember";

    /// <summary>A machine with a valid API key, of any party.</summary>
    public const string Machine = "Machine";

    /// <summary>A machine with a valid API key of the buyer (adds to the vault).</summary>
    public const string BuyerMachine = "BuyerMachine";

    /// <summary>A person or a machine (API documentation).</summary>
    public const string PersonOrMachine = "PersonOrMachine";

    public static void Configure(AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var person = new AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser()
            .RequireClaim(SecondSourceClaims.PartyId)
            .Build();
        builder.AddPolicy(Person, person);
        builder.SetFallbackPolicy(person);
        builder.SetDefaultPolicy(person);
        builder.AddPolicy(BuyerPerson, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser()
            .RequireClaim(SecondSourceClaims.PartyKind, nameof(PartyKind.Buyer)));
        builder.AddPolicy(BuyerAdmin, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser()
            .RequireClaim(SecondSourceClaims.PartyKind, nameof(PartyKind.Buyer))
            .RequireRole(nameof(Role.Admin)));
        builder.AddPolicy(BuyerEditor, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser()
            .RequireClaim(SecondSourceClaims.PartyKind, nameof(PartyKind.Buyer))
            .RequireRole(nameof(Role.Admin), nameof(Role.Engineer)));
        builder.AddPolicy(LineEditor, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser()
            .RequireClaim(SecondSourceClaims.PartyId)
            .RequireRole(nameof(Role.Admin), nameof(Role.Engineer), nameof(Role.Member)));
        builder.AddPolicy(ManufacturerMember, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser()
            .RequireClaim(SecondSourceClaims.PartyKind, nameof(PartyKind.Manufacturer))
            .RequireRole(nameof(Role.Member)));
        builder.AddPolicy(Machine, p => p
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(SecondSourceClaims.MachineRole));
        builder.AddPolicy(BuyerMachine, p => p
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(SecondSourceClaims.MachineRole)
            .RequireClaim(SecondSourceClaims.PartyKind, nameof(PartyKind.Buyer)));
        builder.AddPolicy(PersonOrMachine, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(SecondSourceClaims.PartyId));
    }
}
