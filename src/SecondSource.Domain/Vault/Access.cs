using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Vault;

/// <summary>
/// A non-disclosure agreement with a manufacturer: what it covers, when it was signed, the last day it holds, and the
/// signed document (stored in the vault by its hash). Without a live NDA no grant gives that manufacturer access.
/// Recorded by the buyer; the manufacturer reads its own.
/// </summary>
public sealed class Nda : IPartyOwned
{
    private Nda()
    {
        Scope = DocumentSha256 = DocumentName = RecordedBy = "";
    }

    public Guid Id { get; private set; }

    public PartyId PartyId { get; private set; }

    public string Scope { get; private set; }

    public DateOnly SignedOn { get; private set; }

    /// <summary>The last day the NDA holds; access ends when that day (UTC) is over.</summary>
    public DateOnly ExpiresOn { get; private set; }

    public string DocumentSha256 { get; private set; }

    public string DocumentName { get; private set; }

    public long DocumentSize { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string RecordedBy { get; private set; }

    public static Nda Record(PartyId partyId, string scope, DateOnly signedOn, DateOnly expiresOn, StoredFile document, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (expiresOn <= signedOn)
        {
            throw new DomainException($"The NDA's expiry ({Day(expiresOn)}) must be after the day it was signed ({Day(signedOn)}).");
        }

        var recordedAt = Guard.Utc(at, "Recording time");
        if (signedOn > DateOnly.FromDateTime(recordedAt.UtcDateTime))
        {
            throw new DomainException($"The NDA cannot be signed in the future ({Day(signedOn)}).");
        }

        return new Nda
        {
            Id = Guid.CreateVersion7(),
            PartyId = partyId,
            Scope = Guard.RequiredText(scope, "Scope", 500),
            SignedOn = signedOn,
            ExpiresOn = expiresOn,
            DocumentSha256 = document.Sha256,
            DocumentName = document.FileName,
            DocumentSize = document.Size,
            RecordedAt = recordedAt,
            RecordedBy = Guard.RequiredText(by, "Recorded by", 256),
        };
    }

    public bool IsLiveAt(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return day >= SignedOn && day <= ExpiresOn;
    }

    /// <summary>Days from <paramref name="at"/> to the end of the NDA (0 on its last day, negative once expired).</summary>
    public int DaysLeftAt(DateTimeOffset at) => ExpiresOn.DayNumber - DateOnly.FromDateTime(at.UtcDateTime).DayNumber;

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// Gives one manufacturing line access to one artifact — its latest revision, or one pinned revision — for a period.
/// Owned by the line's manufacturer (who sees its grants); given and revoked by the buyer. Revocation is final.
/// </summary>
public sealed class VaultGrant : IPartyOwned
{
    private VaultGrant()
    {
        GrantedBy = "";
    }

    public Guid Id { get; private set; }

    public Guid ArtifactId { get; private set; }

    public Guid LineId { get; private set; }

    public PartyId PartyId { get; private set; }

    /// <summary>The one revision the line may fetch; null for "the latest revision, whichever it is".</summary>
    public Guid? PinnedRevisionId { get; private set; }

    public DateTimeOffset From { get; private set; }

    public DateTimeOffset Until { get; private set; }

    public DateTimeOffset GrantedAt { get; private set; }

    public string GrantedBy { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    public string? RevokeReason { get; private set; }

    public static VaultGrant Give(Artifact artifact, ArtifactRevision? pinned, Guid lineId, PartyId partyId, DateTimeOffset from, DateTimeOffset until, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        if (pinned is not null && pinned.ArtifactId != artifact.Id)
        {
            throw new DomainException($"Revision {pinned.Number.ToString(CultureInfo.InvariantCulture)} is not a revision of {artifact.Title}.");
        }

        if (artifact.Latest is null)
        {
            throw new DomainException($"{artifact.Title} has no revision to grant yet.");
        }

        Guard.Utc(from, "Start");
        Guard.Utc(until, "End");
        if (until <= from)
        {
            throw new DomainException("A grant must end after it starts.");
        }

        var grantedAt = Guard.Utc(at, "Grant time");
        if (until <= grantedAt)
        {
            throw new DomainException("A grant must end in the future.");
        }

        return new VaultGrant
        {
            Id = Guid.CreateVersion7(),
            ArtifactId = artifact.Id,
            LineId = lineId,
            PartyId = partyId,
            PinnedRevisionId = pinned?.Id,
            From = from,
            Until = until,
            GrantedAt = grantedAt,
            GrantedBy = Guard.RequiredText(by, "Granted by", 256),
        };
    }

    public bool IsRevoked => RevokedAt is not null;

    public bool IsLiveAt(DateTimeOffset at) => RevokedAt is null && at >= From && at < Until;

    public void Revoke(string reason, DateTimeOffset at, string by)
    {
        if (RevokedAt is not null)
        {
            throw new DomainException("The grant is already revoked.");
        }

        RevokeReason = Guard.RequiredText(reason, "Reason", 500);
        RevokedAt = Guard.Utc(at, "Revocation time");
        RevokedBy = Guard.RequiredText(by, "Revoked by", 256);
    }

    /// <summary>Whether this grant covers <paramref name="revision"/>, given the artifact's latest revision number.</summary>
    public bool Covers(ArtifactRevision revision, int latestNumber)
    {
        ArgumentNullException.ThrowIfNull(revision);
        return revision.ArtifactId == ArtifactId && (PinnedRevisionId is { } pinned ? revision.Id == pinned : revision.Number == latestNumber);
    }
}

/// <summary>Why a line may or may not reach an artifact now.</summary>
public enum AccessVerdict
{
    Allowed = 1,
    NoGrant = 2,
    GrantNotStarted = 3,
    GrantEnded = 4,
    GrantRevoked = 5,
    NoNda = 6,
    NdaExpired = 7,
}

/// <summary>The vault's one access rule: a live grant for the line and a live NDA with its manufacturer, both at once.</summary>
public static class VaultAccess
{
    public static AccessVerdict Decide(VaultGrant? grant, IEnumerable<Nda> ndas, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(ndas);
        if (grant is null)
        {
            return AccessVerdict.NoGrant;
        }

        if (grant.IsRevoked)
        {
            return AccessVerdict.GrantRevoked;
        }

        if (at < grant.From)
        {
            return AccessVerdict.GrantNotStarted;
        }

        if (at >= grant.Until)
        {
            return AccessVerdict.GrantEnded;
        }

        var ofParty = ndas.Where(n => n.PartyId == grant.PartyId).ToList();
        if (ofParty.Count == 0)
        {
            return AccessVerdict.NoNda;
        }

        return ofParty.Any(n => n.IsLiveAt(at)) ? AccessVerdict.Allowed : AccessVerdict.NdaExpired;
    }

    /// <summary>Days before an NDA or a grant ends that both the buyer and the manufacturer are warned.</summary>
    public const int WarnDays = 30;

    /// <summary>
    /// When access under a grant ends, as of <paramref name="at"/>: the earlier of the grant's end and the end of the last
    /// day of the manufacturer's live NDA (the longest-lasting one), and which of the two ends it. Null when the grant
    /// gives no access now (revoked, not started, ended, or no live NDA).
    /// </summary>
    public static AccessEnd? EffectiveEnd(VaultGrant grant, IEnumerable<Nda> ndas, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(ndas);
        var nda = ndas.Where(n => n.PartyId == grant.PartyId && n.IsLiveAt(at)).OrderByDescending(n => n.ExpiresOn).FirstOrDefault();
        if (Decide(grant, ndas, at) != AccessVerdict.Allowed || nda is null)
        {
            return null;
        }

        var ndaEnd = new DateTimeOffset(nda.ExpiresOn.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return ndaEnd < grant.Until ? new AccessEnd(ndaEnd, AccessEndCause.Nda, at) : new AccessEnd(grant.Until, AccessEndCause.Grant, at);
    }

    public static string Describe(AccessVerdict verdict) => verdict switch
    {
        AccessVerdict.Allowed => "access",
        AccessVerdict.NoGrant => "no grant",
        AccessVerdict.GrantNotStarted => "grant not started",
        AccessVerdict.GrantEnded => "grant ended",
        AccessVerdict.GrantRevoked => "grant revoked",
        AccessVerdict.NoNda => "no NDA",
        AccessVerdict.NdaExpired => "NDA expired",
        _ => verdict.ToString(),
    };
}

/// <summary>
/// A short-lived, single-use link to download one revision, bound to the person who asked for it. Only the SHA-256 of
/// its token is stored; the token is in the URL given to that person once.
/// </summary>
public sealed class DownloadLink : IPartyOwned
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private DownloadLink()
    {
        TokenHash = UserName = "";
    }

    public Guid Id { get; private set; }

    public string TokenHash { get; private set; }

    public Guid RevisionId { get; private set; }

    public PartyId PartyId { get; private set; }

    public string UserName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public static (DownloadLink Link, string Token) Issue(Guid revisionId, PartyId partyId, string userName, DateTimeOffset at)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var created = Guard.Utc(at, "Creation time");
        var link = new DownloadLink
        {
            Id = Guid.CreateVersion7(),
            TokenHash = HashOf(token),
            RevisionId = revisionId,
            PartyId = partyId,
            UserName = Guard.RequiredText(userName, "User", 256),
            CreatedAt = created,
            ExpiresAt = created + Lifetime,
        };
        return (link, token);
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? "")));

