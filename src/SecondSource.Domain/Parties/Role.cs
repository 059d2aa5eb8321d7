using SecondSource.Domain.Common;

namespace SecondSource.Domain.Parties;

/// <summary>What a person may do. Buyer roles and manufacturer roles never mix.</summary>
public enum Role
{
    /// <summary>Buyer administrator: manages users, manufacturers, API keys and every feature.</summary>
    Admin = 1,

    /// <summary>Buyer engineer (component, NPI, quality, supply chain): edits program data.</summary>
    Engineer = 2,

    /// <summary>Buyer viewer (program lead, auditor): reads everything the buyer sees, changes nothing.</summary>
    Viewer = 3,

    /// <summary>A manufacturer's person: sees and acts only on its own party's data.</summary>
    Member = 4,
}

/// <summary>Which roles a party of each kind may give its people.</summary>
public static class Roles
{
    /// <summary>True when a person of <paramref name="kind"/> may hold <paramref name="role"/>.</summary>
    public static bool IsValidFor(PartyKind kind, Role role) => kind switch
    {
        PartyKind.Buyer => role is Role.Admin or Role.Engineer or Role.Viewer,
        PartyKind.Manufacturer => role is Role.Member,
        _ => false,
    };

    /// <summary>Throws a <see cref="DomainException"/> naming the allowed roles when the pair is invalid.</summary>
    public static void EnsureValidFor(PartyKind kind, Role role)
    {
        if (!IsValidFor(kind, role))
        {
            var allowed = kind == PartyKind.Buyer ? "Admin, Engineer or Viewer" : "Member";
            throw new DomainException($"A {kind.ToString().ToLowerInvariant()} user cannot have the role {role}; use {allowed}.");
        }
    }

    /// <summary>Parses a role name, ignoring case; the message lists the valid names.</summary>
    public static Role Parse(string? text)
    {
        if (Enum.TryParse<Role>(text?.Trim(), ignoreCase: true, out var role) && Enum.IsDefined(role) && !int.TryParse(text, out _))
        {
            return role;
        }

        throw new DomainException($"'{text}' is not a role; use Admin, Engineer, Viewer (buyer) or Member (manufacturer).");
    }
}
