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

/// <summary>What every evidence file row holds: the stored content's hash and size, its name and type, who uploaded it and when.</summary>
public abstract class StoredEvidence
{
    protected StoredEvidence(EvidenceFile file, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(file);
        Id = Guid.CreateVersion7();
        Sha256 = file.Sha256;
        FileName = file.FileName;
        MediaType = file.MediaType;
        Size = file.Size;
        At = Guard.Utc(at, "Upload time");
        By = Guard.RequiredText(by, "Uploaded by", 256);
    }

    /// <summary>For the database: rows are materialised through the properties.</summary>
    protected StoredEvidence()
    {
        Sha256 = FileName = MediaType = By = "";
    }

    public Guid Id { get; private set; }

    public string Sha256 { get; private set; }

    public string FileName { get; private set; }

    public string MediaType { get; private set; }

    public long Size { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string By { get; private set; }
}

/// <summary>A file attached to a qualification record (a test report, a supplier's qualification data). Seen where the record is seen.</summary>
public sealed class QualificationEvidence : StoredEvidence
{
    private QualificationEvidence(Guid recordId, EvidenceFile file, DateTimeOffset at, string by)
        : base(file, at, by) => RecordId = recordId;

    private QualificationEvidence()
    {
    }

    public Guid RecordId { get; private set; }

    public static QualificationEvidence Attach(QualificationRecord record, EvidenceFile file, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new QualificationEvidence(record.Id, file, at, by);
    }
}

/// <summary>A file attached to a line's acceptance (first-article report, feeder set-up). Owned by the line's manufacturer like the acceptance.</summary>
public sealed class AcceptanceEvidence : StoredEvidence, IPartyOwned
{
    private AcceptanceEvidence(Guid acceptanceId, PartyId partyId, EvidenceFile file, DateTimeOffset at, string by)
        : base(file, at, by)
    {
        AcceptanceId = acceptanceId;
        PartyId = partyId;
    }

    private AcceptanceEvidence()
    {
    }

    public Guid AcceptanceId { get; private set; }

    public PartyId PartyId { get; private set; }

    public static AcceptanceEvidence Attach(LineAcceptance acceptance, EvidenceFile file, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(acceptance);
        return new AcceptanceEvidence(acceptance.Id, acceptance.PartyId, file, at, by);
    }
}