    /// <summary>Uses the link up; null when it may be used, else why not.</summary>
    public string? Redeem(string userName, DateTimeOffset at)
    {
        if (!string.Equals(userName, UserName, StringComparison.OrdinalIgnoreCase))
        {
            return "the link was made for someone else";
        }

        if (UsedAt is not null)
        {
            return "the link was already used";
        }

        if (at >= ExpiresAt)
        {
            return "the link has expired";
        }

        UsedAt = Guard.Utc(at, "Use time");
        return null;
    }
}

/// <summary>What ends a grant's access first: the grant itself, or the manufacturer's NDA.</summary>
public enum AccessEndCause
{
    Grant = 1,
    Nda = 2,
}

/// <summary>When access ends (exclusive), what ends it, and how many whole days are left from the moment it was judged.</summary>
public sealed record AccessEnd(DateTimeOffset At, AccessEndCause Cause, DateTimeOffset JudgedAt)
{
    /// <summary>The last day of access (UTC).</summary>
    public DateOnly LastDay => DateOnly.FromDateTime(At.UtcDateTime.AddTicks(-1));

    public int DaysLeft => LastDay.DayNumber - DateOnly.FromDateTime(JudgedAt.UtcDateTime).DayNumber;

    /// <summary>Within <see cref="VaultAccess.WarnDays"/> of the end: both sides are warned.</summary>
    public bool Warn => DaysLeft <= VaultAccess.WarnDays;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"until {LastDay:yyyy-MM-dd} ({(Cause == AccessEndCause.Nda ? "the NDA ends" : "the grant ends")}{(Warn ? $", {DaysLeft} day{(DaysLeft == 1 ? "" : "s")} left" : "")})");
}
