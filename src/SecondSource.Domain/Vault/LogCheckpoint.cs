using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SecondSource.Domain.Common;
using SecondSource.Domain.Parties;

namespace SecondSource.Domain.Vault;

/// <summary>
/// A signed statement of the access log's size and head hash at one moment, the way a Certificate Transparency log
/// signs its tree head (RFC 9162 §4.10). The chain's head hash commits to every entry before it, so a checkpoint kept
/// where the database cannot reach it proves later that the log held at least <see cref="Size"/> entries ending in
/// <see cref="Head"/>: cutting the newest entries, restoring an older backup or rewriting the history (with the hashes
/// recomputed) each contradicts it.
/// </summary>
/// <remarks>
/// The text form is line-oriented UTF-8 so a person can read it and check it with OpenSSL alone: the first seven lines
/// (<see cref="Body"/>) are what is signed; then the signer's public key (DER SubjectPublicKeyInfo) and the ECDSA
/// signature (DER, over the body's SHA-256 for a P-256 key, SHA-384 for P-384), both in base64.
/// </remarks>
public sealed class LogCheckpoint : IBuyerOnly
{
    public const string Header = "SecondSource access-log checkpoint";

    /// <summary>The file extension checkpoints are written with.</summary>
    public const string Extension = ".checkpoint";

    private LogCheckpoint()
    {
        Origin = Head = KeyName = KeyFingerprint = SignedBy = "";
        PublicKey = Signature = [];
    }

    public Guid Id { get; private set; }

    /// <summary>Whose log it is: the buyer's name, so a checkpoint of another installation is told apart.</summary>
    public string Origin { get; private set; }

    /// <summary>How many entries the log held: the sequence number of its newest entry.</summary>
    public long Size { get; private set; }

    /// <summary>The hash of entry <see cref="Size"/>.</summary>
    public string Head { get; private set; }

    public DateTimeOffset SignedAt { get; private set; }

    /// <summary>The custody key that signed (null for a checkpoint read from a file).</summary>
    public Guid? KeyId { get; private set; }

    public string KeyName { get; private set; }

    /// <summary>SHA-256 of <see cref="PublicKey"/>, lower-case hex.</summary>
    public string KeyFingerprint { get; private set; }

    /// <summary>The signer's public key, DER SubjectPublicKeyInfo.</summary>
    public byte[] PublicKey { get; private set; }

    /// <summary>ECDSA signature over <see cref="Body"/>, DER (RFC 3279).</summary>
    public byte[] Signature { get; private set; }

    /// <summary>Who asked for it: a person, or the scheduler.</summary>
    public string SignedBy { get; private set; }

