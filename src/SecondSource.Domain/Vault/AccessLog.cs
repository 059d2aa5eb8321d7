using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Vault;

/// <summary>What happened to an artifact.</summary>
public enum AccessAction
{
    Upload = 1,
    Download = 2,

    /// <summary>A line's person or machine listed what is granted to it.</summary>
    View = 3,
    Grant = 4,
    Revoke = 5,

    /// <summary>An attempt to reach something the caller has no access to (answered "not found").</summary>
    Refused = 6,
    Acknowledge = 7,
    RecordNda = 8,

    /// <summary>A key was generated in custody (detail: purpose, backend, fingerprint).</summary>
    CreateKey = 9,

    /// <summary>A firmware revision was released under a version.</summary>
    ReleaseFirmware = 10,

    /// <summary>A firmware release was signed with a key in custody.</summary>
    SignFirmware = 11,

    /// <summary>A device certificate was issued (detail: serial, line, batch, certificate serial).</summary>
    IssueCertificate = 12,

    /// <summary>A device certificate was refused (detail: the refusal and its reason).</summary>
    RefuseCertificate = 13,

    /// <summary>A device certificate was revoked.</summary>
    RevokeCertificate = 14,

    /// <summary>A device CA published a revocation list.</summary>
    PublishCrl = 15,
}

/// <summary>
/// One entry of the vault's access log. Entries form a hash chain: each carries the previous entry's hash and its
/// own, computed over its sequence number, the previous hash and every field, so changing, deleting, inserting or
/// reordering any entry breaks the chain from there on (see <see cref="AccessLogChain.Verify"/>).
/// </summary>
public sealed class AccessLogEntry : IBuyerOnly
{
    /// <summary>The previous hash of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private AccessLogEntry()
    {
        Actor = Party = PreviousHash = Hash = "";
    }

    public long Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }

    public AccessAction Action { get; private set; }

    public string Actor { get; private set; }

    public string Party { get; private set; }

    /// <summary>The artifact concerned; null for an action on no single artifact (a package view, an NDA).</summary>
    public Guid? ArtifactId { get; private set; }

    public Guid? RevisionId { get; private set; }

    public string? Sha256 { get; private set; }

    public string? ClientAddress { get; private set; }

    /// <summary>What else identifies the action: the line granted, the reason refused, the NDA recorded.</summary>
    public string? Detail { get; private set; }

    public string PreviousHash { get; private set; }

    public string Hash { get; private set; }

    /// <summary>The entry after <paramref name="previous"/> (null for the first entry of the log).</summary>
    public static AccessLogEntry Next(AccessLogEntry? previous, DateTimeOffset at, AccessAction action, string actor, string party, Guid? artifactId, Guid? revisionId, string? sha256, string? clientAddress, string? detail = null)
    {
        if (!Enum.IsDefined(action))
        {
            throw new DomainException($"'{action}' is not an access action.");
        }

        var entry = new AccessLogEntry
        {
            Sequence = (previous?.Sequence ?? 0) + 1,
            // Whole milliseconds: both databases keep them exactly, so the hash survives the round trip.
            At = new DateTimeOffset(Guard.Utc(at, "Access time").UtcTicks / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond, TimeSpan.Zero),
            Action = action,
            Actor = Guard.RequiredText(actor, "Actor", 256),
            Party = Guard.RequiredText(party, "Party", 200),
            ArtifactId = artifactId,
            RevisionId = revisionId,
            Sha256 = sha256,
            ClientAddress = clientAddress is { Length: > 0 } address ? address[..Math.Min(address.Length, 64)] : null,
            Detail = detail is { Length: > 0 } text ? text[..Math.Min(text.Length, 500)] : null,
            PreviousHash = previous?.Hash ?? Genesis,
        };
        entry.Hash = entry.ComputeHash();
        return entry;
    }

    /// <summary>SHA-256 over the canonical text of the entry (fields in a fixed order, invariant formats, UTC ticks).</summary>
    public string ComputeHash()
    {
        var canonical = string.Join('\n',
            Sequence.ToString(CultureInfo.InvariantCulture),
            PreviousHash,
            At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            Action.ToString(),
            Actor,
            Party,
            ArtifactId?.ToString("D") ?? "",
            RevisionId?.ToString("D") ?? "",
            Sha256 ?? "",
            ClientAddress ?? "");
        if (Detail is not null)
        {
            // Appended only when present, so entries written before the field existed keep their hashes.
            canonical += "\n" + Detail;
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>The result of checking the log: how many entries were checked and the first broken one, if any.</summary>
public sealed record ChainVerdict(long Checked, long? FirstBroken, string? Reason)
{
    public bool Intact => FirstBroken is null;
}

/// <summary>Checks an access log's hash chain in sequence order, one entry at a time, so a log of any length streams through.</summary>
public sealed class AccessLogChain
{
    private long _expected = 1;
    private string _previousHash = AccessLogEntry.Genesis;

    /// <summary>A chain checked from its first entry.</summary>
    public AccessLogChain()
    {
    }

    /// <summary>A chain checked from the entry after <paramref name="afterSequence"/>, whose hash is already trusted (a signed checkpoint's head).</summary>
    public AccessLogChain(long afterSequence, string afterHash)
    {
        _expected = afterSequence + 1;
        _previousHash = afterHash;
    }

    /// <summary>The verdict so far: null while every entry fed has verified.</summary>
    public ChainVerdict? Broken { get; private set; }

    public ChainVerdict Verdict => Broken ?? new ChainVerdict(_expected - 1, null, null);

    /// <summary>The hash of the last entry that verified (the genesis value before the first): where a later check can resume.</summary>
    public string HeadHash => _previousHash;

    public static ChainVerdict Verify(IEnumerable<AccessLogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var chain = new AccessLogChain();
        foreach (var entry in entries)
        {
            if (!chain.Add(entry))
            {
                break;
            }
        }

        return chain.Verdict;
    }

    /// <summary>Checks the next entry; false (and <see cref="Broken"/> set) at the first that does not verify.</summary>
    public bool Add(AccessLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (Broken is not null)
        {
            return false;
        }

        if (entry.Sequence != _expected)
        {
            Broken = new ChainVerdict(_expected - 1, _expected, $"entry {_expected} is missing or out of order (found {entry.Sequence} in its place)");
        }
        else if (entry.PreviousHash != _previousHash)
        {
            Broken = new ChainVerdict(_expected - 1, entry.Sequence, $"entry {entry.Sequence} does not follow the entry before it (previous hash differs)");
        }
        else if (entry.ComputeHash() != entry.Hash)
        {
            Broken = new ChainVerdict(_expected - 1, entry.Sequence, $"entry {entry.Sequence} was changed after it was written (its hash does not match its content)");
        }
        else
        {
            _previousHash = entry.Hash;
            _expected++;
        }

        return Broken is null;
    }
}
