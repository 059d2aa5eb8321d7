using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Avl;

/// <summary>A file kept as evidence: its content's SHA-256 and size, the name it was uploaded under, its media type, who and when.</summary>
public sealed record EvidenceFile(string Sha256, string FileName, string MediaType, long Size)
{
    public const long MaxSize = 50L << 20;

    /// <summary>Checks what an upload says about itself; the name is reduced to its last segment.</summary>
    public static EvidenceFile Of(string sha256, string fileName, string? mediaType, long size)
    {
        if (sha256 is not { Length: 64 } || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new DomainException("The evidence file's hash must be 64 lower-case hex digits.");
        }

        if (size is <= 0 or > MaxSize)
        {
            throw new DomainException($"An evidence file must hold from 1 byte to {MaxSize >> 20} MB; this one has {size} bytes.");
        }

        var name = Guard.RequiredText(Path.GetFileName(fileName.Replace('\\', '/')), "File name", 200);
        var type = string.IsNullOrWhiteSpace(mediaType) || mediaType.Length > 100 ? "application/octet-stream" : mediaType.Trim();
        return new EvidenceFile(sha256, name, type, size);
    }
}

/// <summary>A file attached to a qualification record (a test report, a supplier's qualification data). Seen where the record is seen.</summary>
public sealed class QualificationEvidence
{
    private QualificationEvidence(Guid id, Guid recordId, string sha256, string fileName, string mediaType, long size, DateTimeOffset at, string by)
    {
        Id = id;
        RecordId = recordId;
        Sha256 = sha256;
        FileName = fileName;
        MediaType = mediaType;
        Size = size;
        At = at;
        By = by;
    }

    public Guid Id { get; private set; }

    public Guid RecordId { get; private set; }

    public string Sha256 { get; private set; }

    public string FileName { get; private set; }

    public string MediaType { get; private set; }

    public long Size { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string By { get; private set; }

    public static QualificationEvidence Attach(QualificationRecord record, EvidenceFile file, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(file);
        return new QualificationEvidence(Guid.CreateVersion7(), record.Id, file.Sha256, file.FileName, file.MediaType, file.Size, Guard.Utc(at, "Upload time"), Guard.RequiredText(by, "Uploaded by", 256));
    }
}

/// <summary>A file attached to a line's acceptance (first-article report, feeder set-up). Owned by the line's manufacturer like the acceptance.</summary>
public sealed class AcceptanceEvidence : IPartyOwned
{
    private AcceptanceEvidence(Guid id, Guid acceptanceId, PartyId partyId, string sha256, string fileName, string mediaType, long size, DateTimeOffset at, string by)
    {
        Id = id;
        AcceptanceId = acceptanceId;
        PartyId = partyId;
        Sha256 = sha256;
        FileName = fileName;
        MediaType = mediaType;
        Size = size;
        At = at;
        By = by;
    }

    public Guid Id { get; private set; }

    public Guid AcceptanceId { get; private set; }

    public PartyId PartyId { get; private set; }

    public string Sha256 { get; private set; }

    public string FileName { get; private set; }

    public string MediaType { get; private set; }

    public long Size { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string By { get; private set; }

    public static AcceptanceEvidence Attach(LineAcceptance acceptance, EvidenceFile file, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(acceptance);
        ArgumentNullException.ThrowIfNull(file);
        return new AcceptanceEvidence(Guid.CreateVersion7(), acceptance.Id, acceptance.PartyId, file.Sha256, file.FileName, file.MediaType, file.Size,
            Guard.Utc(at, "Upload time"), Guard.RequiredText(by, "Uploaded by", 256));
    }
}