    /// <summary>The text that is signed: seven lines, each ending in a line feed.</summary>
    public static string Body(string origin, long size, string head, DateTimeOffset signedAt, string keyName, string keyFingerprint) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Header}\norigin: {origin}\nsize: {size}\nhead: {head}\nsigned-at: {signedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}\nkey: {keyName}\nkey-fingerprint: {keyFingerprint}\n");

    public string SignedText => Body(Origin, Size, Head, SignedAt, KeyName, KeyFingerprint);

    /// <summary>The whole checkpoint as written to a file.</summary>
    public string Text => SignedText + $"public-key: {Convert.ToBase64String(PublicKey)}\nsignature: {Convert.ToBase64String(Signature)}\n";

    /// <summary>The file name: the size zero-padded first, so names sort in the order the log grew.</summary>
    public string FileName => string.Create(CultureInfo.InvariantCulture, $"{Size:D12}-{SignedAt.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}{Extension}");

    /// <summary>What is signed, before there is a signature: validates the fields and returns the bytes to sign.</summary>
    public static byte[] ToSign(string origin, long size, string head, DateTimeOffset signedAt, string keyName, string keyFingerprint)
    {
        Check(origin, size, head, keyName, keyFingerprint);
        return Encoding.UTF8.GetBytes(Body(origin, size, head, Millis(Guard.Utc(signedAt, "Signing time")), keyName, keyFingerprint));
    }

    /// <summary>Records a checkpoint signed in custody; the signature is checked against the public key here.</summary>
    public static LogCheckpoint Record(Guid id, string origin, long size, string head, DateTimeOffset signedAt, Guid keyId, string keyName, byte[] publicKey, byte[] signature, string signedBy)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        ArgumentNullException.ThrowIfNull(signature);
        var checkpoint = new LogCheckpoint
        {
            Id = id,
            Origin = origin,
            Size = size,
            Head = head,
            SignedAt = Millis(Guard.Utc(signedAt, "Signing time")),
            KeyId = keyId,
            KeyName = keyName,
            KeyFingerprint = Convert.ToHexStringLower(SHA256.HashData(publicKey)),
            PublicKey = publicKey,
            Signature = signature,
            SignedBy = Guard.RequiredText(signedBy, "Signed by", 256),
        };
        Check(origin, size, head, keyName, checkpoint.KeyFingerprint);
        return checkpoint.SignatureVerifies() ? checkpoint : throw new DomainException("The checkpoint's signature does not verify with the key that signed it.");
    }

    /// <summary>Whether <see cref="Signature"/> is a valid signature of <see cref="SignedText"/> by <see cref="PublicKey"/>.</summary>
    public bool SignatureVerifies()
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(PublicKey, out _);
            var hash = key.KeySize > 256 ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256;
            return key.VerifyData(Encoding.UTF8.GetBytes(SignedText), Signature, hash, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads a checkpoint written by <see cref="Text"/>; a <see cref="DomainException"/> names the line and what is
    /// wrong. It does not check the signature (<see cref="SignatureVerifies"/> does) so an altered file is reported as
    /// altered, not as unreadable.
    /// </summary>
    public static LogCheckpoint Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        string[] names = ["", "origin", "size", "head", "signed-at", "key", "key-fingerprint", "public-key", "signature"];
        if (lines.Length != names.Length || lines[0] != Header)
        {
            throw new DomainException($"{source}: not a SecondSource access-log checkpoint (it should have {names.Length} lines, the first '{Header}').");
        }

        var values = new string[names.Length];
        for (var i = 1; i < names.Length; i++)
        {
            var prefix = names[i] + ": ";
            if (!lines[i].StartsWith(prefix, StringComparison.Ordinal))
            {
                throw new DomainException($"{source}, line {i + 1}: expected '{names[i]}:', found '{Shorten(lines[i])}'.");
            }

            values[i] = lines[i][prefix.Length..];
        }

        if (!long.TryParse(values[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            throw new DomainException($"{source}, line 3 (size): '{Shorten(values[2])}' is not a whole number.");
        }

        if (!DateTimeOffset.TryParseExact(values[4], "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            throw new DomainException($"{source}, line 5 (signed-at): '{Shorten(values[4])}' is not a UTC time such as 2026-12-07T13:00:00.000Z.");
        }

        byte[] publicKey, signature;
        try
        {
            publicKey = Convert.FromBase64String(values[7]);
            signature = Convert.FromBase64String(values[8]);
        }
        catch (FormatException)
        {
            throw new DomainException($"{source}, line {(IsBase64(values[7]) ? 9 : 8)}: not base64.");
        }

        try
        {
            Check(values[1], size, values[3], values[5], values[6]);
        }
        catch (DomainException ex)
        {
            throw new DomainException($"{source}: {ex.Message}");
        }

        return new LogCheckpoint
        {
            Origin = values[1],
            Size = size,
            Head = values[3],
            SignedAt = at.ToUniversalTime(),
            KeyName = values[5],
            KeyFingerprint = values[6],
            PublicKey = publicKey,
            Signature = signature,
            SignedBy = "",
        };
    }

    /// <summary>Whether the fingerprint line names the public key the file carries (a file could name one key and hold another).</summary>
    public bool FingerprintMatchesKey => Convert.ToHexStringLower(SHA256.HashData(PublicKey)) == KeyFingerprint;

    private static void Check(string origin, long size, string head, string keyName, string keyFingerprint)
    {
        _ = Guard.RequiredText(origin, "Origin", 200);
        _ = Guard.RequiredText(keyName, "Key name", 100);
        if (size < 1)
        {
            throw new DomainException($"A checkpoint covers at least one entry; the size is {size}.");
        }

        if (!IsHex(head))
        {
            throw new DomainException($"The head '{Shorten(head)}' is not a SHA-256 hash (64 lower-case hex digits).");
        }

        if (!IsHex(keyFingerprint))
        {
            throw new DomainException($"The key fingerprint '{Shorten(keyFingerprint)}' is not a SHA-256 hash (64 lower-case hex digits).");
        }
    }

    private static bool IsHex(string value) => value.Length == 64 && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    private static bool IsBase64(string value) => Convert.TryFromBase64String(value, new byte[value.Length], out _);

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static DateTimeOffset Millis(DateTimeOffset at) =>
        new(at.UtcTicks / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}
