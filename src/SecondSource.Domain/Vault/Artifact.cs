using System.Globalization;
using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Vault;

/// <summary>The guide's transfer-package checklist: what a second line needs to build the product.</summary>
public enum ArtifactKind
{
    BomAndAvl = 1,
    Gerbers = 2,
    OdbPlusPlus = 3,
    Ipc2581 = 4,
    AssemblyDrawing = 5,
    Mechanical = 6,
    PackagingSpec = 7,
    TestPlan = 8,
    FctVectors = 9,
    GoldenUnit = 10,
    FirmwareBinary = 11,
    SigningKeyAccess = 12,
    PkiTemplate = 13,
}

/// <summary>How the checklist names its items.</summary>
public static class ArtifactKinds
{
    public static IReadOnlyList<ArtifactKind> Checklist { get; } = Enum.GetValues<ArtifactKind>();

    public static string Name(ArtifactKind kind) => kind switch
    {
        ArtifactKind.BomAndAvl => "BOM and AVL",
        ArtifactKind.Gerbers => "Gerbers",
        ArtifactKind.OdbPlusPlus => "ODB++",
        ArtifactKind.Ipc2581 => "IPC-2581",
        ArtifactKind.AssemblyDrawing => "Assembly drawing",
        ArtifactKind.Mechanical => "Mechanical",
        ArtifactKind.PackagingSpec => "Packaging spec",
        ArtifactKind.TestPlan => "Test plan",
        ArtifactKind.FctVectors => "FCT vectors",
        ArtifactKind.GoldenUnit => "Golden unit (serial numbers and location)",
        ArtifactKind.FirmwareBinary => "Firmware binary",
        ArtifactKind.SigningKeyAccess => "Signing-key API access (reference)",
        ArtifactKind.PkiTemplate => "PKI provisioning template",
        _ => kind.ToString(),
    };
}

/// <summary>
/// One item of a product's transfer package (the Gerbers, the test plan) with its revisions. Nothing is overwritten:
/// a change is a new revision. Seen by the buyer only until grants give a line access.
/// </summary>
public sealed class Artifact : IBuyerOnly
{
    private readonly List<ArtifactRevision> _revisions = [];

    private Artifact(Guid id, Guid productId, ArtifactKind kind, string title, DateTimeOffset createdAt, string createdBy)
    {
        Id = id;
        ProductId = productId;
        Kind = kind;
        Title = title;
        CreatedAt = createdAt;
        CreatedBy = createdBy;
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    public ArtifactKind Kind { get; private set; }

    public string Title { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; }

    public IReadOnlyList<ArtifactRevision> Revisions => _revisions;

    public ArtifactRevision? Latest => _revisions.MaxBy(r => r.Number);

    public static Artifact Create(Guid productId, ArtifactKind kind, string title, DateTimeOffset at, string by)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException($"'{kind}' is not an artifact kind.");
        }

        return new Artifact(Guid.CreateVersion7(), productId, kind, Guard.RequiredText(title, "Title", 200), Guard.Utc(at, "Creation time"), Guard.RequiredText(by, "Created by", 256));
    }

    /// <summary>Adds the next revision; the same content as the latest revision is refused (nothing changed).</summary>
    public ArtifactRevision AddRevision(StoredFile file, string? changeNote, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (Latest is { } latest && latest.Sha256 == file.Sha256)
        {
            throw new DomainException($"{file.FileName} is the same content as revision {latest.Number.ToString(CultureInfo.InvariantCulture)}; nothing to add.");
        }

        var revision = new ArtifactRevision(Guid.CreateVersion7(), Id, (Latest?.Number ?? 0) + 1, file,
            string.IsNullOrWhiteSpace(changeNote) ? null : Guard.RequiredText(changeNote, "Change note", 2000), Guard.Utc(at, "Upload time"), Guard.RequiredText(by, "Uploaded by", 256));
        _revisions.Add(revision);
        return revision;
    }
}

/// <summary>A file as stored by content: SHA-256 (lower-case hex), size, the name it came under, its media type.</summary>
public sealed record StoredFile(string Sha256, long Size, string FileName, string MediaType)
{
    public static StoredFile Of(string sha256, long size, string fileName, string? mediaType, long maxSize)
    {
        if (sha256 is not { Length: 64 } || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new DomainException("The file's hash must be 64 lower-case hex digits.");
        }

        if (size <= 0 || size > maxSize)
        {
            throw new DomainException($"A file must hold from 1 byte to {maxSize.ToString(CultureInfo.InvariantCulture)} bytes; this one has {size.ToString(CultureInfo.InvariantCulture)}.");
        }

        var name = Guard.RequiredText(Path.GetFileName((fileName ?? "").Replace('\\', '/')), "File name", 200);
        var type = string.IsNullOrWhiteSpace(mediaType) || mediaType.Length > 100 ? "application/octet-stream" : mediaType.Trim();
        return new StoredFile(sha256, size, name, type);
    }
}

/// <summary>One revision of an artifact: its content's hash and size, name, type, who uploaded it, when and why.</summary>
public sealed class ArtifactRevision : IBuyerOnly
{
    internal ArtifactRevision(Guid id, Guid artifactId, int number, StoredFile file, string? changeNote, DateTimeOffset at, string by)
    {
        Id = id;
        ArtifactId = artifactId;
        Number = number;
        Sha256 = file.Sha256;
        Size = file.Size;
        FileName = file.FileName;
        MediaType = file.MediaType;
        ChangeNote = changeNote;
        UploadedAt = at;
        UploadedBy = by;
    }

    private ArtifactRevision()
    {
        Sha256 = FileName = MediaType = UploadedBy = "";
    }

    public Guid Id { get; private set; }

    public Guid ArtifactId { get; private set; }

    public int Number { get; private set; }

    public string Sha256 { get; private set; }

    public long Size { get; private set; }

    public string FileName { get; private set; }

    public string MediaType { get; private set; }

    public string? ChangeNote { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public string UploadedBy { get; private set; }
}
