using System.Security.Cryptography;
using SecondSource.Domain.Common;

namespace SecondSource.Domain.Parties;

/// <summary>
/// A credential for a machine (a CM test station, a CI job) acting for one party. Created by a buyer admin,
/// shown once, stored as a hash, revocable; a revoked or expired key authenticates nothing.
/// </summary>
public sealed class ApiKey : IPartyOwned
{
    /// <summary>Longest key name accepted.</summary>
    public const int MaxNameLength = 100;

    /// <summary>How stale <see cref="LastUsedAt"/> may get before a use is written again (keeps reads read-only).</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private ApiKey(ApiKeyId id, PartyId partyId, string name, string prefix, byte[] secretHash, string createdBy, DateTimeOffset createdAt, DateTimeOffset? expiresAt)
    {
        Id = id;
        PartyId = partyId;
        Name = name;
        Prefix = prefix;
        SecretHash = secretHash;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public ApiKeyId Id { get; private set; }

    public PartyId PartyId { get; private set; }

    /// <summary>What the key is for, e.g. "ICT station 3, line 2".</summary>
    public string Name { get; private set; }

    /// <summary>The public part of the token, used to find the key.</summary>
    public string Prefix { get; private set; }

    /// <summary>SHA-256 of the secret part of the token.</summary>
    public byte[] SecretHash { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    /// <summary>The one manufacturing line a station's key may write test data for; null for any line of its party.</summary>
    public Guid? LineId { get; private set; }

    /// <summary>Creates a key for <paramref name="partyId"/>; the returned token is the only copy of the secret.</summary>
    public static (ApiKey Key, ApiKeyToken Token) Issue(PartyId partyId, string name, string createdBy, DateTimeOffset now, DateTimeOffset? expiresAt = null, Guid? lineId = null)
    {
        Guard.Utc(now, "Creation time");
        if (expiresAt is { } expiry && expiry <= now)
        {
            throw new DomainException($"The expiry {expiry:yyyy-MM-dd HH:mm} UTC is not in the future.");
        }

        var token = ApiKeyToken.Generate();
        var key = new ApiKey(
            ApiKeyId.New(),
            partyId,
            Guard.RequiredText(name, "API key name", MaxNameLength),
            token.Prefix,
            token.SecretHash(),
            Guard.RequiredText(createdBy, "Created by", 256),
            now,
            expiresAt?.ToUniversalTime());
        key.LineId = lineId;
        return (key, token);
    }

    /// <summary>True when the key is neither revoked nor expired at <paramref name="now"/>.</summary>
    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);

    /// <summary>Constant-time comparison of a presented token with the stored hash.</summary>
    public bool Matches(ApiKeyToken token) =>
        token.Prefix == Prefix && CryptographicOperations.FixedTimeEquals(token.SecretHash(), SecretHash);

    /// <summary>Revokes the key; revoking twice keeps the first revocation.</summary>
    public void Revoke(string revokedBy, DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return;
        }

        RevokedBy = Guard.RequiredText(revokedBy, "Revoked by", 256);
        RevokedAt = Guard.Utc(now, "Revocation time");
    }

    /// <summary>Records a use; returns false (nothing to save) when the last recorded use is recent enough.</summary>
    public bool RecordUse(DateTimeOffset now)
    {
        if (LastUsedAt is { } last && now - last < LastUsedResolution)
        {
            return false;
        }

        LastUsedAt = now;
        return true;
    }
}
