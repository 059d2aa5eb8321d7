using Microsoft.AspNetCore.Identity;
using SecondSource.Domain.Parties;

namespace SecondSource.Application.Parties;

/// <summary>
/// A person who signs in. Identity keeps the credentials (hashed password, lockout, security stamp); this
/// class adds the party the person belongs to and the role they hold there.
/// </summary>
public sealed class UserAccount : IdentityUser<Guid>, IPartyOwned
{
    public PartyId PartyId { get; set; }

    public Role Role { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary>A disabled person cannot sign in, and their open sessions end at their next request.</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
