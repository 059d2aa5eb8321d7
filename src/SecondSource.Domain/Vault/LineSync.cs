using System.Globalization;
using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Vault;

/// <summary>
/// A line's statement that it builds with a revision of an artifact (the BOM, the test plan, the firmware). Append-only:
/// the latest acknowledgement per line and artifact counts. Recorded by the line's manufacturer.
/// </summary>
public sealed class RevisionAcknowledgement : IPartyOwned
{
    private RevisionAcknowledgement()
    {
        By = "";
    }

    public Guid Id { get; private set; }

    public Guid LineId { get; private set; }

    public PartyId PartyId { get; private set; }

    public Guid ArtifactId { get; private set; }

    public ArtifactKind Kind { get; private set; }

    public Guid RevisionId { get; private set; }

    public int RevisionNumber { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string By { get; private set; }

    public static RevisionAcknowledgement Record(Guid lineId, PartyId partyId, Artifact artifact, ArtifactRevision revision, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(revision);
        if (revision.ArtifactId != artifact.Id)
        {
            throw new DomainException($"Revision {revision.Number.ToString(CultureInfo.InvariantCulture)} is not a revision of {artifact.Title}.");
        }

        return new RevisionAcknowledgement
        {
            Id = Guid.CreateVersion7(),
            LineId = lineId,
            PartyId = partyId,
            ArtifactId = artifact.Id,
            Kind = artifact.Kind,
            RevisionId = revision.Id,
            RevisionNumber = revision.Number,
            At = Guard.Utc(at, "Acknowledgement time"),
            By = Guard.RequiredText(by, "Acknowledged by", 256),
        };
    }
}

/// <summary>Where a line stands on one checklist item.</summary>
public enum SyncState
{
    /// <summary>The package has no revision of the item.</summary>
    Missing = 1,

    /// <summary>The item exists but the line has no live access to it.</summary>
    NotGranted = 2,

    /// <summary>The line has access but has not said which revision it builds with.</summary>
    NotAcknowledged = 3,

    /// <summary>The line builds with an older revision than the latest (drift).</summary>
    Behind = 4,

    /// <summary>The line builds with the latest revision.</summary>
    Current = 5,
}

/// <summary>One cell of the sync view: the state, the revisions, and how long the line has been behind.</summary>
public sealed record SyncStatus(SyncState State, int? Latest, int? Acknowledged, TimeSpan? Behind)
{
    public string Describe() => State switch
    {
        SyncState.Missing => "missing",
        SyncState.NotGranted => "not granted",
        SyncState.NotAcknowledged => $"rev {Latest} granted, not acknowledged",
        SyncState.Behind => $"on rev {Acknowledged}, rev {Latest} released {Days(Behind!.Value)} ago",
        SyncState.Current => $"rev {Latest}, current",
        _ => State.ToString(),
    };

    private static string Days(TimeSpan span) => span.TotalDays >= 1
        ? $"{Math.Floor(span.TotalDays).ToString(CultureInfo.InvariantCulture)} d"
        : $"{Math.Floor(span.TotalHours).ToString(CultureInfo.InvariantCulture)} h";
}

/// <summary>Judges a line's sync on one item: drift is an acknowledged revision older than the latest, aged from the release of the revision after it.</summary>
public static class LineSync
{
    /// <param name="revisions">The artifact's revisions (number and upload time); empty when the item is missing.</param>
    /// <param name="granted">Whether the line has live access (grant and NDA) now.</param>
    /// <param name="acknowledged">The revision number the line last acknowledged, if any.</param>
    /// <param name="now">The time the drift is aged to.</param>
    public static SyncStatus Judge(IReadOnlyCollection<(int Number, DateTimeOffset UploadedAt)> revisions, bool granted, int? acknowledged, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        if (revisions.Count == 0)
        {
            return new SyncStatus(SyncState.Missing, null, acknowledged, null);
        }

        var latest = revisions.Max(r => r.Number);
        if (acknowledged is { } ack && ack >= latest)
        {
            return new SyncStatus(SyncState.Current, latest, ack, null);
        }

        if (acknowledged is { } older)
        {
            // Behind since the first revision newer than the one the line builds with was released.
            var since = revisions.Where(r => r.Number > older).Min(r => r.UploadedAt);
            return new SyncStatus(SyncState.Behind, latest, older, now > since ? now - since : TimeSpan.Zero);
        }

        return new SyncStatus(granted ? SyncState.NotAcknowledged : SyncState.NotGranted, latest, null, null);
    }
}

/// <summary>A notice to a line's manufacturer: a new revision of an artifact granted to that line.</summary>
public sealed class VaultNotification : IPartyOwned
{
    private VaultNotification()
    {
        Message = "";
    }

    public Guid Id { get; private set; }

    public PartyId PartyId { get; private set; }

    public Guid LineId { get; private set; }

    public Guid ArtifactId { get; private set; }

    public Guid RevisionId { get; private set; }

    public string Message { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public static VaultNotification NewRevision(VaultGrant grant, Artifact artifact, ArtifactRevision revision, string productCode, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(revision);
        var pinned = grant.PinnedRevisionId is not null ? " Your grant is pinned to an earlier revision; ask the buyer for this one." : "";
        return new VaultNotification
        {
            Id = Guid.CreateVersion7(),
            PartyId = grant.PartyId,
            LineId = grant.LineId,
            ArtifactId = artifact.Id,
            RevisionId = revision.Id,
            Message = $"{productCode}: {artifact.Title} revision {revision.Number.ToString(CultureInfo.InvariantCulture)} ({revision.FileName}) was released{(revision.ChangeNote is null ? "" : $": {revision.ChangeNote}")}.{pinned}",
            CreatedAt = Guard.Utc(at, "Notification time"),
        };
    }

    public void MarkRead(DateTimeOffset at) => ReadAt ??= Guard.Utc(at, "Read time");
}
